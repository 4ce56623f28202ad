import Testing
@testable import TeamplotterWeb

@Suite struct HTTPResponseTests {
    /// The byte-wise comparison of header names agrees with comparing lowercased copies,
    /// including non-ASCII names whose lowercase has another length.
    @Test func headerNamesCompareAsTheirLowercasedForms() {
        let names = [
            "", "a", "A", "Content-Type", "content-type", "CONTENT-TYPE", "Content-Typ", "Content-Typf",
            "X-Frame-Options", "x-frame-options ", "@", "`", "[", "{", "İ", "i\u{307}", "ai\u{307}", "aİ", "aI",
            "Straße", "STRASSE", "straße", "Σ", "σ", "ς", "é", "É", "e\u{301}",
        ]
        for a in names {
            for b in names {
                #expect(HTTPResponse.sameName(a, b) == (a.lowercased() == b.lowercased()), "\(a) vs \(b)")
            }
        }
    }

    @Test func headerLookupIgnoresCaseAndSetHeaderReplaces() {
        var response = HTTPResponse(headers: [("Content-Type", "text/plain"), ("Set-Cookie", "a=1"), ("set-cookie", "b=2")])
        #expect(response.header("content-type") == "text/plain")
        #expect(response.header("CONTENT-TYPE") == "text/plain")
        #expect(response.header("Content-Length") == nil)
        response.setHeader("SET-COOKIE", "c=3")
        #expect(response.headers.filter { $0.name.lowercased() == "set-cookie" }.map(\.value) == ["c=3"])
    }
}
