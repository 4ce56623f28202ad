import CSQLite

/// One open SQLite database. Not thread-safe on its own: the store only touches it inside its
/// Mutex, which is what the unchecked Sendable stands for.
final class SQLiteConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    let path: String

    init(path: String) throws(SQLiteError) {
        var pointer: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        let result = sqlite3_open_v2(path, &pointer, flags, nil)
        guard result == SQLITE_OK, let pointer else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(pointer)
            throw SQLiteError(code: result, message: message + " (\(path))", sql: nil)
        }
        handle = pointer
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit {
        prepared = [:]
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws(SQLiteError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let result = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        guard result == SQLITE_OK else {
            let message = errorMessage.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(errorMessage)
            throw SQLiteError(code: result, message: message, sql: sql)
        }
    }

    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let result = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard result == SQLITE_OK, let statement else {
            throw SQLiteError(code: result, message: lastMessage, sql: sql)
        }
        return SQLiteStatement(statement, sql: sql)
    }

    /// The statements this connection ran, kept prepared: parsing and planning the SQL again for
    /// every row written or read cost more than running it. Only our own fixed SQL comes here
    /// (values are bound), so the number of entries stays small.
    private var prepared: [String: SQLiteStatement] = [:]

    /// A prepared statement for `sql` with `values` bound, run by `body`, and reset afterwards
    /// so that it holds no read transaction open once `body` is done.
    private func withStatement<T>(
        _ sql: String, _ values: [SQLiteValue], _ body: (SQLiteStatement) throws(SQLiteError) -> T
    ) throws(SQLiteError) -> T {
        let statement: SQLiteStatement
        if let cached = prepared[sql] {
            statement = cached
        } else {
            statement = try prepare(sql)
            prepared[sql] = statement
        }
        defer { statement.reset() }
        try statement.bind(values)
        return try body(statement)
    }

    /// Prepares, binds and runs a statement that returns no rows.
    func run(_ sql: String, _ values: SQLiteValue...) throws(SQLiteError) {
        try withStatement(sql, values) { statement throws(SQLiteError) in
            while try statement.step() {}
        }
    }

    /// Runs a query and maps each row.
    func query<T>(_ sql: String, _ values: SQLiteValue..., row: (SQLiteStatement) -> T) throws(SQLiteError) -> [T] {
        try withStatement(sql, values) { statement throws(SQLiteError) in
            var rows: [T] = []
            while try statement.step() { rows.append(row(statement)) }
            return rows
        }
    }

    /// The first column of the first row, as an integer.
    func scalar(_ sql: String, _ values: SQLiteValue...) throws(SQLiteError) -> Int64? {
        try withStatement(sql, values) { statement throws(SQLiteError) in
            try statement.step() ? statement.int(0) : nil
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    /// IMMEDIATE takes the write lock at the start, so a second writer waits instead of failing
    /// halfway through.
    func transaction<T, E: Error>(_ body: () throws(E) -> T) throws(TransactionError<E>) -> T {
        do {
            try execute("BEGIN IMMEDIATE")
        } catch {
            throw .database(error)
        }
        let result: T
        do {
            result = try body()
        } catch {
            try? execute("ROLLBACK")
            throw .body(error)
        }
        do {
            try execute("COMMIT")
        } catch {
            try? execute("ROLLBACK")
            throw .database(error)
        }
        return result
    }

    /// Throws when a row points at a row that does not exist (for when foreign keys are off).
    func checkForeignKeys() throws(SQLiteError) {
        let sql = "PRAGMA foreign_key_check"
        let broken = try query(sql) { row in row.text(0) }
        guard broken.isEmpty else {
            throw SQLiteError(
                code: SQLITE_CONSTRAINT, message: "foreign keys broken in: " + Set(broken).sorted().joined(separator: ", "), sql: sql)
        }
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    var changes: Int { Int(sqlite3_changes(handle)) }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }
}

/// What made a transaction fail: the database, or the work done inside it.
enum TransactionError<Body: Error>: Error {
    case database(SQLiteError)
    case body(Body)
}

/// A value bound to a statement parameter.
enum SQLiteValue {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    static func optional(_ text: String?) -> SQLiteValue { text.map(SQLiteValue.text) ?? .null }
    static func optional(_ number: Double?) -> SQLiteValue { number.map(SQLiteValue.real) ?? .null }
    static func optional(_ number: Int?) -> SQLiteValue { number.map { .integer(Int64($0)) } ?? .null }
    static func int(_ number: Int) -> SQLiteValue { .integer(Int64(number)) }
    static func bool(_ flag: Bool) -> SQLiteValue { .integer(flag ? 1 : 0) }
}

/// A prepared statement; finalised when released.
final class SQLiteStatement {
    private let handle: OpaquePointer
    let sql: String

    /// The connection keeps its prepared statements, so a statement does not keep the connection
    /// (that would be a cycle); it reaches the database through SQLite's own handle, which
    /// `sqlite3_close_v2` keeps open until the last statement is finalised.
    init(_ handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
    }

    private var database: OpaquePointer { sqlite3_db_handle(handle) }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Ready to run again; the bound values are kept until the next `bind`.
    func reset() {
        sqlite3_reset(handle)
    }

    func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let result: Int32
            switch value {
            case .null: result = sqlite3_bind_null(handle, index)
            case .integer(let number): result = sqlite3_bind_int64(handle, index, number)
            case .real(let number): result = sqlite3_bind_double(handle, index, number)
            case .text(let text):
                // With its byte count, so text with a NUL inside is kept whole.
                var text = text
                result = text.withUTF8 { bytes in
                    guard let base = bytes.baseAddress, !bytes.isEmpty else {
                        return sqlite3_bind_text(handle, index, "", 0, csqlite_transient())
                    }
                    return UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: bytes.count) { characters in
                        sqlite3_bind_text(handle, index, characters, Int32(bytes.count), csqlite_transient())
                    }
                }
            }
            guard result == SQLITE_OK else {
                throw SQLiteError(code: result, message: String(cString: sqlite3_errmsg(database)), sql: sql)
            }
        }
    }

    /// Advances to the next row: true while there is one.
    func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            throw SQLiteError(code: sqlite3_extended_errcode(database), message: String(cString: sqlite3_errmsg(database)), sql: sql)
        }
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : double(column) }
    func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : Int(int(column)) }

    func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }
}
