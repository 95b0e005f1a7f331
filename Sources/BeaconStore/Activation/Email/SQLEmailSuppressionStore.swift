import BeaconCore
import Foundation

/// Email suppressions in SQL written once for both backends.
struct SQLEmailSuppressionStore: EmailSuppressionStore {
    let driver: any SQLDriver

    func suppress(_ s: EmailSuppression) async throws -> Bool {
        try await !driver.query(
            """
            INSERT INTO email_suppressions (workspace_id, address, reason, detail, created_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (workspace_id, address) DO NOTHING RETURNING address
            """,
            [
                .text(s.workspaceId), .text(EmailSuppression.normalised(s.address)), .text(s.reason.rawValue),
                .text(String(s.detail.prefix(500))), SQLValue(s.createdAt),
            ]
        ).isEmpty
    }

    func remove(workspaceId: String, address: String) async throws -> Bool {
        try await !driver.query(
            "DELETE FROM email_suppressions WHERE workspace_id = ? AND address = ? RETURNING address",
            [.text(workspaceId), .text(EmailSuppression.normalised(address))]
        ).isEmpty
    }

    func suppression(workspaceId: String, address: String) async throws -> EmailSuppression? {
        try await rows(
            "WHERE workspace_id = ? AND address = ?", [.text(workspaceId), .text(EmailSuppression.normalised(address))]
        ).first
    }

    func suppressions(workspaceId: String, limit: Int) async throws -> [EmailSuppression] {
        try await rows(
            "WHERE workspace_id = ? ORDER BY created_at DESC, address LIMIT ?", [.text(workspaceId), SQLValue(limit)])
    }

    private func rows(_ clause: String, _ arguments: [SQLValue]) async throws -> [EmailSuppression] {
        try await driver.query(
            "SELECT workspace_id, address, reason, detail, created_at FROM email_suppressions \(clause)", arguments
        ).map { row in
            EmailSuppression(
                workspaceId: try row.string("workspace_id"), address: try row.string("address"),
                reason: EmailSuppression.Reason(rawValue: try row.string("reason")) ?? .manual,
                detail: try row.string("detail"), createdAt: try row.date("created_at"))
        }
    }
}
