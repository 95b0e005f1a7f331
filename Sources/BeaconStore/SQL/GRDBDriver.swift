import GRDB

/// The SQLite driver: statements on GRDB's `DatabasePool` (writes serialised, reads in parallel).
struct GRDBDriver: SQLDriver {
    let pool: DatabasePool
    var dialect: SQLDialect { .sqlite }

    func execute(_ sql: String, _ arguments: [SQLValue]) async throws {
        try await transaction([(sql, arguments)])
    }

    func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow] {
        // A statement that writes (`DELETE … RETURNING`) needs the writer.
        let head = sql.drop { $0.isWhitespace }.prefix(6).uppercased()
        let writes = !(head.hasPrefix("SELECT") || head.hasPrefix("WITH"))
        let read: @Sendable (Database) throws -> [SQLRow] = { db in
            try Row.fetchAll(db, sql: sql, arguments: Self.arguments(arguments)).map(Self.row)
        }
        return try await Self.mapping { writes ? try await pool.write(read) : try await pool.read(read) }
    }

    func transaction(_ statements: [(sql: String, arguments: [SQLValue])]) async throws {
        try await Self.mapping {
            try await pool.write { db in
                for s in statements { try db.execute(sql: s.sql, arguments: Self.arguments(s.arguments)) }
            }
        }
    }

    static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(values.map { v -> (any DatabaseValueConvertible)? in
            switch v {
            case .null: return nil
            case .integer(let i): return i
            case .real(let d): return d
            case .text(let s): return s
            }
        })
    }

    static func row(_ row: Row) -> SQLRow {
        var values: [String: SQLValue] = [:]
        for (column, value) in row {
            switch value.storage {
            case .null: values[column] = .null
            case .int64(let i): values[column] = .integer(i)
            case .double(let d): values[column] = .real(d)
            case .string(let s): values[column] = .text(s)
            case .blob(let data): values[column] = .text(String(decoding: data, as: UTF8.self))
            }
        }
        return SQLRow(values)
    }

    static func mapping<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DatabaseError
            where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
            || error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY
        {
            throw SQLDriverError.uniqueViolation
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_CHECK {
            throw SQLDriverError.checkViolation
        }
    }
}
