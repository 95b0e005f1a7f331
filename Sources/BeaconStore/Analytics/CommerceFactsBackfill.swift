import BeaconCore
import Foundation

/// Fills the analytics projection from logs stored before it existed: run after the
/// migrations, it does its work once, when migration `040_commerce_facts` left its marker.
///
/// It reads each workspace's log in pages of `pageSize` events (never a whole log at once)
/// and writes each page's facts and links in one transaction. The writes skip rows already
/// there, so a backfill interrupted by a crash simply runs again; the marker is removed only
/// when every workspace is done. Appends made meanwhile write their own facts.
struct CommerceFactsBackfill {
    let events: any EventStore
    let driver: any SQLDriver
    var pageSize = 5_000

    static let marker = "commerce_facts"

    func run() async throws {
        let pending = try await driver.query(
            "SELECT name FROM projection_backfills WHERE name = ?", [.text(Self.marker)])
        guard !pending.isEmpty else { return }
        for row in try await driver.query("SELECT id FROM workspaces ORDER BY id", []) {
            let workspaceId = try row.string("id")
            var after: Int64? = nil
            while true {
                let page = try await events.events(in: workspaceId, after: after, limit: pageSize)
                let rows = CommerceFactRows.rows(page.map { (workspaceId, $0.sequence, $0.event) })
                let statements = CommerceFactRows.statements(rows, rowsPerStatement: 500)
                if !statements.isEmpty { try await driver.transaction(statements) }
                guard page.count == pageSize, let last = page.last else { break }
                after = last.sequence
            }
        }
        try await driver.execute("DELETE FROM projection_backfills WHERE name = ?", [.text(Self.marker)])
    }
}
