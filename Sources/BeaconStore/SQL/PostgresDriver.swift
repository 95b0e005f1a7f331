import Logging
import PostgresNIO

/// The PostgreSQL driver: statements on postgres-nio's pooled client, `$n` placeholders.
struct PostgresDriver: SQLDriver {
    let client: PostgresClient
    let logger: Logger
    var dialect: SQLDialect { .postgres }

    func execute(_ sql: String, _ arguments: [SQLValue]) async throws {
        _ = try await query(sql, arguments)
    }

    func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [SQLRow] {
        try await Self.mapping {
            try await Self.rows(client.query(try statement(sql, arguments), logger: logger))
        }
    }

    func transaction(_ statements: [(sql: String, arguments: [SQLValue])]) async throws {
        let queries = try statements.map { try statement($0.sql, $0.arguments) }
        try await Self.mapping {
            try await client.withTransaction(logger: logger) { conn in
                for q in queries { try await conn.query(q, logger: logger) }
            }
        }
    }

    func statement(_ sql: String, _ arguments: [SQLValue]) throws -> PostgresQuery {
        var binds = PostgresBindings(capacity: arguments.count)
        for a in arguments {
            switch a {
            case .null: binds.appendNull()
            case .integer(let i): try binds.append(i)
            case .real(let d): try binds.append(d)
            case .text(let s): try binds.append(s)
            }
        }
        return PostgresQuery(unsafeSQL: dialect.placeholders(sql), binds: binds)
    }

    static func rows(_ sequence: PostgresRowSequence) async throws -> [SQLRow] {
        var out: [SQLRow] = []
        for try await row in sequence {
            var values: [String: SQLValue] = [:]
            for cell in row {
                guard cell.bytes != nil else {
                    values[cell.columnName] = .null
                    continue
                }
                switch cell.dataType {
                case .int2, .int4, .int8: values[cell.columnName] = .integer(try cell.decode(Int64.self))
                case .float4, .float8: values[cell.columnName] = .real(try cell.decode(Double.self))
                case .bool: values[cell.columnName] = .integer(try cell.decode(Bool.self) ? 1 : 0)
                default: values[cell.columnName] = .text(try cell.decode(String.self))
                }
            }
            out.append(SQLRow(values))
        }
        return out
    }

    static func mapping<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            throw SQLDriverError.uniqueViolation
        } catch let error as PostgresTransactionError
            where (error.closureError as? PSQLError)?.serverInfo?[.sqlState] == "23505"
        {
            // A statement inside `transaction` broke a unique key (the transaction rolled back).
            throw SQLDriverError.uniqueViolation
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23514" {
            throw SQLDriverError.checkViolation
        } catch let error as PostgresTransactionError
            where (error.closureError as? PSQLError)?.serverInfo?[.sqlState] == "23514"
        {
            // A guard inside `transaction` refused a stale change (the transaction rolled back):
            // the same answer SQLite gives, so a stale journey transition is refused, not fatal.
            throw SQLDriverError.checkViolation
        }
    }
}
