/// What the style sheet says about each cell format: whether it shows a date, or a percentage.
struct CellStyles: Sendable {
    private var dateStyles: Set<Int> = []
    private var percentStyles: Set<Int> = []

    init() {}

    init(_ root: XMLTree) {
        var customFormats: [Int: String] = [:]
        for format in root.child("numFmts")?.children("numFmt") ?? [] {
            if let id = format.attribute("numFmtId").flatMap(Int.init) {
                customFormats[id] = format.attribute("formatCode") ?? ""
            }
        }
        for (index, format) in (root.child("cellXfs")?.children("xf") ?? []).enumerated() {
            let id = format.attribute("numFmtId").flatMap(Int.init) ?? 0
            if let code = customFormats[id] {
                if Self.codeShowsDate(code) { dateStyles.insert(index) }
                if Self.codeShowsPercent(code) { percentStyles.insert(index) }
            } else {
                if Self.builtInDateFormats.contains(id) { dateStyles.insert(index) }
                if id == 9 || id == 10 { percentStyles.insert(index) }
            }
        }
    }

    func isDate(_ style: Int) -> Bool { dateStyles.contains(style) }
    func isPercent(_ style: Int) -> Bool { percentStyles.contains(style) }

    /// ECMA-376 built-in formats that show dates or times (including the East Asian ones).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// Whether a format code shows a date or time: d, m, y, h or s outside quoted text,
    /// [brackets] (colours, conditions) and escaped characters.
    static func codeShowsDate(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var skipNext = false
        for character in code.lowercased() {
            if skipNext {
                skipNext = false
                continue
            }
            if inQuotes {
                if character == "\"" { inQuotes = false }
                continue
            }
            if inBrackets {
                if character == "]" { inBrackets = false }
                continue
            }
            switch character {
            case "\"": inQuotes = true
            case "[": inBrackets = true
            case "\\", "_", "*": skipNext = true
            case "d", "m", "y", "h", "s": return true
            default: break
            }
        }
        return false
    }

    static func codeShowsPercent(_ code: String) -> Bool {
        var inQuotes = false
        for character in code {
            if character == "\"" { inQuotes.toggle() } else if character == "%", !inQuotes { return true }
        }
        return false
    }
}
