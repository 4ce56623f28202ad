/// A failed SQLite call, with what is needed to find out why: the result code, SQLite's own
/// message and the statement that was running.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The extended result code (e.g. 2067 for a UNIQUE constraint).
    public var code: Int32
    public var message: String
    /// The SQL being prepared or run, when there was one.
    public var sql: String?

    public init(code: Int32, message: String, sql: String?) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    public var description: String {
        "SQLite error \(code): \(message)" + (sql.map { " in: \($0)" } ?? "")
    }
}
