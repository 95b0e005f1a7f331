import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

/// The UCI Online Retail file imported as `beacon import orders` imports it, then read as of
/// its own last day: one RFM for the CLI's `--workspace` path and the RFM system segments,
/// recent buyers never "Lost", and `days_since_order` measured to the data's end.
@Suite("Customer insights on UCI Online Retail")
struct OnlineRetailInsightsTests {
    /// The pandas figures of `Fixtures/online_retail/recent_buyers.py`.
    struct Expected: Decodable {
        var today: String
        var customers_with_an_order: Int
        var customers_with_a_purchase: Int
        var recent_buyers_365_days: Int
        var buyers_30_days_as_of_2011_06_30: Int
    }

    static func expected() throws -> Expected {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/online_retail/recent_buyers.json")
        return try JSONDecoder().decode(Expected.self, from: Data(contentsOf: url))
    }

    /// A fresh workspace on `backend` holding the imported file, its engine folded.
    static func imported(_ backend: ProfileBackend) async throws -> ProfileFixture {
        let f = try await ProfileFixture.make(backend)
        let importer = OrderFileImporter(store: f.store.events, columns: try OrderColumnMap(parsing: nil))
        _ = try await importer.importFile(
            SharedData.dataset("online_retail/online_retail_2010_2011.csv.gz"), workspaceId: f.workspace.id)
        try await f.engine.catchUp(workspaceId: f.workspace.id)
        return f
    }

    @Test(
        "beacon rfm --workspace and the RFM system segments agree; recent buyers are never Lost; days_since_order < 365 matches pandas",
        .enabled(if: SharedData.available, "needs ../shared/datasets/online_retail"),
        arguments: ProfileBackend.available)
    func asOfItsOwnEnd(_ backend: ProfileBackend) async throws {
        let f = try await Self.imported(backend)
        let ws = f.workspace.id
        let expected = try Self.expected()
        let today = try #require(Timestamp.parse(expected.today))

        // The workspace's today is its last invoice, not the wall clock (2025 in this fixture).
        #expect(try await f.engine.today(workspaceId: ws) == today)

        // `beacon rfm --workspace retail --as-of 2011-12-09` calls exactly this.
        let lastDay = try #require(WorkspaceToday.endOfDay(parsing: "2011-12-09"))
        let cli = try await f.engine.customerInsights(workspaceId: ws, asOf: lastDay, personas: false)
        #expect(cli.customers.count == expected.customers_with_a_purchase)
        #expect(cli.count(segment: "Lost") > 0 && cli.count(segment: "Champions") > 0)

        // The prediction refresh (as of the workspace's today) fills the RFM system segments.
        let report = try await f.engine.refreshPredictions(workspaceId: ws)
        #expect(report.rfmScored == cli.customers.count)
        for name in SystemSegments.rfmSegmentNames {
            let slug = name.lowercased().replacingOccurrences(of: "'", with: "").replacingOccurrences(
                of: " ", with: "-")
            let members = try await f.engine.members(workspaceId: ws, segmentId: "rfm-\(slug)")
            #expect(members.count == cli.count(segment: name), "\(name)")
        }
        let stored = try #require(try await f.profileStore.profile(workspaceId: ws, id: cli.customers[0].profileId))
        #expect(stored.predictions?.asOf == today)

        // Imported history looks alive as of its own end: customers with a purchase in the
        // data's last 90 days are never Lost (RFM segment or health band), and last week's
        // buyers are mostly alive by BG/NBD (T measured to the data's end, not to 2025).
        let recent = cli.customers.filter { $0.recencyDays < 90 }
        #expect(recent.count > 2_000)
        for c in recent { #expect(c.segment != "Lost" && c.health != .lost, "\(c.customerId)") }
        var alive: [Double] = []
        for c in cli.customers where c.recencyDays < 7 {
            let p = try #require(try await f.profileStore.profile(workspaceId: ws, id: c.profileId))
            alive.append(try #require(p.predictions?.pAlive))
        }
        #expect(alive.count > 100)
        #expect(alive.reduce(0, +) / Double(alive.count) > 0.5)

        // days_since_order is measured to the data's end: the pandas count of last-year buyers.
        let preview = try await f.engine.preview(workspaceId: ws, rule: ["days_since_order": ["lt": 365]], sample: 0)
        #expect(preview.count == expected.recent_buyers_365_days)
        // As of an earlier day, each customer as they stood then.
        let june = try await f.engine.preview(
            workspaceId: ws, rule: ["days_since_order": ["lt": 30]], sample: 0,
            asOf: WorkspaceToday.endOfDay(parsing: "2011-06-30"))
        #expect(june.count == expected.buyers_30_days_as_of_2011_06_30)
    }
}
