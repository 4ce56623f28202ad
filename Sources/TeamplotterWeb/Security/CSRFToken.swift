/// Cross-site request forgery protection by double submit: a random token in a cookie that
/// only this site can read (HttpOnly, SameSite=Strict), repeated in a hidden field of every form.
/// Another site can make a browser post a form, but cannot know the token to put in it.
enum CSRFToken {
    static let cookieName = "tp_csrf"
    static let fieldName = "csrf"

    /// 32 random bytes as hex; SystemRandomNumberGenerator reads the kernel's secure source.
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let word = generator.next() as UInt64
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 64 && token.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// Compares without stopping at the first difference, so timing tells nothing.
    static func matches(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }

    static func cookie(_ token: String) -> String {
        "\(cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict"
    }
}
