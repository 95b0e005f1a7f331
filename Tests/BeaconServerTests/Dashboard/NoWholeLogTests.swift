import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import BeaconServer

/// An event log that counts the events it hands out: every read of stored events (a page in
/// log order, a whole log, the newest events) goes through one of these two methods.
final class EventReadCountingStore: EventStore, @unchecked Sendable {
    let base: any EventStore
    private let lock = NSLock()
    private var _pagedEvents = 0
    private var _newestEvents = 0
    /// Events handed out by `events(in:from:to:after:limit:)` (and so by `allEvents`).
    var pagedEvents: Int { lock.withLock { _pagedEvents } }
    /// Events handed out by `newestEvents(in:limit:)`.
    var newestEvents: Int { lock.withLock { _newestEvents } }

    init(base: any EventStore) {
        self.base = base
    }

    func reset() { lock.withLock { (_pagedEvents, _newestEvents) = (0, 0) } }

    func append(_ batches: [EventBatch]) async throws -> [AppendResult] { try await base.append(batches) }

    func events(in workspaceId: String, from: Date?, to: Date?, after: Int64?, limit: Int) async throws -> [StoredEvent]
    {
        let page = try await base.events(in: workspaceId, from: from, to: to, after: after, limit: limit)
        lock.withLock { _pagedEvents += page.count }
        return page
    }

    func newestEvents(in workspaceId: String, limit: Int) async throws -> [StoredEvent] {
        let newest = try await base.newestEvents(in: workspaceId, limit: limit)
        lock.withLock { _newestEvents += newest.count }
        return newest
    }

    func eventCount(in workspaceId: String) async throws -> Int { try await base.eventCount(in: workspaceId) }
    func containsEvent(workspaceId: String, messageId: String) async throws -> Bool {
        try await base.containsEvent(workspaceId: workspaceId, messageId: messageId)
    }
}

@Suite("Dashboard pages read no event log")
struct NoWholeLogTests {
    static let pages = [
        "/dashboard", "/dashboard/attribution", "/dashboard/personas", "/dashboard/channels", "/dashboard/optimiser",
        "/dashboard/data", "/dashboard/customers", "/dashboard/segments", "/dashboard/segments/new",
        "/dashboard/cohorts", "/dashboard/paths", "/dashboard/api/cohorts", "/dashboard/api/paths",
    ]

    @Test(
        "Rendering every dashboard page, twice and after new events arrive, reads no stored event but the data page's newest 50"
    )
    func everyPage() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-nolog-\(UUID().uuidString)")
        var stores = try await StoreFactory.open(
            databaseURL: nil, dataDirectory: dir.path, logger: Logger(label: "test"))
        let counting = EventReadCountingStore(base: stores.events)
        stores.events = counting
        let runtime = BeaconRuntime(stores: stores)
        let cookie = try await DashboardTestServer.signedInCookie(runtime, role: .admin)
        let (ws, _) = try await runtime.workspaces.create(name: "demo")
        let events = DemoGenerator(seed: 7, customers: 300, days: 180).events()
        _ = try await stores.events.append([EventBatch(workspaceId: ws.id, events: events)])
        // The profile projection folds the log once, as the ingest path schedules it; pages
        // read its results and the analytics port, never the log itself.
        _ = try await runtime.profiles.catchUp(workspaceId: ws.id)
        counting.reset()

        let server = DashboardTestServer(runtime: runtime, workspace: ws, writeKey: nil, cookie: cookie)
        try await server.test { client in
            for round in 0..<2 {
                for path in Self.pages {
                    let r = try await get(client, path)
                    #expect(r.status == .ok, "\(path) (round \(round))")
                }
            }
        }
        #expect(counting.pagedEvents == 0, "no page reads stored events in log order")
        #expect(counting.newestEvents <= 2 * DataPage.recentCount, "the data page reads its newest events only")

        // New events (live ingest) rebuild the snapshot from the port, still without the log.
        let later = DemoGenerator(seed: 8, customers: 20, days: 10).events()
        _ = try await stores.events.append([EventBatch(workspaceId: ws.id, events: later)])
        _ = try await runtime.profiles.catchUp(workspaceId: ws.id)
        counting.reset()
        try await server.test { client in
            for path in Self.pages {
                let r = try await get(client, path)
                #expect(r.status == .ok, "\(path) after new events")
            }
        }
        #expect(counting.pagedEvents == 0)
    }
}
