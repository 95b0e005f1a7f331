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
    /// A signed-in administrator's session cookie value (`beacon_session=…`).
    let cookie: String

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
        let cookie = try await signedInCookie(runtime, role: .admin)
        guard let workspace else {
            return DashboardTestServer(runtime: runtime, workspace: nil, writeKey: nil, cookie: cookie)
        }
        let (ws, key) = try await runtime.workspaces.create(name: workspace)
        if demoCustomers > 0 {
            let events = DemoGenerator(seed: 7, customers: demoCustomers, days: days).events()
            _ = try await runtime.stores.events.append([EventBatch(workspaceId: ws.id, events: events)])
        }
        return DashboardTestServer(runtime: runtime, workspace: ws, writeKey: key, cookie: cookie)
    }

    /// Creates a user (with a cheap test hash of `password`) and a session for them, the way
    /// `POST /login` would; returns the `Cookie` header value.
    static func signedInCookie(
        _ runtime: BeaconRuntime, role: DashboardUser.Role, email: String? = nil, password: String = "test password 1"
    ) async throws -> String {
        let users = runtime.users
        let user = DashboardUser(
            id: UUID().uuidString.lowercased(), email: email ?? "\(role.rawValue)-\(UUID().uuidString.prefix(6))@example.com".lowercased(),
            name: role == .admin ? "Test Admin" : "Test Member", role: role,
            passwordHash: try PasswordHasher(rounds: 1_000).hash(password), createdAt: Date())
        try await users.store.createUser(user)
        let token = "bs_" + String(repeating: "0", count: 56) + String(UUID().uuidString.prefix(8)).lowercased()
        try await users.store.createSession(
            DashboardSessionRecord(
                tokenHash: WriteKey.hash(token), userId: user.id, createdAt: Date(),
                expiresAt: Date().addingTimeInterval(3600)))
        return "beacon_session=" + token
    }

    /// Runs `body` against the router with a client signed in as the administrator.
    func test(_ body: @escaping @Sendable (SessionClient) async throws -> Void) async throws {
        let cookie = cookie
        try await app().test(.router) { client in try await body(SessionClient(base: client, cookie: cookie)) }
    }

    func app() -> some ApplicationProtocol {
        buildApplication(
            runtime: runtime, configuration: .init(host: "127.0.0.1", port: 0, journeyRunnerInterval: nil), logger: Logger(label: "test"),
            dashboard: DashboardSettings(marketingMix: MMMFitCache.Settings(specification: Self.quickMMM)))
    }

    /// Appends events to the workspace.
    func append(_ events: [Event]) async throws {
        _ = try await runtime.stores.events.append([EventBatch(workspaceId: workspace!.id, events: events)])
    }
}

/// A test client that sends a session cookie and a same-origin `Origin` with every request,
/// as a signed-in browser would.
struct SessionClient: TestClientProtocol {
    let base: any TestClientProtocol
    let cookie: String

    var port: Int? { base.port }

    func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws
        -> TestResponse
    {
        var headers = headers
        if headers[.cookie] == nil { headers[.cookie] = cookie }
        if headers[.origin] == nil { headers[.origin] = "http://localhost" }
        return try await base.executeRequest(uri: uri, method: method, headers: headers, body: body)
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
