import BeaconCore
import Foundation

/// Fills the consent history from logs stored before it existed: run after the migrations,
/// it does its work once, when migration `091_consent_backfill` left its marker.
///
/// Like `CommerceFactsBackfill`: each workspace's log is read in pages, each page's consent
/// rows written in one transaction that skips rows already there (so an interrupted run
/// simply runs again), and the marker removed when every workspace is done.
struct ConsentRecordsBackfill {
    let events: any EventStore
    let driver: any SQLDriver
    var pageSize = 5_000

    static let marker = "consent_records"

    func run() async throws {
        let pending = try await driver.query(
            "SELECT name FROM projection_backfills WHERE name = ?", [.text(Self.marker)])
        guard !pending.isEmpty else { return }
        for row in try await driver.query("SELECT id FROM workspaces ORDER BY id", []) {
            let workspaceId = try row.string("id")
            var after: Int64? = nil
            while true {
                let page = try await events.events(in: workspaceId, after: after, limit: pageSize)
                let statements = ConsentRows.statements(page.map { (workspaceId, $0.sequence, $0.event) })
                if !statements.isEmpty { try await driver.transaction(statements) }
                guard page.count == pageSize, let last = page.last else { break }
                after = last.sequence
            }
        }
        try await driver.execute("DELETE FROM projection_backfills WHERE name = ?", [.text(Self.marker)])
    }
}
