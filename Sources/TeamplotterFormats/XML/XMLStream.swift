#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import TeamplotterCore

/// Takes the events of an `XMLStream`. Names and attributes are only valid during the call.
protocol XMLStreamHandler {
    /// `name` is the local name: any namespace prefix dropped.
    mutating func start(_ name: UnsafeBufferPointer<UInt8>, attributes: XMLAttributes) throws
    mutating func end(_ name: UnsafeBufferPointer<UInt8>) throws
    /// Character data with entities resolved and line ends made "\n", possibly in several pieces.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws
}

/// The attributes of one start tag, read on demand by local name.
struct XMLAttributes {
    struct Span {
        var name: Range<Int>
        var localName: Range<Int>
        var value: Range<Int>
        /// The value holds an entity reference or a whitespace character that must be replaced.
        var needsDecoding: Bool
    }

    let base: UnsafeBufferPointer<UInt8>
    let spans: UnsafeBufferPointer<Span>

    /// The value of the first attribute with this local name.
    func value(_ name: StaticString) -> String? {
        let wanted = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        for span in spans where span.localName.count == wanted.count {
            guard XMLBytes.equal(UnsafeBufferPointer(rebasing: base[span.localName]), wanted) else { continue }
            return value(of: span)
        }
        return nil
    }

    /// The value of the first attribute with this local name as bytes (decoded when it must be),
    /// or nil: for the attributes of every cell, which need no String.
    func withValue<R>(_ name: StaticString, _ body: (UnsafeBufferPointer<UInt8>?) throws -> R) rethrows -> R {
        let wanted = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        for span in spans where span.localName.count == wanted.count {
            guard XMLBytes.equal(UnsafeBufferPointer(rebasing: base[span.localName]), wanted) else { continue }
            guard span.needsDecoding else { return try body(UnsafeBufferPointer(rebasing: base[span.value])) }
            return try Array(value(of: span).utf8).withUnsafeBufferPointer { try body($0) }
        }
        return try body(nil)
    }

    /// Every attribute, in document order: qualified name, local name, value.
    func forEach(_ body: (String, String, String) throws -> Void) rethrows {
        for span in spans {
            try body(
                String(decoding: UnsafeBufferPointer(rebasing: base[span.name]), as: UTF8.self),
                String(decoding: UnsafeBufferPointer(rebasing: base[span.localName]), as: UTF8.self),
                value(of: span))
        }
    }

    private func value(of span: Span) -> String {
        let raw = UnsafeBufferPointer(rebasing: base[span.value])
        guard span.needsDecoding else { return String(decoding: raw, as: UTF8.self) }
        var decoded: [UInt8] = []
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if byte == UInt8(ascii: "&") {
                // Checked when the tag was read: the reference is complete and known.
                let end = raw[index...].firstIndex(of: UInt8(ascii: ";"))!
                XMLBytes.appendEntity(UnsafeBufferPointer(rebasing: raw[(index + 1)..<end]), to: &decoded)
                index = end + 1
            } else if byte == UInt8(ascii: "\r") {
                // A line end in a value is one space (XML 1.0 §3.3.3).
                decoded.append(UInt8(ascii: " "))
                index += index + 1 < raw.count && raw[index + 1] == UInt8(ascii: "\n") ? 2 : 1
            } else {
                decoded.append(byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }
}

/// A strict, streaming reader of well-formed XML, for every part of a workbook: the large ones
/// (sheets, shared strings) are fed in chunks as they are inflated, events going straight to
/// a handler, and nothing but the open elements' names and one unfinished token is kept.
/// FoundationXML's XMLParser took 8 s for the 53 MB sheet of a 100,000-row workbook with a
/// delegate that only counted; this takes a fraction of that.
///
/// It refuses what OOXML never has and a bomb needs: a DTD, and so any entity but the five
/// predefined ones and character references. It checks well-formedness (matching tags, one root,
/// quoted and unrepeated attributes, legal characters, UTF-8), not names' namespace bindings.
struct XMLStream<Handler: XMLStreamHandler> {
    var handler: Handler
    /// No tag, comment, CDATA section or processing instruction may be longer: this bounds the
    /// bytes held while waiting for the end of one.
    let maximumTokenLength: Int

    /// Bytes fed but not yet read: at most one unfinished token (text is handed on in pieces).
    private var pending: [UInt8] = []
    /// `pending[..<validated]` is known to be UTF-8 (up to a whole character).
    private var validated = 0
    /// The open elements' qualified names, one after the other, and where each starts.
    private var names: [UInt8] = []
    private var nameStarts: [Int] = []
    private var spans: [XMLAttributes.Span] = []
    private var sawRoot = false
    private var atStart = true
    /// For line and column in messages: lines and the bytes since the last line end, before `pending`.
    private var lines = 0
    private var column = 0
    /// The bytes being read, while they are: `pending` is lent out then.
    private var reading: UnsafeBufferPointer<UInt8>?
    /// What is wrong with the document so far. Once something is, the rest is only checked
    /// for UTF-8: as when the whole part was checked before parsing, bytes that are not UTF-8
    /// anywhere are what is told, then a declared encoding, then a DTD, then malformed XML.
    private var deferred: (rank: Int, failure: XMLTree.Failure)?
    /// `<!DOCTYPE` in the first 16 KiB, anywhere: refused as such, as the tree reader did.
    private var headChecked = 0
    private var doctypeInHead = false

    init(handler: Handler, maximumTokenLength: Int = 32 * 1_048_576) {
        self.handler = handler
        self.maximumTokenLength = maximumTokenLength
        pending.reserveCapacity(512 * 1024)
    }

    enum Failure: Error {
        case xml(XMLTree.Failure)
        /// The handler's own error.
        case handler(any Error)
    }

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) throws(Failure) {
        checkHead(chunk)
        pending.append(contentsOf: chunk)
        try run(isFinal: false)
    }

    mutating func finish() throws(Failure) {
        try run(isFinal: true)
        if deferred == nil {
            if !pending.isEmpty {
                postpone(malformedAt(pending.count, .endsInsideTag))
            } else if !nameStarts.isEmpty {
                postpone(malformedAt(0, .endsInsideElement(openName)))
            } else if !sawRoot {
                postpone(malformedAt(0, .noRootElement))
            }
        }
        if doctypeInHead { postpone(.xml(.doctype)) }
        if let deferred { throw .xml(deferred.failure) }
    }

    private mutating func postpone(_ failure: Failure) {
        guard case .xml(let failure) = failure else { return }
        let rank: Int
        switch failure {
        case .encoding: rank = 1
        case .doctype: rank = 2
        default: rank = 3
        }
        if rank < deferred?.rank ?? Int.max { deferred = (rank, failure) }
    }

    private mutating func checkHead(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard headChecked < 16_384, !doctypeInHead else { return }
        // Keep up to 8 bytes from before, so a marker across two chunks is seen.
        let carried = Array(pending.suffix(min(8, headChecked)))
        let head = carried + chunk.prefix(16_384 - headChecked)
        headChecked += min(chunk.count, 16_384 - headChecked)
        doctypeInHead = head.withUnsafeBufferPointer { XMLBytes.find("<!DOCTYPE", in: $0, from: 0) != nil }
    }

    private var openName: String {
        String(decoding: names[(nameStarts.last ?? 0)...], as: UTF8.self)
    }

    private mutating func run(isFinal: Bool) throws(Failure) {
        try validate(isFinal: isFinal)
        if deferred != nil {
            // Only checking the rest now.
            pending.removeSubrange(..<validated)
            validated = 0
            return
        }
        var consumed = 0
        var failure: Failure?
        let copy = pending
        pending = []
        copy.withUnsafeBufferPointer { buffer in
            reading = buffer
            do throws(Failure) {
                consumed = try read(UnsafeBufferPointer(rebasing: buffer[..<validated]), isFinal: isFinal)
            } catch {
                failure = error
            }
            reading = nil
        }
        pending = copy
        if let failure {
            guard case .xml = failure else { throw failure }
            postpone(failure)
            pending.removeSubrange(..<validated)
            validated = 0
            return
        }
        if consumed > 0 {
            count(lines: pending[..<consumed])
            pending.removeSubrange(..<consumed)
            validated -= consumed
        }
        if pending.count > maximumTokenLength {
            postpone(malformedAt(0, .tagTooLong(limitBytes: maximumTokenLength)))
            pending.removeAll()
            validated = 0
        }
    }

    /// Checks the new bytes up to the last whole character (all of them at the end).
    private mutating func validate(isFinal: Bool) throws(Failure) {
        var end = pending.count
        if !isFinal {
            // Back up over an unfinished character: at most three bytes.
            var lead = end
            while lead > validated, lead > end - 4, pending[lead - 1] & 0xC0 == 0x80 { lead -= 1 }
            if lead > validated, lead > end - 4 {
                let byte = pending[lead - 1]
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                if length > end - (lead - 1) { end = lead - 1 }
            }
        }
        guard end > validated else { return }
        if atStart, validated == 0, end >= 3, pending[0] == 0xEF, pending[1] == 0xBB, pending[2] == 0xBF {
            // The byte order mark is not part of the document.
            pending.removeFirst(3)
            end -= 3
        }
        let valid = pending[validated..<end].withUnsafeBufferPointer { TextDecoding.isValidUTF8($0) }
        guard valid else { throw .xml(.encoding("UTF-8")) }
        validated = end
    }

    private mutating func count(lines bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { buffer in
            guard var cursor = buffer.baseAddress else { return }
            let end = cursor + buffer.count
            while cursor < end, let found = memchr(cursor, 0x0A, end - cursor) {
                lines += 1
                column = 0
                cursor = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
            }
            column += end - cursor
        }
    }

    private func malformedAt(_ offset: Int, _ reason: XMLMalformation) -> Failure {
        var line = lines + 1
        var column = self.column
        let bytes = reading.map { Array($0.prefix(offset)) } ?? Array(pending.prefix(offset))
        for byte in bytes {
            if byte == 0x0A {
                line += 1
                column = 0
            } else {
                column += 1
            }
        }
        return .xml(.malformed(line: line, column: column + 1, reason: reason))
    }

    /// Reads as many whole tokens as `buffer` holds; returns how many bytes that took.
    private mutating func read(_ buffer: UnsafeBufferPointer<UInt8>, isFinal: Bool) throws(Failure) -> Int {
        var position = 0
        let count = buffer.count
        let special = XMLBytes.isSpecial
        // Where an unfinished token starts: wait for more bytes, unless there are none.
        func unfinished(_ start: Int) throws(Failure) -> Int {
            if isFinal { throw malformedAt(start, .endsInsideTag) }
            return start
        }
        while position < count {
            // Text up to the next markup, entity or character that needs a look.
            var end = position
            special.withUnsafeBufferPointer { special in
                while end < count, !special[Int(buffer[end])] { end += 1 }
            }
            if end > position {
                try text(UnsafeBufferPointer(rebasing: buffer[position..<end]), at: position)
                position = end
                continue
            }
            let byte = buffer[position]
            switch byte {
            case UInt8(ascii: "<"):
                guard let next = try markup(buffer, at: position, isFinal: isFinal) else { return try unfinished(position) }
                position = next
            case UInt8(ascii: "&"):
                guard let semicolon = XMLBytes.find(UInt8(ascii: ";"), in: buffer, from: position + 1, limit: 32) else {
                    if count - position < 32 { return try unfinished(position) }
                    throw malformedAt(position, .unfinishedEntity)
                }
                var decoded: [UInt8] = []
                guard XMLBytes.appendEntity(UnsafeBufferPointer(rebasing: buffer[(position + 1)..<semicolon]), to: &decoded) else {
                    throw malformedAt(position, .unknownEntity)
                }
                try decoded.withUnsafeBufferPointer { (bytes) throws(Failure) in try text(bytes, at: position) }
                position = semicolon + 1
            case UInt8(ascii: "\r"):
                // CR LF and a lone CR are both a line end (XML 1.0 §2.11).
                if position + 1 == count, !isFinal { return position }
                let newline: [UInt8] = [0x0A]
                try newline.withUnsafeBufferPointer { (bytes) throws(Failure) in try text(bytes, at: position) }
                position += position + 1 < count && buffer[position + 1] == 0x0A ? 2 : 1
            default:
                throw malformedAt(position, .characterNotAllowed(byte))
            }
        }
        return position
    }

    private mutating func text(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) throws(Failure) {
        atStart = false
        if nameStarts.isEmpty {
            // Outside the root element only white space may stand.
            guard bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
                throw malformedAt(offset, sawRoot ? .contentAfterRoot : .textBeforeRoot)
            }
            return
        }
        do { try handler.text(bytes) } catch { throw .handler(error) }
    }

    /// A tag, comment, CDATA section or processing instruction at `start` ("<"): where it ends,
    /// or nil when the buffer ends first.
    private mutating func markup(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int, isFinal: Bool) throws(Failure) -> Int? {
        let count = buffer.count
        guard start + 1 < count else { return nil }
        func hasPrefix(_ literal: StaticString) -> Bool? {
            let length = literal.utf8CodeUnitCount
            let available = min(length, count - start)
            for index in 0..<available where buffer[start + index] != literal.utf8Start[index] { return false }
            return available == length ? true : nil
        }
        switch buffer[start + 1] {
        case UInt8(ascii: "/"):
            return try endTag(buffer, at: start)
        case UInt8(ascii: "?"):
            guard let end = XMLBytes.find("?>", in: buffer, from: start + 2) else { return nil }
            let body = UnsafeBufferPointer(rebasing: buffer[(start + 2)..<end])
            // Another encoding is told as such even when the declaration is malformed too.
            if atStart, let declared = XMLTree.declaredEncoding(Array(buffer[start..<(end + 2)])),
                !["utf-8", "utf8"].contains(declared.lowercased())
            {
                postpone(.xml(.encoding(declared)))
            }
            let target = body.prefix { !XMLBytes.isSpace($0) }
            guard let first = target.first, XMLBytes.isNameStart(first), target.allSatisfy(XMLBytes.isNameByte) else {
                throw malformedAt(start, .processingInstructionWithoutName)
            }
            if target.count == 3, String(decoding: target, as: UTF8.self).lowercased() == "xml" {
                // The declaration, only at the very start and only in its one form.
                guard atStart, XMLBytes.isDeclaration(body) else { throw malformedAt(start, .malformedDeclaration) }
            }
            try checkCharacters(body, at: start + 2)
            atStart = false
            return end + 2
        case UInt8(ascii: "!"):
            atStart = false
            switch hasPrefix("<!--") {
            case nil: return nil
            case true?:
                guard let end = XMLBytes.find("-->", in: buffer, from: start + 4) else { return nil }
                let body = UnsafeBufferPointer(rebasing: buffer[(start + 4)..<end])
                // "--" may not stand inside a comment, nor "-" at its end.
                if XMLBytes.find("--", in: body, from: 0) != nil || body.last == UInt8(ascii: "-") {
                    throw malformedAt(start, .doubleHyphenInComment)
                }
                try checkCharacters(body, at: start + 4)
                return end + 3
            case false?: break
            }
            switch hasPrefix("<![CDATA[") {
            case nil: return nil
            case true?:
                guard let end = XMLBytes.find("]]>", in: buffer, from: start + 9) else { return nil }
                guard !nameStarts.isEmpty else { throw malformedAt(start, .cdataOutsideRoot) }
                try cdataText(UnsafeBufferPointer(rebasing: buffer[(start + 9)..<end]), at: start)
                return end + 3
            case false?: break
            }
            switch hasPrefix("<!DOCTYPE") {
            case nil: return nil
            case true?: throw .xml(.doctype)
            case false?: break
            }
            throw malformedAt(start, .unknownMarkup)
        default:
            return try startTag(buffer, at: start)
        }
    }

    /// CDATA goes on as it stands, line ends included, as XMLParser handed it on.
    private mutating func cdataText(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) throws(Failure) {
        try checkCharacters(bytes, at: offset + 9)
        do { try handler.text(bytes) } catch { throw .handler(error) }
    }

    /// No control characters but tab and line ends, in markup that is not otherwise looked at.
    private func checkCharacters(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) throws(Failure) {
        if let bad = bytes.firstIndex(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
            throw malformedAt(offset + bad, .characterNotAllowed(bytes[bad]))
        }
    }

    private mutating func startTag(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int) throws(Failure) -> Int? {
        atStart = false
        let count = buffer.count
        let nameStart = start + 1
        guard XMLBytes.isNameStart(buffer[nameStart]) else { throw malformedAt(start, .tagWithoutName) }
        guard let nameEnd = XMLBytes.nameEnd(buffer, from: nameStart) else { return nil }
        if sawRoot, nameStarts.isEmpty { throw malformedAt(start, .contentAfterRoot) }
        if !spans.isEmpty { spans.removeAll(keepingCapacity: true) }
        var position = nameEnd
        var isEmpty = false
        while true {
            let spaceStart = position
            while position < count, XMLBytes.isSpace(buffer[position]) { position += 1 }
            guard position < count else { return nil }
            let byte = buffer[position]
            if byte == UInt8(ascii: ">") {
                position += 1
                break
            }
            if byte == UInt8(ascii: "/") {
                guard position + 1 < count else { return nil }
                guard buffer[position + 1] == UInt8(ascii: ">") else { throw malformedAt(position, .slashWithoutClose) }
                position += 2
                isEmpty = true
                break
            }
            // An attribute: name = "value", after white space.
            guard position > spaceStart, XMLBytes.isNameStart(byte) else { throw malformedAt(position, .malformedAttribute) }
            let attributeStart = position
            guard let attributeEnd = XMLBytes.nameEnd(buffer, from: position) else { return nil }
            position = attributeEnd
            while position < count, XMLBytes.isSpace(buffer[position]) { position += 1 }
            guard position < count else { return nil }
            guard buffer[position] == UInt8(ascii: "=") else { throw malformedAt(position, .attributeWithoutValue) }
            position += 1
            while position < count, XMLBytes.isSpace(buffer[position]) { position += 1 }
            guard position < count else { return nil }
            let quote = buffer[position]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw malformedAt(position, .attributeValueWithoutQuotes)
            }
            let valueStart = position + 1
            var valueEnd = valueStart
            var needsDecoding = false
            while valueEnd < count, buffer[valueEnd] != quote {
                let character = buffer[valueEnd]
                if character == UInt8(ascii: "<") { throw malformedAt(valueEnd, .lessThanInAttributeValue) }
                if character == UInt8(ascii: "&") {
                    guard let semicolon = XMLBytes.find(UInt8(ascii: ";"), in: buffer, from: valueEnd + 1, limit: 32) else {
                        if count - valueEnd < 32 { return nil }
                        throw malformedAt(valueEnd, .unfinishedEntity)
                    }
                    var scratch: [UInt8] = []
                    guard XMLBytes.appendEntity(UnsafeBufferPointer(rebasing: buffer[(valueEnd + 1)..<semicolon]), to: &scratch) else {
                        throw malformedAt(valueEnd, .unknownEntity)
                    }
                    needsDecoding = true
                } else if character < 0x20 {
                    guard character == 0x09 || character == 0x0A || character == 0x0D else {
                        throw malformedAt(valueEnd, .characterNotAllowed(character))
                    }
                    needsDecoding = true
                }
                valueEnd += 1
            }
            guard valueEnd < count else { return nil }
            let name = attributeStart..<attributeEnd
            for span in spans where XMLBytes.equal(buffer, span.name, name) {
                throw malformedAt(attributeStart, .attributeTwice(String(decoding: buffer[name], as: UTF8.self)))
            }
            spans.append(
                XMLAttributes.Span(
                    name: name, localName: XMLBytes.localName(buffer, name), value: valueStart..<valueEnd, needsDecoding: needsDecoding))
            position = valueEnd + 1
        }
        sawRoot = true
        let name = UnsafeBufferPointer(rebasing: buffer[XMLBytes.localName(buffer, nameStart..<nameEnd)])
        let spans = self.spans
        do {
            try spans.withUnsafeBufferPointer { spans in
                try handler.start(name, attributes: XMLAttributes(base: buffer, spans: spans))
            }
            if isEmpty {
                try handler.end(name)
            }
        } catch {
            throw .handler(error)
        }
        if !isEmpty {
            // Deep nesting is an attack, not a workbook (XMLParser took 5,000 levels; so does this).
            guard nameStarts.count < XMLBytes.maximumDepth, names.count + (nameEnd - nameStart) <= XMLBytes.maximumOpenNameBytes else {
                throw malformedAt(start, .nestedTooDeeply(limit: XMLBytes.maximumDepth))
            }
            nameStarts.append(names.count)
            names.append(contentsOf: buffer[nameStart..<nameEnd])
        }
        return position
    }

    private mutating func endTag(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int) throws(Failure) -> Int? {
        let count = buffer.count
        let nameStart = start + 2
        guard let nameEnd = XMLBytes.nameEnd(buffer, from: nameStart) else { return nil }
        var position = nameEnd
        while position < count, XMLBytes.isSpace(buffer[position]) { position += 1 }
        guard position < count else { return nil }
        guard buffer[position] == UInt8(ascii: ">") else { throw malformedAt(position, .malformedEndTag) }
        guard let open = nameStarts.last else { throw malformedAt(start, .endTagWithoutStart) }
        let matches = names[open...].withUnsafeBufferPointer { openName in
            XMLBytes.equal(openName, UnsafeBufferPointer(rebasing: buffer[nameStart..<nameEnd]))
        }
        guard matches else {
            throw malformedAt(start, .endTagMismatch(end: String(decoding: buffer[nameStart..<nameEnd], as: UTF8.self), open: openName))
        }
        nameStarts.removeLast()
        names.removeSubrange(open...)
        let name = UnsafeBufferPointer(rebasing: buffer[XMLBytes.localName(buffer, nameStart..<nameEnd)])
        do { try handler.end(name) } catch { throw .handler(error) }
        return position + 1
    }
}

/// Byte work for `XMLStream`.
enum XMLBytes {
    /// How deep elements may nest: the open elements' names are the one thing the stream keeps
    /// that grows with the document.
    static let maximumDepth = 10_000
    static let maximumOpenNameBytes = 1_048_576

    /// `xml version="1.x" encoding="…" standalone="yes|no"` (the last two optional, in that
    /// order) between "<?" and "?>".
    static func isDeclaration(_ body: UnsafeBufferPointer<UInt8>) -> Bool {
        var rest = Substring(String(decoding: body, as: UTF8.self).dropFirst(3))
        var seen: [String] = []
        while true {
            let spaced = rest.first.map { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" } ?? false
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            if rest.isEmpty { return seen.first == "version" }
            guard spaced else { return false }
            let name = rest.prefix { $0.isLetter }
            rest = rest.dropFirst(name.count).drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            guard rest.first == "=" else { return false }
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            guard let quote = rest.first, quote == "\"" || quote == "'" else { return false }
            rest = rest.dropFirst()
            guard let close = rest.firstIndex(of: quote) else { return false }
            let value = rest[..<close]
            rest = rest[rest.index(after: close)...]
            let order = ["version", "encoding", "standalone"]
            guard let position = order.firstIndex(of: String(name)), (seen.last.flatMap(order.firstIndex) ?? -1) < position,
                seen.isEmpty == (name == "version")
            else { return false }
            switch name {
            case "version":
                guard value.hasPrefix("1."), value.count > 2, value.dropFirst(2).allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            case "encoding":
                guard let first = value.first, first.isASCII, first.isLetter,
                    value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
                else { return false }
            default:
                guard value == "yes" || value == "no" else { return false }
            }
            seen.append(String(name))
        }
    }

    /// What bytes may follow in plain text without a closer look.
    static let isSpecial: [Bool] = (0...255).map { byte in
        (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == Int(UInt8(ascii: "<")) || byte == Int(UInt8(ascii: "&"))
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Where a name starting at `start` ends (exclusive); nil when the buffer ends first.
    /// The name ends at the first byte that cannot be part of one; whoever reads on checks
    /// that what follows may follow a name.
    static func nameEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var end = start
        while end < buffer.count {
            guard isNameByte(buffer[end]) else { return end }
            end += 1
        }
        return nil
    }

    /// XML 1.0 name characters; beyond ASCII every byte is let through (names there are rare,
    /// and UTF-8 was checked).
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "."), 0x80...:
            return true
        default: return false
        }
    }

    static func isNameStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), UInt8(ascii: ":"), 0x80...:
            return true
        default: return false
        }
    }

    static func localName(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        guard let colon = buffer[range].lastIndex(of: UInt8(ascii: ":")) else { return range }
        return (colon + 1)..<range.upperBound
    }

    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    static func equal(_ buffer: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        equal(UnsafeBufferPointer(rebasing: buffer[a]), UnsafeBufferPointer(rebasing: buffer[b]))
    }

    static func find(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int? {
        var index = start
        while index < buffer.count, index < start + limit {
            if buffer[index] == byte { return index }
            index += 1
        }
        return nil
    }

    /// The start of `literal` in the buffer from `start`, or nil.
    static func find(_ literal: StaticString, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let length = literal.utf8CodeUnitCount
        let first = literal.utf8Start[0]
        var index = start
        while index + length <= buffer.count {
            guard let found = memchr(buffer.baseAddress! + index, Int32(first), buffer.count - index - length + 1) else { return nil }
            index = buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(buffer.baseAddress! + index, UnsafeRawPointer(literal.utf8Start), length) == 0 { return index }
            index += 1
        }
        return nil
    }

    /// Appends what an entity reference (the bytes between "&" and ";") stands for; false for an
    /// unknown entity or a character XML does not allow.
    @discardableResult
    static func appendEntity(_ name: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) -> Bool {
        switch String(decoding: name, as: UTF8.self) {
        case "lt": output.append(UInt8(ascii: "<"))
        case "gt": output.append(UInt8(ascii: ">"))
        case "amp": output.append(UInt8(ascii: "&"))
        case "quot": output.append(UInt8(ascii: "\""))
        case "apos": output.append(UInt8(ascii: "'"))
        case let reference where reference.hasPrefix("#"):
            let digits = reference.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, !digits.isEmpty, !digits.hasPrefix("+"), !digits.hasPrefix("x+"),
                let scalar = Unicode.Scalar(value), XMLText.isAllowed(scalar)
            else { return false }
            output.append(contentsOf: String(Character(scalar)).utf8)
        default:
            return false
        }
        return true
    }
}
