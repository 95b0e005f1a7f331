/// One schema change, identified by an id that never changes (`NNN_what`, its number first).
///
/// Each migration lives in its own file named after its id in this folder. A landed
/// migration is never edited: databases record the ids they have applied, so changing one
/// would leave existing databases and fresh ones with different schemas. A change is a new
/// migration with a higher number, appended to `Migrations.all`.
public struct Migration: Sendable {
    public var id: String
    /// Statements for SQLite and for PostgreSQL, run in order in one transaction.
    public var sqlite: [String]
    public var postgres: [String]

    /// A migration whose SQL differs between the backends (column types, auto-increment keys).
    public init(id: String, sqlite: [String], postgres: [String]) {
        self.id = id
        self.sqlite = sqlite
        self.postgres = postgres
    }

    /// A migration whose SQL is the same on both backends.
    public init(id: String, sql: [String]) {
        self.init(id: id, sqlite: sql, postgres: sql)
    }

    /// The number the id starts with (`20` for `020_dashboard_users`), or nil when it has none.
    public var number: Int? {
        id.split(separator: "_", maxSplits: 1).first.flatMap { Int($0) }
    }
}
