import TeamplotterCore

/// Writes CSV the way Dutch Excel reads it without asking: `;` between cells, UTF-8 with a byte
/// order mark (else Excel guesses Windows-1252), CRLF between rows, quotes where needed.
public enum CSVWriter {
    public static func write(_ rows: [[String]]) -> [UInt8] {
        var text = ""
        for row in rows {
            text += row.map { quoted($0) }.joined(separator: ";") + "\r\n"
        }
        return TextDecoding.byteOrderMark + Array(text.utf8)
    }

    /// Quotes a cell when it holds the delimiter, a quote, a line break or edge spaces. Line breaks
    /// inside a cell are written as CRLF too, as Excel does.
    static func quoted(_ cell: String, delimiter: Character = ";") -> String {
        let needsQuotes = cell.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || cell.first?.isWhitespace == true || cell.last?.isWhitespace == true
        guard needsQuotes else { return cell }
        let normalised = cell.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        return "\"" + normalised.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension SpreadsheetExport {
    /// The team in the worksheet layout (PRODUCT.md §6), as CSV.
    public func worksheetCSV(_ team: Team) -> [UInt8] {
        let catalogue = team.catalogue
        var rows = [teamHeader]
        for function in team.functions {
            var hours = ""
            var fte = ""
            switch function.workload {
            case .hoursPerWeek(let value): hours = Self.decimal(value, language)
            case .fte(let value): fte = Self.decimal(value, language)
            case nil: break
            }
            let holder = function.isVacancy ? language.pick("Vacature", "Vacancy") : (function.holder ?? "")
            rows.append([
                function.title, holder, hours, fte, function.tasks.joined(separator: "\n"),
                function.roles.map { roleText($0, catalogue) }.joined(separator: "\n"),
                function.competencies.map(competencyText).joined(separator: "\n"),
            ])
        }
        return CSVWriter.write(rows)
    }

    /// The needs, as the needs CSV: Rol; Prioriteit; Gewenste fte; Minimaal aantal personen; Toelichting.
    public func needsCSV(_ team: Team) -> [UInt8] {
        let catalogue = team.catalogue
        var rows = [needsHeader]
        for need in team.needs.roles {
            rows.append([
                catalogue.role(id: need.roleId)?.name(language) ?? need.roleId, need.priority.label(language),
                need.desiredFte.map { Self.decimal($0, language) } ?? "", need.minPeople.map(String.init) ?? "",
                need.note ?? "",
            ])
        }
        return CSVWriter.write(rows)
    }
}
