import BeaconCore
import Foundation

/// The audit log in SQL written once for both backends.
struct SQLAuditStore: AuditStore {
    let writer: SQLAuditWriter
    var driver: any SQLDriver { writer.driver }

    func append(_ append: AuditAppend) async throws -> [AuditEntry] {
        try await writer.append(append)
    }

    func head(workspaceId: String) async throws -> AuditChainHead {
        try await SQLAuditWriter.head(driver, workspaceId: workspaceId)
    }

    func entries(workspaceId: String, after sequence: Int64, limit: Int) async throws -> [AuditEntry] {
        try await driver.query(
            "SELECT \(Self.columns) FROM audit_entries WHERE workspace_id = ? AND seq > ? ORDER BY seq LIMIT ?",
            [.text(workspaceId), .integer(sequence), .integer(Int64(limit))]
        ).map(Self.entry)
    }

    func entries(
        workspaceId: String, subject: String?, actor: String?, from: Date?, to: Date?, limit: Int
    ) async throws -> [AuditEntry] {
        var sql = "SELECT \(Self.columns) FROM audit_entries WHERE workspace_id = ?"
        var arguments: [SQLValue] = [.text(workspaceId)]
        if let subject {
            sql += " AND subject = ?"
            arguments.append(.text(subject))
        }
        if let actor {
            sql += " AND actor = ?"
            arguments.append(.text(actor))
        }
        if let from {
            sql += " AND at >= ?"
            arguments.append(SQLValue(from))
        }
        if let to {
            sql += " AND at < ?"
            arguments.append(SQLValue(to))
        }
        sql += " ORDER BY at, seq LIMIT ?"
        arguments.append(.integer(Int64(limit)))
        return try await driver.query(sql, arguments).map(Self.entry)
    }

    func subjectKey(workspaceId: String, make: @Sendable () -> String) async throws -> String {
        let select = "SELECT subject_key FROM audit_subject_keys WHERE workspace_id = ?"
        if let row = try await driver.query(select, [.text(workspaceId)]).first { return try row.string("subject_key") }
        try await driver.execute(
            "INSERT INTO audit_subject_keys (workspace_id, subject_key) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [.text(workspaceId), .text(make())])
        // Two first uses race: both read back the one key that was stored.
        guard let row = try await driver.query(select, [.text(workspaceId)]).first else {
            throw StoreError(.corrupt, "the audit subject key of workspace \(workspaceId) was not stored")
        }
        return try row.string("subject_key")
    }

    func chainedWorkspaceIds() async throws -> [String] {
        try await driver.query("SELECT DISTINCT workspace_id FROM audit_entries ORDER BY workspace_id", [])
            .map { try $0.string("workspace_id") }
    }

    static let columns = "workspace_id, seq, at, actor, action, subject, detail, prev_hash, hash"

    static func entry(_ row: SQLRow) throws -> AuditEntry {
        AuditEntry(
            workspaceId: try row.string("workspace_id"), sequence: try row.int64("seq"), at: try row.date("at"),
            actor: try row.string("actor"), action: try row.string("action"), subject: try row.optionalString("subject"),
            detail: try row.string("detail"), previousHash: try row.string("prev_hash"), hash: try row.string("hash"))
    }
}
