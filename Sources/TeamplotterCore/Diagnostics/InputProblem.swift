/// Where in an input a problem sits. Rows and columns count from 1, as a spreadsheet shows them.
public struct SourceLocation: Sendable, Hashable {
    public var file: String?
    public var sheet: String?
    public var row: Int?
    public var column: Int?
    /// For JSON: the path to the value, e.g. `functions[2].hoursPerWeek`.
    public var path: String?

    public init(
        file: String? = nil, sheet: String? = nil, row: Int? = nil, column: Int? = nil,
        path: String? = nil
    ) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.path = path
    }

    /// `file:row:column` (the parts that are known), the way compilers name a place. In a
    /// workbook the cell is named the way Excel shows it: `file:Team!C3`.
    public var prefix: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let sheet, let row, let column {
            parts.append("\(sheet)!\(Self.columnLetters(column))\(row)")
            if let path { parts.append(path) }
            return parts.joined(separator: ":")
        }
        if let sheet { parts.append(sheet) }
        if let row {
            parts.append(String(row))
            if let column { parts.append(String(column)) }
        }
        if let path { parts.append(path) }
        return parts.joined(separator: ":")
    }

    /// 1 → "A", 27 → "AA".
    static func columnLetters(_ column: Int) -> String {
        var number = column
        var letters = ""
        while number > 0 {
            letters.insert(Character(UnicodeScalar(UInt8(65 + (number - 1) % 26))), at: letters.startIndex)
            number = (number - 1) / 26
        }
        return letters
    }
}

/// One thing wrong with an input, with what would be right.
public struct InputProblem: Error, Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case emptyFile
        case notText
        case notATeamFile
        /// A team document (JSON) given as a needs file: its needs are in it already.
        case needsInTeamDocument
        case invalidJSON(JSONSyntax)
        /// A key given twice in one JSON object, told where it comes again.
        case duplicateKey(key: String, firstRow: Int, firstColumn: Int)
        case notATeamDocument(reason: String)
        case unsupportedVersion(String)
        case wrongType(expected: ExpectedValue)
        case missingValue(field: String)
        case unterminatedQuote
        /// `"ab"cd`: a quoted cell goes on after its closing quote, most often because a quote
        /// earlier in the file is missing and the quotes pair up wrongly.
        case textAfterQuote
        case missingColumn(field: String, accepted: [String])
        case duplicateColumn(header: String)
        case unknownRole(name: String, suggestions: [String])
        case unknownPriority(value: String)
        case invalidNumber(value: String, field: String)
        case outOfRange(value: String, field: String, range: ClosedRange<Double>)
        case duplicateNeed(role: String, firstRow: Int?)
        case duplicateRoleInFunction(role: String)
        case tooLarge(limitBytes: Int)
        case notAWholeNumber(value: String, field: String)
        case rolesSeparatedByCommas(cell: String)
        case invalidLevel(value: String)
        case unknownColumn(header: String, suggestion: String?)
        case extraCell(value: String)
        case singleCellRow(delimiter: Character)
        case mixedEncoding
        /// The file starts with the UTF-8 byte order mark, but is not UTF-8 after it.
        case notUTF8AfterByteOrderMark
        case utf16
        /// A UTF-16 file that is (named or looks like) a team document: Excel's advice is no help.
        case utf16Document
        case unknownKey(key: String, suggestion: String?)
        case duplicateId(id: String)
        case conflictingWorkload(hours: String, fte: String)
        case tooManyProblems(more: Int)
        /// Only warnings were left out: nothing failed, so nothing needs fixing first.
        case tooManyWarnings(more: Int)
        /// Spreadsheet files (XLSX) and sheet layouts.
        case spreadsheet(SpreadsheetIssue)
        case other(String)
    }

    public var location: SourceLocation
    public var kind: Kind
    public var isWarning: Bool

    public init(_ kind: Kind, at location: SourceLocation, isWarning: Bool = false) {
        self.kind = kind
        self.location = location
        self.isWarning = isWarning
    }

    /// Where a message is read: it points to what the reader has there, such as the list of
    /// roles (a command on the command line, a page in the web app).
    public enum Surface: Sendable {
        case commandLine, web
    }

    /// `file:row:column: message`, in the user's language. Control characters from the input
    /// are shown as `?`, so that a file cannot send escape codes to the user's terminal.
    public func formatted(_ language: Language, on surface: Surface = .commandLine) -> String {
        let prefix = location.prefix
        // "waarschuwing: en nog 100 waarschuwingen" would say it twice.
        let label = isWarning && !Self.countsWarnings(kind) ? language.pick("waarschuwing: ", "warning: ") : ""
        return Self.printable((prefix.isEmpty ? "" : prefix + ": ") + label + message(language, on: surface))
    }

    private static func countsWarnings(_ kind: Kind) -> Bool {
        if case .tooManyWarnings = kind { true } else { false }
    }

    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(scalar.properties.generalCategory == .control ? "?" : scalar)
        }
        return String(result)
    }

    /// User text quoted in a message, cut short so one bad cell cannot flood the screen.
    static func shortened(_ text: String, limit: Int = 80) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    public func message(_ language: Language, on surface: Surface = .commandLine) -> String {
        let l = language
        switch kind {
        case .emptyFile:
            return l.pick("het bestand is leeg", "the file is empty")
        case .notText:
            return l.pick(
                "dit is geen tekstbestand of Excel-werkmap; geef een teamdocument (.json), een werkblad (.csv) of een werkmap (.xlsx)",
                "this is neither a text file nor an Excel workbook; give a team document (.json), a worksheet (.csv) or a workbook (.xlsx)")
        case .needsInTeamDocument:
            return l.pick(
                "een behoeftebestand is CSV of XLSX; de behoefte van een JSON-teamdocument staat in dat document zelf",
                "a needs file is CSV or XLSX; the needs of a JSON team document are in that document itself")
        case .notATeamFile:
            return l.pick(
                "dit lijkt geen teamdocument (.json) of werkblad (.csv) met een kolom Functie en een kolom Rollen of een kolom per rol",
                "this looks like neither a team document (.json) nor a worksheet (.csv) with a Function column and a Roles column or a column per role")
        case .invalidJSON(let syntax):
            return syntax.message(l)
        case .duplicateKey(let key, let row, let column):
            return l.pick(
                "veld \"\(Self.shortened(key))\" staat twee keer in hetzelfde object (eerst op regel \(row), kolom \(column)); een van de waarden zou ongemerkt verloren gaan: laat er één staan",
                "field \"\(Self.shortened(key))\" appears twice in the same object (first at line \(row), column \(column)); one of the values would be lost without a word: keep one")
        case .notATeamDocument(let reason):
            return l.pick(
                "dit JSON-bestand is geen Teamplotter-teamdocument (\(reason))",
                "this JSON file is not a Teamplotter team document (\(reason))")
        case .unsupportedVersion(let version):
            return l.pick(
                "versie \(version) wordt niet ondersteund; deze Teamplotter leest versie 1",
                "version \(version) is not supported; this Teamplotter reads version 1")
        case .wrongType(let expected):
            return l.pick("verwacht: ", "expected: ") + expected.text(l)
        case .missingValue(let field):
            return l.pick("\(field) ontbreekt", "\(field) is missing")
        case .unterminatedQuote:
            return l.pick(
                "een cel begint met een aanhalingsteken (\") dat nergens wordt gesloten",
                "a cell opens a quote (\") that is never closed")
        case .textAfterQuote:
            return l.pick(
                "na het aanhalingsteken (\") dat deze cel sluit, staat nog tekst: ontbreekt er hier of eerder een aanhalingsteken?",
                "text follows the quote (\") that closes this cell: is a quote missing here or earlier?")
        case .missingColumn(let field, let accepted):
            let names = accepted.map { "\"\($0)\"" }.joined(separator: ", ")
            return l.pick(
                "kolom \(field) ontbreekt in de kopregel; verwacht een van: \(names)",
                "column \(field) is missing from the header row; expected one of: \(names)")
        case .duplicateColumn(let header):
            // A warning goes on without the second column; an error stops the file.
            return isWarning
                ? l.pick(
                    "kolom \"\(header)\" staat twee keer in de kopregel; de tweede wordt genegeerd",
                    "column \"\(header)\" appears twice in the header row; the second is ignored")
                : l.pick(
                    "kolom \"\(header)\" staat twee keer in de kopregel; welke van de twee geldt is niet te zeggen: laat er één staan",
                    "column \"\(header)\" appears twice in the header row; which of the two holds cannot be told: keep one")
        case .unknownRole(let name, let suggestions):
            let base = l.pick("onbekende rol \"\(Self.shortened(name))\"", "unknown role \"\(Self.shortened(name))\"")
            guard !suggestions.isEmpty else {
                return base + (surface == .web
                    ? l.pick("; zie de pagina Rollenlijst voor de namen van de rollen", "; see the Role catalogue page for the names of the roles")
                    : l.pick("; zie `teamplotter roles` voor de rollenlijst", "; see `teamplotter roles` for the catalogue"))
            }
            let list = suggestions.map { "\"\($0)\"" }.joined(separator: l.pick(" of ", " or "))
            return base + l.pick("; bedoelt u \(list)?", "; did you mean \(list)?")
        case .unknownPriority(let value):
            let valid = Priority.allCases.map { "\"\($0.label(l))\"" }.joined(separator: ", ")
            if value.isEmpty {
                return l.pick("prioriteit ontbreekt; kies uit \(valid)", "priority is missing; choose one of \(valid)")
            }
            return l.pick(
                "onbekende prioriteit \"\(Self.shortened(value))\"; kies uit \(valid)",
                "unknown priority \"\(Self.shortened(value))\"; choose one of \(valid)")
        case .invalidNumber(let value, let field):
            return l.pick(
                "\(field): \"\(Self.shortened(value))\" is geen getal; schrijf alleen cijfers, met een komma of punt voor decimalen",
                "\(field): \"\(Self.shortened(value))\" is not a number; write digits only, with a comma or point for decimals")
        case .notAWholeNumber(let value, let field):
            return l.pick(
                "\(field): \"\(Self.shortened(value))\" is geen heel getal (schrijf bijvoorbeeld 2)",
                "\(field): \"\(Self.shortened(value))\" is not a whole number (write for example 2)")
        case .rolesSeparatedByCommas(let cell):
            return l.pick(
                "\"\(Self.shortened(cell))\" zijn meerdere rollen met komma's ertussen; zet elke rol op een eigen regel in de cel (Alt+Enter in Excel) of scheid ze met ;",
                "\"\(Self.shortened(cell))\" are several roles with commas between them; put each role on a line of its own in the cell (Alt+Enter in Excel) or separate them with ;")
        case .invalidLevel(let value):
            return l.pick(
                "niveau \"\(Self.shortened(value))\" bestaat niet; een competentieniveau is 1, 2, 3 of 4",
                "level \"\(Self.shortened(value))\" does not exist; a competency level is 1, 2, 3 or 4")
        case .unknownColumn(let header, let suggestion):
            let hint = suggestion.map { l.pick("; bedoelt u \"\($0)\"?", "; did you mean \"\($0)\"?") } ?? ""
            return l.pick(
                "kolom \"\(Self.shortened(header))\" is onbekend en wordt niet gelezen\(hint)",
                "column \"\(Self.shortened(header))\" is unknown and is not read\(hint)")
        case .extraCell(let value):
            return l.pick(
                "deze cel (\"\(Self.shortened(value))\") staat buiten de kolommen van de kopregel; geef de kolom een kop of verplaats de waarde",
                "this cell (\"\(Self.shortened(value))\") lies outside the header's columns; give the column a header or move the value")
        case .singleCellRow(let delimiter):
            let name = delimiter == ";" ? l.pick("puntkomma (;)", "semicolon (;)") : delimiter == "," ? l.pick("komma (,)", "comma (,)") : "tab"
            return l.pick(
                "deze rij heeft maar één cel, terwijl de kopregel de \(name) als scheidingsteken gebruikt; gebruik overal hetzelfde scheidingsteken",
                "this row has only one cell, while the header row uses the \(name) as delimiter; use the same delimiter throughout")
        case .mixedEncoding:
            return l.pick(
                "het bestand mengt UTF-8 met een andere tekenset; sla het in Excel opnieuw op als \"CSV UTF-8\"",
                "the file mixes UTF-8 with another character set; save it again from Excel as \"CSV UTF-8\"")
        case .notUTF8AfterByteOrderMark:
            return l.pick(
                "het bestand begint met het kenmerk van UTF-8 (BOM), maar deze rij is geen geldige UTF-8; sla het in Excel opnieuw op als \"CSV UTF-8\"",
                "the file starts with the UTF-8 byte order mark, but this row is not valid UTF-8; save it again from Excel as \"CSV UTF-8\"")
        case .utf16:
            return l.pick(
                "dit bestand is UTF-16 (\"Unicode-tekst\"); sla het in Excel op als \"CSV UTF-8 (door komma's gescheiden)\"",
                "this file is UTF-16 (\"Unicode text\"); save it from Excel as \"CSV UTF-8 (comma delimited)\"")
        case .utf16Document:
            return l.pick(
                "dit bestand is UTF-16; een teamdocument (JSON) is UTF-8: sla het opnieuw op als UTF-8 (in Kladblok: Opslaan als, Codering UTF-8)",
                "this file is UTF-16; a team document (JSON) is UTF-8: save it again as UTF-8 (in Notepad: Save as, Encoding UTF-8)")
        case .unknownKey(let key, let suggestion):
            let hint = suggestion.map { l.pick("; bedoelt u \"\($0)\"?", "; did you mean \"\($0)\"?") } ?? ""
            return l.pick(
                "onbekend veld \"\(Self.shortened(key))\"\(hint)",
                "unknown field \"\(Self.shortened(key))\"\(hint)")
        case .duplicateId(let id):
            return l.pick(
                "id \"\(Self.shortened(id))\" komt twee keer voor; elke rol en categorie heeft een eigen id",
                "id \"\(Self.shortened(id))\" appears twice; every role and category needs its own id")
        case .conflictingWorkload(let hours, let fte):
            return l.pick(
                "uren (\(hours)) en fte (\(fte)) spreken elkaar tegen; de uren tellen",
                "hours (\(hours)) and FTE (\(fte)) disagree; the hours count")
        case .tooManyProblems(let more):
            return l.pick(
                "en nog \(more) problemen; los eerst deze op",
                "and \(more) more problems; fix these first")
        case .tooManyWarnings(let more):
            return l.pick("en nog \(more) " + (more == 1 ? "waarschuwing" : "waarschuwingen"), "and \(more) more " + (more == 1 ? "warning" : "warnings"))
        case .outOfRange(let value, let field, let range):
            let low = Self.number(range.lowerBound, l)
            let high = Self.number(range.upperBound, l)
            return l.pick(
                "\(field): \(value) ligt niet tussen \(low) en \(high)",
                "\(field): \(value) is not between \(low) and \(high)")
        case .duplicateNeed(let role, let firstRow):
            let first = firstRow.map { l.pick(" (ook in rij \($0))", " (also in row \($0))") } ?? ""
            return l.pick(
                "rol \"\(role)\" staat twee keer in de behoefte\(first); noem elke rol één keer",
                "role \"\(role)\" appears twice in the needs\(first); name each role once")
        case .duplicateRoleInFunction(let role):
            return l.pick(
                "rol \"\(role)\" staat twee keer bij deze functie; hij telt één keer",
                "role \"\(role)\" is named twice in this function; it counts once")
        case .tooLarge(let limit):
            return l.pick(
                "het bestand is groter dan \(limit / 1_048_576) MB",
                "the file is larger than \(limit / 1_048_576) MB")
        case .spreadsheet(let issue):
            return issue.message(l)
        case .other(let text):
            return text
        }
    }

    private static func number(_ value: Double, _ language: Language) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(value)
        return language == .nl ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}

/// What makes a text invalid JSON, at the line and column its problem names.
public enum JSONSyntax: Sendable, Hashable {
    /// The text ends while an object, list or text is still open.
    case endsEarly
    /// A character that cannot stand where it does.
    case unexpected(String)
    case textAfterEnd
    /// A number `Double` cannot hold (1e999), or one too small to be told from 0 (1e-400).
    case numberOutOfRange(String)
    case nestedTooDeeply(limit: Int)
    /// A tab, line break or other control character typed inside a text.
    case controlCharacter
    case invalidEscape(String)
    case notUTF8

    public func message(_ l: Language) -> String {
        switch self {
        case .endsEarly:
            return l.pick(
                "het document houdt op terwijl er nog iets open staat (een {, [ of \"); is het bestand afgekapt, of ontbreekt er een haakje of aanhalingsteken?",
                "the document ends while something is still open (a {, [ or \"); was the file cut short, or is a bracket or quote missing?")
        case .unexpected(let character):
            return l.pick(
                "ongeldige JSON: \"\(character)\" hoort hier niet; controleer komma's, haakjes en aanhalingstekens",
                "invalid JSON: \"\(character)\" does not belong here; check commas, brackets and quotes")
        case .textAfterEnd:
            return l.pick(
                "na het einde van het document staat nog tekst; staat er een haakje te veel?",
                "text follows the end of the document; is there a bracket too many?")
        case .numberOutOfRange(let number):
            return l.pick(
                "het getal \(InputProblem.shortened(number)) is te groot of te klein; schrijf een gewoon getal, zoals 36 of 0.8",
                "the number \(InputProblem.shortened(number)) is too large or too small; write an ordinary number, such as 36 or 0.8")
        case .nestedTooDeeply(let limit):
            return l.pick(
                "het document is dieper genest dan \(limit) niveaus; een teamdocument heeft er maar een paar",
                "the document is nested deeper than \(limit) levels; a team document has only a few")
        case .controlCharacter:
            return l.pick(
                "een tekst bevat een tab, regeleinde of ander stuurteken; schrijf \\t voor een tab en \\n voor een regeleinde",
                "a text holds a tab, line break or other control character; write \\t for a tab and \\n for a line break")
        case .invalidEscape(let escape):
            return l.pick(
                "\"\(escape)\" is geen geldige escape; geldig zijn \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t en \\u met vier hexadecimale cijfers (een surrogaat alleen als paar)",
                "\"\(escape)\" is not a valid escape; valid are \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\u with four hexadecimal digits (a surrogate only as a pair)")
        case .notUTF8:
            return l.pick(
                "het document is geen geldige UTF-8; sla het op als UTF-8",
                "the document is not valid UTF-8; save it as UTF-8")
        }
    }
}

/// The kind of JSON value a place in a team document takes.
public enum ExpectedValue: Sendable, Hashable {
    case text, number, wholeNumber, trueOrFalse, list, function, roleReference, roleNeed, needs,
        competency, catalogue, catalogueMode, teamHeader, object

    public func text(_ l: Language) -> String {
        switch self {
        case .text: l.pick("tekst", "text")
        case .number: l.pick("een getal", "a number")
        case .wholeNumber: l.pick("een heel getal", "a whole number")
        case .trueOrFalse: l.pick("true of false", "true or false")
        case .list: l.pick("een lijst [ … ]", "a list [ … ]")
        case .function: l.pick("een object (een functie)", "an object (a function)")
        case .roleReference: l.pick("een rol-id of {\"role\": …, \"share\": …}", "a role id or {\"role\": …, \"share\": …}")
        case .roleNeed: l.pick("een object met \"role\" en \"priority\"", "an object with \"role\" and \"priority\"")
        case .needs: l.pick("een object met \"roles\", \"tasks\" en \"competencies\"", "an object with \"roles\", \"tasks\" and \"competencies\"")
        case .competency: l.pick("tekst of {\"name\": …, \"level\": 1–4}", "text or {\"name\": …, \"level\": 1–4}")
        case .catalogue: l.pick("een object met \"mode\" en \"categories\"", "an object with \"mode\" and \"categories\"")
        case .catalogueMode: l.pick("\"extend\" of \"replace\"", "\"extend\" or \"replace\"")
        case .teamHeader: l.pick("een object met \"name\"", "an object with \"name\"")
        case .object: l.pick("een object { … }", "an object { … }")
        }
    }
}

/// Every problem found in one input: an import reports them all together.
public struct InputProblems: Error, Sendable, Hashable {
    public var problems: [InputProblem]

    public init(_ problems: [InputProblem]) {
        self.problems = problems
    }

    public var errors: [InputProblem] { problems.filter { !$0.isWarning } }
    public var warnings: [InputProblem] { problems.filter(\.isWarning) }
}
