import Foundation
import NIOHTTP1

/// A client of ClickHouse's HTTP interface: statements and queries as request bodies, inserts
/// as gzip-compressed `JSONEachRow` bodies, answers in `TabSeparated`.
///
/// Only what ClickHouse 18.16 (Debian's package, run in CI) and current releases both accept
/// is sent: no query parameters (values are quoted with `ClickHouseSQL.quote`), no `JSONExtract`,
/// no CTEs or window functions.
public struct ClickHouseClient: Sendable {
    /// `http://host:8123` (user and password, if any, in the URL's user-info part).
    public let url: URL
    public let database: String
    let exchange: HTTPExchange

    public init(url: URL, database: String = "default") {
        self.url = url
        self.database = database
        self.exchange = HTTPExchange(timeout: .seconds(300))
    }

    /// Runs a statement that returns nothing (`CREATE`, `ALTER`, `INSERT … VALUES`).
    public func execute(_ sql: String) async throws {
        _ = try await post(query: nil, body: Array(sql.utf8), gzip: false, operation: sql)
    }

    /// Runs a query and returns its rows as `TabSeparated` fields (escapes decoded).
    public func rows(_ sql: String) async throws -> [[String]] {
        let body = try await post(query: nil, body: Array((sql + " FORMAT TabSeparated").utf8), gzip: false, operation: sql)
        return String(decoding: body, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { ClickHouseSQL.unescapeTSV($0) }
        }
    }

    /// Inserts NDJSON rows (`JSONEachRow`) into `table`, sent gzip-compressed.
    public func insert(into table: String, ndjson: [UInt8]) async throws {
        let statement = "INSERT INTO \(table) FORMAT JSONEachRow"
        _ = try await post(query: statement, body: try Gzip.compress(ndjson), gzip: true, operation: statement)
    }

    func post(query: String?, body: [UInt8], gzip: Bool, operation: String) async throws -> [UInt8] {
        var parameters = [("database", database)]
        if let query { parameters.append(("query", query)) }
        let path = url.path.isEmpty ? "/" : url.path
        let uri = path + "?" + parameters.map { "\($0.0)=\(SigV4Signer.uriEncode($0.1))" }.joined(separator: "&")
        var headers: [(String, String)] = [("Host", url.port.map { "\(url.host ?? ""):\($0)" } ?? (url.host ?? ""))]
        if gzip { headers.append(("Content-Encoding", "gzip")) }
        if let user = url.user {
            headers.append(("X-ClickHouse-User", user))
            headers.append(("X-ClickHouse-Key", url.password ?? ""))
        }
        let response: HTTPExchange.Response
        do {
            response = try await exchange.send(method: .POST, url: url, uri: uri, headers: headers, body: body)
        } catch let failure as HTTPExchange.Failure {
            throw ClickHouseError(statement: operation, status: 0, message: "unreachable: \(failure.description)")
        }
        guard response.status == 200 else {
            throw ClickHouseError(
                statement: operation, status: response.status,
                message: String(decoding: response.body.prefix(2_000), as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return response.body
    }
}

/// A statement ClickHouse refused or could not be sent, with ClickHouse's own message
/// (`Code: 60, e.displayText() = DB::Exception: Table default.x doesn't exist`).
public struct ClickHouseError: Error, CustomStringConvertible, Sendable {
    public var statement: String
    public var status: Int
    public var message: String

    public var description: String {
        "ClickHouse \(status == 0 ? "" : "HTTP \(status) ")refused '\(statement.prefix(120))': \(message)"
    }
}

/// Quoting for the SQL text Beacon sends to ClickHouse, which has no bound parameters in 18.16.
public enum ClickHouseSQL {
    /// A string literal: `'…'` with backslash and quote escaped.
    public static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    /// A `TabSeparated` field with its escapes (`\t`, `\n`, `\\`, `\N` for NULL kept as "\\N") decoded.
    static func unescapeTSV(_ field: Substring) -> String {
        guard field.contains("\\"), field != "\\N" else { return String(field) }
        var out = ""
        var escaped = false
        for c in field {
            if escaped {
                switch c {
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "0": out.append("\0")
                default: out.append(c)
                }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}
