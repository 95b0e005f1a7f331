import BeaconAnalytics
import BeaconCore
import BeaconEngine
import BeaconServer
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

/// A Beacon application for dashboard tests: a fresh SQLite store, optionally filled with a
/// small demo workspace, and a marketing-mix search small enough for a debug build.
struct DashboardTestServer {
    let runtime: BeaconRuntime
    let workspace: Workspace?
    let writeKey: String?

    /// A tiny search: the pages' plumbing is under test here, not the fit (see the MMM tests).
    static let quickMMM = MMMSpecification(population: 6, generations: 2, bootstrapSamples: 8)

    /// - Parameters:
    ///   - workspace: the workspace to create (nil: none at all).
    ///   - demoCustomers: customers of demo data to generate into it (0: none).
    static func make(workspace: String? = "demo", demoCustomers: Int = 0, days: Int = 180) async throws
        -> DashboardTestServer
    {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-dashboard-\(UUID().uuidString)")
        let runtime = try await BeaconRuntime.open(
            databaseURL: nil, dataDirectory: dir.path, logger: Logger(label: "test"))
        guard let workspace else { return DashboardTestServer(runtime: runtime, workspace: nil, writeKey: nil) }
        let (ws, key) = try await runtime.workspaces.create(name: workspace)
        if demoCustomers > 0 {
            let events = DemoGenerator(seed: 7, customers: demoCustomers, days: days).events()
            _ = try await runtime.store.append([EventBatch(workspaceId: ws.id, events: events)])
        }
        return DashboardTestServer(runtime: runtime, workspace: ws, writeKey: key)
    }

    func app() -> some ApplicationProtocol {
        buildApplication(
            runtime: runtime, configuration: .init(host: "127.0.0.1", port: 0), logger: Logger(label: "test"),
            dashboard: DashboardSettings(mmmSpecification: Self.quickMMM))
    }

    /// Appends events to the workspace.
    func append(_ events: [Event]) async throws {
        _ = try await runtime.store.append([EventBatch(workspaceId: workspace!.id, events: events)])
    }
}

/// A stored-event builder for hand-made test data.
func testEvent(
    _ id: String, type: EventType = .track, user: String, event: String? = nil, name: String? = nil, at time: String,
    properties: [String: JSONValue] = [:], context: [String: JSONValue] = [:], traits: [String: JSONValue]? = nil
) -> Event {
    let t = Timestamp.parse(time)!
    return Event(
        messageId: id, type: type, userId: user, anonymousId: nil, event: event, name: name, timestamp: t,
        originalTimestamp: t,
        receivedAt: t, properties: .object(properties), traits: traits.map { .object($0) }, context: .object(context))
}

/// GETs `uri` and hands back status, headers and body text.
func get(_ client: some TestClientProtocol, _ uri: String) async throws -> (
    status: HTTPResponse.Status, headers: HTTPFields, body: String
) {
    try await client.execute(uri: uri, method: .get) { ($0.status, $0.headers, String(buffer: $0.body)) }
}
