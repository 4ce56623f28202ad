import Foundation
import TeamplotterCore

/// Reads the Teamplotter worksheet as people export it from Excel: one row per function
/// (PRODUCT.md §6).
public enum WorksheetReader {
    /// No raw values: a plain enum hashes as a small number, a lookup per cell stays cheap.
    enum Field: Sendable, CaseIterable {
        case title, holder, hours, fte, tasks, roles, competencies
    }

    static let headers: [(field: Field, names: [String])] = [
        (.title, ["Functie", "Functietitel", "Functienaam", "Function", "Title", "Titel"]),
        (.holder, ["Naam", "Medewerker", "Name", "Holder", "Employee", "Persoon"]),
        (.hours, ["Uren per week", "Uren", "Uur per week", "Uren/week", "Hours", "Hours per week"]),
        (.fte, ["FTE", "Fte omvang", "Omvang"]),
        (.tasks, ["Taken", "Taak", "Tasks", "Task", "Werkzaamheden"]),
        (.roles, ["Rollen", "Rol", "Roles", "Role"]),
        (.competencies, ["Competenties", "Competentie", "Competencies", "Competency", "Vaardigheden"]),
    ]

    static let hoursRange = 0.0...80.0
    static let fteRange = 0.0...2.0

    /// Whether this table has a worksheet header (a function column) in its first rows.
    public static func recognises(_ table: CSVTable) -> Bool {
        headerRow(in: table) != nil
    }

    /// Whether the header also has a roles column; without one, a table with a function column
    /// may be a skills matrix instead.
    static func hasRolesColumn(_ table: CSVTable) -> Bool {
        headerRow(in: table).map { $0.1[.roles] != nil } ?? false
    }

    /// At most this many problems are listed; past it, one line says how many more there are.
    static let problemLimit = 200

    /// The team in a worksheet. Every problem is collected; the team is returned only when there
    /// are no errors. Warnings come back with it.
    /// Takes `table` over, letting go of each row once read: a large team is then built in the
    /// memory its table gives up rather than next to it.
    public static func read(
        _ table: consuming CSVTable, file: String?, catalogue: Catalogue = .builtIn,
        teamName: String = "Team"
    ) throws(InputProblems) -> (team: Team, warnings: [InputProblem]) {
        var reader = try RowReader(head: table, file: file, catalogue: catalogue)
        for index in (reader.headerIndex + 1)..<table.rows.count {
            // Taken out of the table, so that the reader owns the row's only copy.
            var row = CSVRow(number: 0, cells: [])
            swap(&row, &table.rows[index])
            reader.read(row)
        }
        return try reader.finish(teamName: teamName)
    }

    /// The team in a worksheet CSV read record by record: `head` holds its first records (the
    /// header among them), `rest` yields the others. No table of the whole file is built, so no
    /// cell outlives its row. Problems are the same as `read` on the whole table gives; a broken
    /// quote anywhere in the file still comes first, as when the file is parsed before it is read.
    static func read(
        head: CSVTable, rest: inout CSVReader.Records, file: String?, catalogue: Catalogue = .builtIn,
        teamName: String, minimumBytesToSplit: Int = minimumBytesToSplit
    ) throws(InputProblems) -> (team: Team, warnings: [InputProblem]) {
        var reader: RowReader
        do {
            reader = try RowReader(head: head, file: file, catalogue: catalogue)
        } catch {
            try rest.skipToEnd()
            throw error
        }
        for row in head.rows.dropFirst(reader.headerIndex + 1) { reader.read(row) }
        rest.itemColumns = ItemColumns(tasks: reader.tasksColumn, roles: reader.rolesColumn, competencies: reader.competenciesColumn)
        try readInParts(&rest, into: &reader, minimumBytes: minimumBytesToSplit)
        return try reader.finish(teamName: teamName)
    }

    /// Parts smaller than this are not worth a thread of their own (handing one over costs tens
    /// of microseconds); a file under twice this size is read on one thread. Tests pass a
    /// smaller one to cut small files.
    static let minimumBytesToSplit = 512 * 1024

    /// Into how many parts a large file is cut: a few per core, so that a slow part (a thread
    /// that had to wait) leaves the others to the free cores.
    static let parts = 32

    /// Reads the records left into `reader`, a large file in parts on all cores. What comes out
    /// is what one thread reading them in order gives: the same functions, problems and rows.
    static func readInParts(
        _ rest: inout CSVReader.Records, into reader: inout RowReader, minimumBytes: Int
    ) throws(InputProblems) {
        let parts = rest.parts(Self.parts, minimumBytes: minimumBytes)
        guard parts.count > 1 else { return try readAll(&rest, into: &reader) }
        let start = reader
        // Plain values rather than `Result`s, so that the readers can be taken out of the array in
        // place: a copy would share their functions, and taking those copies them all.
        var reads = Parts.map(parts.count) { index in
            var records = parts[index]
            var part = PartRead(reader: index == 0 ? start : start.startingAfresh())
            do throws(InputProblems) {
                try readAll(&records, into: &part.reader)
            } catch {
                part.error = error
            }
            part.rows = records.row - 1
            return part
        }
        // The parts before the first that failed, nearly always all of them, are joined at once.
        let clean = reads.firstIndex { $0.error != nil } ?? reads.count
        var rowsBefore = 0
        if clean > 0 {
            swap(&reader, &reads[0].reader)
            rowsBefore = reader.append(taking: &reads, 1..<clean, rowsBefore: reads[0].rows)
        }
        guard clean < reads.count, let error = reads[clean].error else { return }
        // The first part starts where a record does; a later one, when the part before it read
        // cleanly. So the last part's error is the file's, and any other may come of a cut inside
        // a quoted cell: read on from that part's start on this thread.
        if clean == reads.count - 1 { throw error.shiftingRows(by: rowsBefore) }
        var records = parts[clean].reaching(endOf: rest)
        if clean == 0 { return try readAll(&records, into: &reader) }
        var part = [PartRead(reader: start.startingAfresh())]
        do throws(InputProblems) {
            try readAll(&records, into: &part[0].reader)
        } catch {
            throw error.shiftingRows(by: rowsBefore)
        }
        _ = reader.append(taking: &part, 0..<1, rowsBefore: rowsBefore)
    }

    /// What one part of a file gave.
    fileprivate struct PartRead {
        var reader: RowReader
        var error: InputProblems?
        /// The records the part read, blank ones included.
        var rows = 0
    }

    private static func readAll(_ records: inout CSVReader.Records, into reader: inout RowReader) throws(InputProblems) {
        while var row = try records.next() {
            reader.read(&row, items: records.takeItems())
            records.recycle(&row.cells)
        }
    }

    /// The column (from 0) of each field in a header, where it has one.
    struct FieldColumns: Sendable {
        private var columns: (Int?, Int?, Int?, Int?, Int?, Int?, Int?)

        init(_ map: HeaderMap<Field>) {
            columns = (map[.title], map[.holder], map[.hours], map[.fte], map[.tasks], map[.roles], map[.competencies])
        }

        subscript(field: Field) -> Int? {
            switch field {
            case .title: columns.0
            case .holder: columns.1
            case .hours: columns.2
            case .fte: columns.3
            case .tasks: columns.4
            case .roles: columns.5
            case .competencies: columns.6
            }
        }
    }

    /// `Catalogue.Match` with the role's id only.
    enum RoleMatch: Sendable {
        case role(id: String)
        case unknown(suggestions: [String])
    }

    /// Reads the rows under a worksheet's header one at a time, collecting functions and problems.
    struct RowReader {
        // Variables only for `startingAfresh`, which gives a reader copies of its own.
        private(set) var file: String?
        private(set) var sheet: String?
        let delimiter: Character
        let catalogue: Catalogue
        let headerIndex: Int
        private(set) var map: HeaderMap<Field>
        let columns: Int
        // Looked up once: a lookup per cell costs more than the cell.
        let titleColumn: Int?, holderColumn: Int?, rolesColumn: Int?, tasksColumn: Int?, competenciesColumn: Int?
        /// Every field's column, for the places of problems: plain numbers, which a row's places
        /// copy without retaining anything, as they would the header map.
        let fieldColumns: FieldColumns
        var functions: [TeamFunction] = []
        var problems: [InputProblem] = []
        /// Role names repeat across rows; match each spelling once. Spellings are found by their
        /// bytes, so that a role item need not become text; `matches[i]` is the match of entry i.
        /// Only the id of a role is kept: copying a whole `Role` per item costs a retain for each
        /// of its texts.
        var spellings = ByteStringTable(capacity: 64)
        var matches: [RoleMatch] = []

        /// Finds the header in the first rows of `head` (a title line above it is common).
        init(head: borrowing CSVTable, file: String?, catalogue: Catalogue) throws(InputProblems) {
            guard let (headerIndex, map) = headerRow(in: head) else {
                let firstRow = head.rows.first?.number ?? 1
                let missing = head.rows.isEmpty ? InputProblem.Kind.emptyFile : .missingColumn(
                    field: "Functie", accepted: headers[0].names)
                throw InputProblems([InputProblem(missing, at: SourceLocation(file: file, sheet: head.sheet, row: firstRow))])
            }
            let header = head.rows[headerIndex]
            if map[.roles] == nil {
                // With what else the header says: a misspelt "Rolen" is then named with its column
                // and what it probably means.
                throw InputProblems([
                    InputProblem(.missingColumn(field: "Rollen", accepted: map.names(of: .roles)), at: SourceLocation(file: file, sheet: head.sheet, row: header.number))
                ] + headerProblems(map, header: header, file: file, sheet: head.sheet))
            }
            self.file = file
            self.sheet = head.sheet
            self.delimiter = head.delimiter
            self.catalogue = catalogue
            self.headerIndex = headerIndex
            self.map = map
            self.columns = header.cells.count
            titleColumn = map[.title]
            holderColumn = map[.holder]
            rolesColumn = map[.roles]
            tasksColumn = map[.tasks]
            competenciesColumn = map[.competencies]
            fieldColumns = FieldColumns(map)
            problems = headerProblems(map, header: header, file: file, sheet: head.sheet)
            functions.reserveCapacity(head.rows.count - headerIndex - 1)
        }

        mutating func read(_ row: consuming CSVRow) {
            let (competencies, invalidLevels) = CellParsing.competencies(row[competenciesColumn])
            read(&row, items: RecordItems(
                tasks: CellParsing.items(row[tasksColumn]), roles: row[rolesColumn], competencies: competencies,
                invalidLevels: invalidLevels))
        }

        /// Reads a row whose tasks, roles and competencies come as their `items`; their cells are
        /// not looked at. The items are taken over and the title and holder taken out of the row,
        /// so that their texts move into the function: every copy of a text or a list is a retain
        /// and a release, and at 100,000 rows those were a quarter of the reading.
        mutating func read(_ row: inout CSVRow, items: consuming RecordItems) {
            // Problems are placed in the file and sheet once the row is read (`placed(from:)`), so
            // that a clean row touches neither name, nor the header map.
            let firstProblem = problems.count
            let number = row.number
            let fieldColumns = fieldColumns
            func at(_ field: Field) -> SourceLocation {
                SourceLocation(row: number, column: fieldColumns[field].map { $0 + 1 })
            }
            // A row in another delimiter reads as one long cell; say so rather than make it a title.
            if row.cells.count == 1, columns > 1 {
                problems.append(InputProblem(.singleCellRow(delimiter: delimiter), at: SourceLocation(row: number)))
                return placed(from: firstProblem)
            }
            for index in columns..<max(columns, row.cells.count) where !row.cells[index].trimmed.isEmpty {
                problems.append(InputProblem(.extraCell(value: row.cells[index].trimmed), at: SourceLocation(row: number, column: index + 1)))
            }
            let title = CellParsing.trimmed(row.take(titleColumn))
            if title.isEmpty {
                problems.append(InputProblem(.missingValue(field: "Functie"), at: at(.title)))
            }
            let holderText = CellParsing.trimmed(row.take(holderColumn))
            let workload = WorksheetReader.workload(
                row, hoursColumn: fieldColumns[.hours], fteColumn: fieldColumns[.fte], at: at, problems: &problems)

            var roles: [RoleAssignment] = []
            items.withRoles { cell in
                var scanner = CellParsing.ItemScanner(cell)
                // Nearly every item is a role; growing the array would allocate twice.
                roles.reserveCapacity(scanner.limit)
                while let piece = scanner.next() {
                    let item: String
                    switch piece {
                    case .plain(let range):
                        let bytes = UnsafeBufferPointer(rebasing: cell[range])
                        if let known = knownRole(bytes) {
                            roles.append(known)
                            continue
                        }
                        item = String(decoding: bytes, as: UTF8.self)
                    case .text(let text):
                        item = text
                    }
                    readRole(item, into: &roles, at: at)
                }
            }
            // A cell of white space alone keeps no room.
            if roles.isEmpty { roles = [] }

            for level in items.invalidLevels {
                problems.append(InputProblem(.invalidLevel(value: level), at: at(.competencies)))
            }
            let (holder, isVacancy) = WorksheetReader.holder(holderText)
            // The texts and lists go into the function once it is in place: handed to its
            // initialiser, the compiler copied the function into the array (a retain and a release
            // of each of its texts and lists) where an empty one costs nothing to copy.
            functions.append(TeamFunction(title: "", isVacancy: isVacancy, workload: workload))
            let last = functions.count - 1
            functions[last].title = title
            functions[last].holder = holder
            swap(&functions[last].tasks, &items.tasks)
            functions[last].roles = roles
            swap(&functions[last].competencies, &items.competencies)
            placed(from: firstProblem)
        }

        /// Puts the problems from `first` on in this reader's file and sheet.
        private mutating func placed(from first: Int) {
            guard first < problems.count else { return }
            for index in first..<problems.count {
                problems[index].location.file = file
                problems[index].location.sheet = sheet
            }
        }

        /// The same reader with no functions or problems yet, to read another part of the file.
        /// What it retains for each row (file and sheet name, header map, role ids) is in storage
        /// of its own, so that parts read on different cores never retain the same object: the
        /// cores then wait on each other's reference counts.
        func startingAfresh() -> RowReader {
            var reader = self
            reader.file = file.map(Self.ownCopy)
            reader.sheet = sheet.map(Self.ownCopy)
            reader.map = map.separateCopy()
            reader.functions = []
            reader.problems = []
            reader.matches = matches.map { match in
                guard case .role(let id) = match else { return match }
                return .role(id: Self.ownCopy(of: id))
            }
            return reader
        }

        /// The same text in a storage of its own (a short one is held inline anyway).
        private static func ownCopy(of text: String) -> String {
            String(decoding: Array(text.utf8), as: UTF8.self)
        }

        /// Adds what the readers of `reads[range]` read from the records after this one's, the
        /// first `rows` records after this one's start, each of the others after the one before
        /// it; returns the records up to the end of the last. Their functions are moved, not
        /// copied (a copy retains every text and list of every function, a cache miss each on a
        /// large file), into place on all cores; the readers are left without functions.
        fileprivate mutating func append(taking reads: inout [PartRead], _ range: Range<Int>, rowsBefore rows: Int) -> Int {
            var rowsBefore = rows
            for index in range {
                problems.append(contentsOf: InputProblems(reads[index].reader.problems).shiftingRows(by: rowsBefore).problems)
                reads[index].reader.problems = []
                rowsBefore += reads[index].rows
            }
            guard !range.isEmpty else { return rowsBefore }
            // Where each reader's functions go: this one's first, then the others' in order.
            var starts = [0, functions.count]
            for index in range { starts.append(starts[starts.count - 1] + reads[index].reader.functions.count) }
            let total = starts[starts.count - 1]
            var sources: [[TeamFunction]] = [[]]
            swap(&sources[0], &functions)
            for index in range {
                sources.append([])
                swap(&sources[sources.count - 1], &reads[index].reader.functions)
            }
            functions = sources.withUnsafeMutableBufferPointer { sources in
                [TeamFunction](unsafeUninitializedCapacity: total) { target, initialized in
                    _ = Parts.map(sources.count) { source in
                        sources[source].withUnsafeMutableBufferPointer { moved in
                            guard let from = moved.baseAddress, let to = target.baseAddress else { return }
                            // A move copies the bytes; what it leaves behind is made empty again,
                            // so that nothing is released twice.
                            (to + starts[source]).moveInitialize(from: from, count: moved.count)
                            moved.initialize(repeating: TeamFunction(title: ""))
                        }
                    }
                    initialized = total
                }
            }
            return rowsBefore
        }

        /// A role item as text, with its problems.
        private mutating func readRole(_ item: String, into roles: inout [RoleAssignment], at: (Field) -> SourceLocation) {
            let (name, shareText) = CellParsing.splitShare(item)
            var share: Double?
            if let shareText {
                let field = "Aandeel (%) van \(name)"
                share = number(shareText, field: field, range: 0...100, at: at(.roles), into: &problems)
                if shareText.trimmed.isEmpty {
                    problems.append(InputProblem(.invalidNumber(value: "", field: field), at: at(.roles)))
                }
            }
            var key = name
            switch key.withUTF8({ match($0) }) {
            case .role(let id):
                roles.append(RoleAssignment(roleId: id, sharePercent: share))
            case .unknown(let suggestions):
                // "Strateeg, Verbinder": commas where a line break or ; belongs.
                let parts = name.split(separator: ",").map { $0.trimmed }
                if parts.count > 1, parts.allSatisfy({ catalogue.role(matching: CellParsing.splitShare($0).name) != nil }) {
                    problems.append(InputProblem(.rolesSeparatedByCommas(cell: item), at: at(.roles)))
                } else {
                    problems.append(
                        InputProblem(.unknownRole(name: name, suggestions: suggestions), at: at(.roles)))
                }
            }
        }

        /// The role of an item on its bytes, when it is plain ASCII naming a known role with a
        /// valid share or none (nearly every item): no text is made for it. Nil for any other
        /// item, which is read as text with its problems.
        private mutating func knownRole(_ item: UnsafeBufferPointer<UInt8>) -> RoleAssignment? {
            guard let (name, shareBytes) = CellParsing.asciiSplitShare(item) else { return nil }
            var share: Double?
            if let shareBytes {
                guard case .some(.some(.some(let quantity))) = CellParsing.asciiQuantity(UnsafeBufferPointer(rebasing: item[shareBytes])),
                    (0.0...100.0).contains(quantity.value)
                else { return nil }
                share = quantity.value
            }
            guard case .role(let id) = match(UnsafeBufferPointer(rebasing: item[name])) else { return nil }
            return RoleAssignment(roleId: id, sharePercent: share)
        }

        /// The match of a role name given as its UTF-8 bytes, looked up in the catalogue once.
        private mutating func match(_ name: UnsafeBufferPointer<UInt8>) -> RoleMatch {
            let entry = spellings.number(of: name)
            if entry < matches.count { return matches[entry] }
            let match: RoleMatch = switch catalogue.match(String(decoding: name, as: UTF8.self)) {
            case .role(let role): .role(id: Self.ownCopy(of: role.id))
            case .unknown(let suggestions): .unknown(suggestions: suggestions)
            }
            matches.append(match)
            return match
        }

        consuming func finish(teamName: String) throws(InputProblems) -> (team: Team, warnings: [InputProblem]) {
            if problems.contains(where: { !$0.isWarning }) { throw InputProblems(limited(problems, file: file)) }
            return (Team(name: teamName, functions: functions), limited(problems, file: file))
        }
    }

    /// Hours or FTE, whichever column has it; a unit written in the cell ("0,8 fte" under Uren)
    /// is taken at its word.
    static func workload(
        _ row: borrowing CSVRow, hoursColumn: Int?, fteColumn: Int?, at: (Field) -> SourceLocation,
        problems: inout [InputProblem]
    ) -> Workload? {
        func read(_ field: Field, _ label: String) -> Workload? {
            let column = field == .hours ? hoursColumn : fteColumn
            let cell = row[column]
            if let column, row.dateColumns.contains(column) {
                problems.append(InputProblem(.spreadsheet(.dateWhereNumberBelongs(field: label, date: cell)), at: at(field)))
                return nil
            }
            switch CellParsing.quantity(cell) {
            case .some(.none):
                return nil
            case .none:
                problems.append(InputProblem(.invalidNumber(value: cell.trimmed, field: label), at: at(field)))
                return nil
            case .some(.some(let quantity)):
                let isFte = quantity.unit == .fte || (field == .fte && quantity.unit != .hours)
                guard (isFte ? fteRange : hoursRange).contains(quantity.value) else {
                    problems.append(InputProblem(
                        .outOfRange(value: cell.trimmed, field: isFte ? "FTE" : "Uren per week", range: isFte ? fteRange : hoursRange),
                        at: at(field)))
                    return nil
                }
                return isFte ? .fte(quantity.value) : .hoursPerWeek(quantity.value)
            }
        }
        let hours = read(.hours, "Uren per week")
        let fte = read(.fte, "FTE")
        if let hours, let fte {
            let standard = Team.defaultStandardWeekHours
            if abs(hours.fte(standardWeekHours: standard) - fte.fte(standardWeekHours: standard)) > 0.01 {
                problems.append(InputProblem(
                    .conflictingWorkload(hours: row[hoursColumn].trimmed, fte: row[fteColumn].trimmed),
                    at: at(.fte), isWarning: true))
            }
        }
        return hours ?? fte
    }

    private static func headerProblems(
        _ map: HeaderMap<Field>, header: CSVRow, file: String?, sheet: String?
    ) -> [InputProblem] {
        var problems: [InputProblem] = []
        // A second column for the same field would be ignored, and its data lost.
        for duplicate in map.duplicates {
            problems.append(
                InputProblem(
                    .duplicateColumn(header: duplicate.header),
                    at: SourceLocation(file: file, sheet: sheet, row: header.number, column: duplicate.column)))
        }
        let known = Set(map.columns.values) .union(map.duplicates.map { $0.column - 1 })
        let allNames = headers.flatMap(\.names)
        for (index, cell) in header.cells.enumerated() where !known.contains(index) && !cell.trimmed.isEmpty {
            let key = TextKey.compact(cell)
            let suggestion = allNames.min { TextKey.distance(key, TextKey.compact($0)) < TextKey.distance(key, TextKey.compact($1)) }
                .flatMap { TextKey.distance(key, TextKey.compact($0)) <= max(2, key.count / 3) ? $0 : nil }
            problems.append(
                InputProblem(
                    .unknownColumn(header: cell.trimmed, suggestion: suggestion),
                    at: SourceLocation(file: file, sheet: sheet, row: header.number, column: index + 1), isWarning: true))
        }
        return problems
    }

    /// A holder cell's person: none for an empty cell, nor for "Vacature", which makes the function
    /// a vacancy. Shared by the worksheet and the skills-matrix layouts.
    static func holder(_ cell: String) -> (holder: String?, isVacancy: Bool) {
        let isVacancy = CellParsing.isVacancy(cell)
        return (isVacancy || cell.isEmpty ? nil : cell, isVacancy)
    }

    /// Caps a long list of problems, keeping the first ones and saying how many were left out.
    /// Errors go before warnings, so that what refuses the file is never among what is left out
    /// (200 warnings about extra columns hid the one unknown role that refused it). A list of
    /// warnings alone is counted as warnings: nothing failed, so there is nothing to "fix first".
    static func limited(_ problems: [InputProblem], file: String?) -> [InputProblem] {
        guard problems.count > problemLimit else { return problems }
        let more = problems.count - problemLimit
        let errors = problems.filter { !$0.isWarning }
        return Array((errors + problems.filter(\.isWarning)).prefix(problemLimit)) + [
            errors.isEmpty
                ? InputProblem(.tooManyWarnings(more: more), at: SourceLocation(file: file), isWarning: true)
                : InputProblem(.tooManyProblems(more: more), at: SourceLocation(file: file)),
        ]
    }

    static func headerRow(in table: CSVTable) -> (Int, HeaderMap<Field>)? {
        for (index, row) in table.rows.prefix(TableLayout.rowsLookedAt).enumerated() {
            let map = HeaderMap(accepted: headers, header: row.cells)
            if map[.title] != nil { return (index, map) }
        }
        return nil
    }

    /// The number in one cell of a row; a date where the number belongs is a problem of its own.
    static func number(
        in row: CSVRow, column: Int?, field: String, range: ClosedRange<Double>, at location: SourceLocation,
        into problems: inout [InputProblem]
    ) -> Double? {
        if let column, row.dateColumns.contains(column) {
            problems.append(
                InputProblem(.spreadsheet(.dateWhereNumberBelongs(field: field, date: row[column])), at: location))
            return nil
        }
        return number(row[column], field: field, range: range, at: location, into: &problems)
    }

    /// A number in a cell, checked against a range; nil (with a problem) when it is not one.
    static func number(
        _ cell: String, field: String, range: ClosedRange<Double>, at location: SourceLocation,
        into problems: inout [InputProblem]
    ) -> Double? {
        switch CellParsing.number(cell) {
        case .none:
            problems.append(InputProblem(.invalidNumber(value: cell.trimmed, field: field), at: location))
            return nil
        case .some(.none):
            return nil
        case .some(.some(let value)):
            guard range.contains(value) else {
                problems.append(
                    InputProblem(
                        .outOfRange(value: cell.trimmed, field: field, range: range),
                        at: location))
                return nil
            }
            return value
        }
    }
}
