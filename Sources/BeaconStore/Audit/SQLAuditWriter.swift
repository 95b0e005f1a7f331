import BeaconCore
import Foundation

/// Writes audit entries, alone or in the same transaction as the change they record.
///
/// The head is read, the entries built from it and then inserted with the change's statements
/// in one transaction; the chain's primary key `(workspace_id, seq)` refuses a second writer
/// that read the same head, whose whole transaction (change included) then rolls back and is
/// tried again from the new head.
final class SQLAuditWriter: Sendable {
    let driver: any SQLDriver
    private let lock = AuditAppendLock()
    static let maxAttempts = 50

    init(driver: any SQLDriver) {
        self.driver = driver
    }

    @discardableResult
    func append(_ append: AuditAppend, alongside statements: [(sql: String, arguments: [SQLValue])] = [])
        async throws -> [AuditEntry]
    {
        let driver = self.driver
        return try await lock.run(append.workspaceId) {
            var attempt = 0
            while true {
                attempt += 1
                let head = try await Self.head(driver, workspaceId: append.workspaceId)
                let entries = try append.build(head)
                do {
                    try await driver.transaction(statements + entries.map(Self.insert))
                    return entries
                } catch SQLDriverError.uniqueViolation {
                    // Another process took the head: try again from the new one. When the head
                    // has not moved, the change itself broke a unique key.
                    let now = try await Self.head(driver, workspaceId: append.workspaceId)
                    if now == head || attempt >= Self.maxAttempts { throw SQLDriverError.uniqueViolation }
                }
            }
        }
    }

    static func head(_ driver: any SQLDriver, workspaceId: String) async throws -> AuditChainHead {
        let rows = try await driver.query(
            "SELECT seq, hash FROM audit_entries WHERE workspace_id = ? ORDER BY seq DESC LIMIT 1", [.text(workspaceId)])
        guard let row = rows.first else { return .empty }
        return AuditChainHead(sequence: try row.int64("seq"), hash: try row.string("hash"))
    }

    static func insert(_ e: AuditEntry) -> (sql: String, arguments: [SQLValue]) {
        (
            """
            INSERT INTO audit_entries (workspace_id, seq, at, actor, action, subject, detail, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(e.workspaceId), .integer(e.sequence), SQLValue(e.at), .text(e.actor), .text(e.action),
                SQLValue(e.subject), .text(e.detail), .text(e.previousHash), .text(e.hash),
            ]
        )
    }
}
