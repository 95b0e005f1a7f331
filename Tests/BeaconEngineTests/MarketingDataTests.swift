import BeaconAnalytics
import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

@Suite("Marketing-mix data from the event log")
struct MarketingDataTests {
    /// The TechStyle generator's wide table, written to the log as one `Ad Spend` event per
    /// channel and day and one order per day, must come back exactly.
    @Test("Spend and revenue events round-trip to the generator's table, daily and weekly")
    func roundTrip() async throws {
        let (truth, _) = TechStyleGenerator(days: 70).generate()
        let store = try await makeSQLiteStore()
        let ws = try await store.workspaces.createWorkspace(name: "mmm")
        var events: [Event] = []
        for (i, dateText) in truth.dates.enumerated() {
            let day = try #require(Timestamp.parse(dateText))
            for channel in truth.channels {
                events.append(EventLogMarketingData.spendEvent(day: day, channel: channel.name, spend: channel.values[i]))
            }
            let noon = day.addingTimeInterval(12 * 3600)
            events.append(Event(messageId: "o\(i)", type: .track, userId: "shop", event: "Order Completed",
                                timestamp: noon, receivedAt: noon, properties: .object(["revenue": .number(truth.target[i])])))
        }
        _ = try await store.events.append([EventBatch(workspaceId: ws.id, events: events)])

        let daily = try await EventLogMarketingData.dataset(analytics: store.analytics, workspaceId: ws.id)
        #expect(daily.dates == truth.dates)
        #expect(daily.target == truth.target)
        #expect(daily.channels.map(\.name) == truth.channels.map(\.name).sorted())
        for column in truth.channels {
            #expect(daily.channels.first { $0.name == column.name }?.values == column.values)
        }

        let weekly = try await EventLogMarketingData.dataset(analytics: store.analytics, workspaceId: ws.id, stepDays: 7)
        #expect(weekly.count == 10)
        for w in 0..<10 {
            let expected = truth.target[(w * 7)..<(w * 7 + 7)].reduce(0, +)
            #expect(abs(weekly.target[w] - expected) < 1e-6 * max(1, expected))
        }
    }

    @Test("No spend is a clear error")
    func noSpend() {
        #expect(throws: MarketingDataError.self) { try EventLogMarketingData.dataset(events: []) }
    }

    @Test("Spend files, long and wide: bad rows reported, re-import stores nothing twice")
    func spendImport() async throws {
        let store = try await makeSQLiteStore()
        let ws = try await store.workspaces.createWorkspace(name: "spend")
        let long = try temporaryFile("""
            date,channel,spend
            2025-01-01,Google Ads,100.5
            2025-01-01,Meta Ads,80
            2025-01-02,Google Ads,-3
            someday,Meta Ads,10
            2025-01-02,Meta Ads,"1,200"
            """)
        var importer = SpendFileImporter(store: store.events, shape: .long(date: "date", channel: "channel", spend: "spend"))
        // Two bad rows: refused whole by default, stored without them when two errors are allowed.
        await #expect(throws: ImportRefused.self) { try await importer.importFile(long, workspaceId: ws.id) }
        #expect(try await store.events.eventCount(in: ws.id) == 0)
        importer.maxErrors = 2
        let report = try await importer.importFile(long, workspaceId: ws.id)
        #expect(report.eventsStored == 3 && report.refused == 2)
        #expect(report.problems.map(\.line) == [4, 5])
        #expect(try await importer.importFile(long, workspaceId: ws.id).duplicates == 3)

        let wide = try temporaryFile("date,tiktok,email\n2025-01-03,500,20\n2025-01-04,,25\n")
        let wideReport = try await SpendFileImporter(store: store.events, shape: .wide(date: "date", channels: ["tiktok", "email"]))
            .importFile(wide, workspaceId: ws.id)
        #expect(wideReport.eventsStored == 4)
        let data = try await EventLogMarketingData.dataset(analytics: store.analytics, workspaceId: ws.id)
        #expect(data.dates == ["2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04"])
        #expect(data.channels.first { $0.name == "Meta Ads" }?.values == [80, 1200, 0, 0])
        #expect(data.channels.first { $0.name == "tiktok" }?.values == [0, 0, 500, 0])
        await #expect(throws: ImportError.self) {
            try await SpendFileImporter(store: store.events, shape: .wide(date: "day", channels: ["tiktok"])).importFile(wide, workspaceId: ws.id)
        }
    }
}
