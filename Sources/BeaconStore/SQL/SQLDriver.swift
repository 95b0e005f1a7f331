/// Runs SQL written once against one backend: GRDB's pool for SQLite, postgres-nio's client
/// for PostgreSQL.
///
/// Repositories write their statements once with `?` placeholders; the driver turns them
/// into its dialect, binds `SQLValue`s and returns rows read by column name. A statement
/// that breaks a unique key throws `SQLDriverError.uniqueViolation`, so a repository can say
/// which name or email was taken. Statements that must report how many rows they changed
/// end in `RETURNING` (both backends support it) and count the rows returned.
public protocol SQLDriver: Sendable {
    var dialect: SQLDialect { get }
    /// Runs one statement that returns no rows.
    func execute(_ sql: String, _ arguments: [SQLValue]) async throws
    /// Runs one statement and returns its rows.
    func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow]
    /// Runs statements in order in one transaction: all of them take effect or none.
    func transaction(_ statements: [(sql: String, arguments: [SQLValue])]) async throws
}

/// What a driver reports about a statement the database refused, in terms callers act on.
public enum SQLDriverError: Error, Sendable {
    /// A `UNIQUE` or primary-key constraint was violated.
    case uniqueViolation
    /// A `CHECK` constraint was violated (a guard statement refusing a stale transition).
    case checkViolation
}
