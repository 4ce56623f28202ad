import Testing
import TeamplotterCore
@testable import TeamplotterFormats

/// A worksheet read in parts on several threads gives what one thread gives: the same team, the
/// same problems at the same rows, the same refusal. Files of many lengths, so that the cut
/// falls in many places: inside quoted cells with line breaks, next to blank records, after a
/// stray quote that fools the guess.
@Suite struct SplitReadingTests {
    enum Outcome: Equatable {
        case read(Team, [InputProblem])
        case refused([InputProblem])
    }

    static func outcome(_ text: String, minimumBytesToSplit: Int) -> Outcome {
        var text = text
        return text.withUTF8 { bytes in
            var records = CSVReader.Records(TextDecoding.withoutByteOrderMark(bytes), file: "team.csv")
            do throws(InputProblems) {
                let loaded = try TeamLoader.team(
                    from: &records, file: "team.csv", teamName: "T", minimumBytesToSplit: minimumBytesToSplit)
                return .read(loaded.team, loaded.warnings)
            } catch {
                return .refused(error.problems)
            }
        }
    }

    /// Whether the cut was made at all (else the test would only compare one thread with itself).
    static func splits(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var records = CSVReader.Records(bytes, file: nil)
            _ = try? records.next()
            return records.parts(WorksheetReader.parts, minimumBytes: 0).count > 1
        }
    }

    static func expectSame(_ text: String, _ label: String) {
        let one = outcome(text, minimumBytesToSplit: .max)
        let two = outcome(text, minimumBytesToSplit: 0)
        #expect(one == two, "\(label)")
    }

    static let header = "Functie;Naam;Uren per week;Taken;Rollen;Competenties"

    /// Row `number` of a worksheet: quoted cells with line breaks, now and then a problem.
    static func row(_ number: Int, lineEnd: String = "\n") -> String {
        let roles = switch number % 7 {
        case 0: "\"Strateeg (20%)\nWebredacteur\""
        case 1: "Onbekende rol \(number)"  // an error
        case 2: "\"Contentmanager website;Verbinder\""
        case 3: "\"Strateeg, Verbinder\""  // commas where line breaks belong
        default: "Webredacteur"
        }
        let hours = number % 11 == 0 ? "veel" : "\(20 + number % 17)"
        let tasks = "\"Taak \(number), met komma\(lineEnd)- Taak \(number + 1)\(lineEnd)• Taak \"\"geciteerd\"\"\""
        return "Functie \(number);Mens \(number);\(hours);\(tasks);\(roles);\"Competentie \(number % 5) (3)\""
    }

    @Test func sameTeamAndProblemsWhereverTheCutFalls() {
        var cuts = 0
        for count in 1...60 {
            let text = ([Self.header] + (0..<count).map { Self.row($0) }).joined(separator: "\n") + "\n"
            if Self.splits(text) { cuts += 1 }
            Self.expectSame(text, "\(count) rows")
        }
        #expect(cuts > 50)
    }

    @Test func sameForAWorksheetWithoutProblems() {
        for count in [2, 3, 10, 41] {
            let rows = (0..<count).map { "Functie \($0);Mens \($0);36;\"Taak a\nTaak b\";\"Strateeg\nVerbinder\";Schrijven" }
            let text = ([Self.header] + rows).joined(separator: "\r\n") + "\r\n"
            // Two rows leave no line break past the middle but the last.
            if count > 2 { #expect(Self.splits(text)) }
            guard case .read(let team, _) = Self.outcome(text, minimumBytesToSplit: 0) else {
                Issue.record("refused")
                continue
            }
            #expect(team.functions.count == count)
            #expect(team.functions.map(\.title) == (0..<count).map { "Functie \($0)" })
            Self.expectSame(text, "\(count) clean rows")
        }
    }

    @Test func sameWithBlankRecordsAndLineEndings() {
        for lineEnd in ["\n", "\r\n", "\r"] {
            for count in [5, 8, 13] {
                var lines = [Self.header]
                for number in 0..<count {
                    lines.append(Self.row(number, lineEnd: lineEnd))
                    if number % 3 == 0 { lines.append(";;;;;") }
                    if number % 4 == 0 { lines.append("") }
                }
                Self.expectSame(lines.joined(separator: lineEnd) + lineEnd, "\(count) rows, \(lineEnd.debugDescription)")
            }
        }
    }

    @Test func aStrayQuoteThatFoolsTheCutStillReadsTheSame() {
        for count in 14...60 {
            // In the first part, and further on. (Past the first ten records, which are read
            // before the rest is cut.)
            for stray in Set([10, 10 + (count - 10) / 4, 10 + (count - 10) / 2]) {
                var rows = (0..<count).map { Self.row($0) }
                // A quote inside an unquoted cell is a plain character, but flips the guessed
                // parity: the next cut lands inside a quoted cell.
                rows[stray] = "Functie 5\"x;Mens;36;Taak;Webredacteur;Lezen"
                Self.expectSame(([Self.header] + rows).joined(separator: "\n") + "\n", "stray quote in \(stray) of \(count) rows")
            }
        }
    }

    @Test func aBrokenQuoteInAnyPartIsTheSameRefusal() {
        for count in 6...24 {
            for broken in [1, count / 2, count - 1] {
                // No other quote for the broken one to pair with: it runs to the end of the file.
                var rows = (0..<count).map { "Functie \($0);Mens;36;Taak;Strateeg;Lezen" }
                rows[broken] = "Functie \(broken);Mens;36;\"Taak zonder einde;Strateeg;Lezen"
                let text = ([Self.header] + rows).joined(separator: "\n") + "\n"
                let outcome = Self.outcome(text, minimumBytesToSplit: 0)
                guard case .refused(let problems) = outcome else {
                    Issue.record("read a broken quote")
                    continue
                }
                #expect(problems.first?.kind == .unterminatedQuote)
                Self.expectSame(text, "broken quote in row \(broken) of \(count)")
            }
        }
    }

    @Test func aMissingClosingQuoteInAnyPartIsTheSameRefusal() {
        for count in 14...40 {
            for broken in [10, count / 2, count - 2] {
                var rows = (0..<count).map { Self.row($0) }
                // The tasks cell loses its closing quote: the quotes after it pair up wrongly.
                rows[broken] = "Functie \(broken);Mens;36;\"Taak zonder einde;\"Strateeg\";Lezen"
                let text = ([Self.header] + rows).joined(separator: "\n") + "\n"
                guard case .refused(let problems) = Self.outcome(text, minimumBytesToSplit: 0) else {
                    Issue.record("read a missing closing quote, row \(broken) of \(count)")
                    continue
                }
                #expect(problems.first?.kind == .textAfterQuote)
                Self.expectSame(text, "missing closing quote in row \(broken) of \(count)")
            }
        }
    }

    @Test func problemsPastTheLimitAreCountedOverAllParts() {
        let rows = (0..<500).map { "Functie \($0);Mens;36;Taak;Onbekend \($0);Lezen" }
        let text = ([Self.header] + rows).joined(separator: "\n")
        guard case .refused(let problems) = Self.outcome(text, minimumBytesToSplit: 0) else {
            Issue.record("read unknown roles")
            return
        }
        #expect(problems.count == WorksheetReader.problemLimit + 1)
        #expect(problems.last?.kind == .tooManyProblems(more: 300))
        #expect(problems[199].location.row == 201)
        Self.expectSame(text, "500 problems")
    }

    @Test func thePartsCoverTheRestAndStartAfterLineFeeds() {
        let text = ([Self.header] + (0..<300).map { Self.row($0) }).joined(separator: "\n")
        var copy = text
        copy.withUTF8 { bytes in
            var records = CSVReader.Records(bytes, file: nil)
            _ = try? records.next()
            let parts = records.parts(WorksheetReader.parts, minimumBytes: 0)
            #expect(parts.count == WorksheetReader.parts)
            var joined: [UInt8] = []
            var afterHeader = records
            while let _ = try? afterHeader.next() {}
            for (number, part) in parts.enumerated() {
                let piece = number == 0 ? UnsafeBufferPointer(rebasing: part.bytes[(Self.header.utf8.count + 1)...]) : part.bytes
                if number > 0 { #expect(part.bytes.baseAddress.map { $0[-1] } == UInt8(ascii: "\n")) }
                joined.append(contentsOf: piece)
            }
            #expect(joined == Array(bytes[(Self.header.utf8.count + 1)...]))
        }
    }

    @Test func quotesAreCountedEightBytesAtATime() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 8, 9, 63, 64, 65, 1000] {
            let bytes: [UInt8] = (0..<length).map { _ in
                [UInt8(ascii: "\""), 0, 0xA2, 0x22 ^ 0x80, 0x21, 0x23, UInt8.random(in: 0...255, using: &generator)].randomElement(using: &generator)!
            }
            let counted = bytes.withUnsafeBufferPointer { CSVReader.Records.quoteCount($0) }
            #expect(counted == bytes.count { $0 == UInt8(ascii: "\"") }, "\(length) bytes")
        }
    }

    @Test func smallFilesAreNotCut() {
        let text = Self.header + "\n" + Self.row(1) + "\n" + Self.row(2)
        var copy = text
        copy.withUTF8 { bytes in
            let records = CSVReader.Records(bytes, file: nil)
            #expect(records.parts(WorksheetReader.parts, minimumBytes: bytes.count).count == 1)
        }
    }
}
