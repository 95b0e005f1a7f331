import BeaconCore
import Foundation

/// A table kept beside the event log and written in the same transaction as each append: the
/// commerce facts and identity links the analytics read, and the consent history privacy reads.
///
/// The one list both backends' appends and the backfill go through, so a new projection is
/// added once and cannot be written by one path and forgotten by another.
enum EventLogProjection: String, CaseIterable, Sendable {
    /// `commerce_facts` and `identity_links` (migration `040_commerce_facts`).
    case commerceFacts = "commerce_facts"
    /// `consent_records` (migration `091_consent_backfill`).
    case consentRecords = "consent_records"

    typealias Stored = (workspaceId: String, sequence: Int64, event: Event)

    /// The name the projection's migration leaves in `projection_backfills` until the logs
    /// stored before it existed have been read into it.
    var backfillMarker: String { rawValue }

    /// The statements that write this projection's rows for newly stored events.
    func statements(_ stored: [Stored], rowsPerStatement: Int) -> [(sql: String, arguments: [SQLValue])] {
        switch self {
        case .commerceFacts:
            return CommerceFactRows.statements(CommerceFactRows.rows(stored), rowsPerStatement: rowsPerStatement)
        case .consentRecords:
            return ConsentRows.statements(stored, rowsPerStatement: min(rowsPerStatement, 500))
        }
    }

    /// Every projection's statements for newly stored events.
    static func statements(_ stored: [Stored], rowsPerStatement: Int) -> [(sql: String, arguments: [SQLValue])] {
        allCases.flatMap { $0.statements(stored, rowsPerStatement: rowsPerStatement) }
    }

    /// Fills the projections whose migrations left a marker from the logs stored before they
    /// existed; run after the migrations.
    ///
    /// Each workspace's log is read in pages of `pageSize` events (never a whole log at once)
    /// and each page's rows written in one transaction. The writes skip rows already there, so
    /// a backfill interrupted by a crash simply runs again; a marker is removed only when every
    /// workspace is done. Appends made meanwhile write their own rows.
    static func backfill(events: any EventStore, driver: any SQLDriver, pageSize: Int = 5_000) async throws {
        for projection in allCases {
            let pending = try await driver.query(
                "SELECT name FROM projection_backfills WHERE name = ?", [.text(projection.backfillMarker)])
            guard !pending.isEmpty else { continue }
            for row in try await driver.query("SELECT id FROM workspaces ORDER BY id", []) {
                let workspaceId = try row.string("id")
                var after: Int64? = nil
                while true {
                    let page = try await events.events(in: workspaceId, after: after, limit: pageSize)
                    let statements = projection.statements(
                        page.map { (workspaceId, $0.sequence, $0.event) }, rowsPerStatement: 500)
                    if !statements.isEmpty { try await driver.transaction(statements) }
                    guard page.count == pageSize, let last = page.last else { break }
                    after = last.sequence
                }
            }
            try await driver.execute(
                "DELETE FROM projection_backfills WHERE name = ?", [.text(projection.backfillMarker)])
        }
    }
}
