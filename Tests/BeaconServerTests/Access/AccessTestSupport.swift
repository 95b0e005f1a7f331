import BeaconCore
import BeaconEngine
import BeaconServer
import BeaconStore
import BeaconTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

/// The stores access tests run on: SQLite always, PostgreSQL when `BEACON_TEST_POSTGRES_URL` is set.
enum AccessBackend: String, CaseIterable, Sendable {
    case sqlite, postgres

    static var available: [AccessBackend] {
        !TestPostgres.isAvailable ? [.sqlite] : [.sqlite, .postgres]
    }
}

/// A server over a fresh store with helpers to make workspaces, scoped tokens and users with roles.
struct AccessTestServer {
    let runtime: BeaconRuntime
    let metrics = BeaconMetrics()
    /// A prefix that keeps this test's workspace names apart from other tests' in one database.
    let prefix = "t\(UUID().uuidString.prefix(6).lowercased())"

    static func make(_ backend: AccessBackend = .sqlite, file: String = #fileID) async throws -> AccessTestServer {
        let key = AuditSigningKey.random()
        let stores: Stores
        switch backend {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-access-\(UUID().uuidString)")
            stores = try await StoreFactory.open(databaseURL: nil, dataDirectory: dir.path, logger: Logger(label: "test"))
        case .postgres:
            stores = try await StoreFactory.open(
                databaseURL: try await TestPostgres.url(file: file), dataDirectory: "",
                logger: Logger(label: "test"))
        }
        // One key for the server's life: what it seals (destination secrets) it must open again.
        let box = SecretBox.random()
        return AccessTestServer(runtime: BeaconRuntime(stores: stores, secrets: { box }, auditSigningKey: { key }))
    }

    func app(rateLimits: RateLimitSettings = .off) -> some ApplicationProtocol {
        buildApplication(
            runtime: runtime, configuration: .init(host: "127.0.0.1", port: 0, rateLimits: rateLimits, journeyRunnerInterval: nil),
            logger: Logger(label: "test"), metrics: metrics)
    }

    /// A new workspace named `<prefix>-<name>` and its write key.
    func workspace(_ name: String) async throws -> (Workspace, String) {
        try await runtime.workspaces.create(name: "\(prefix)-\(name)")
    }

    /// A token of `ws` holding `scopes` (`*`, or a comma-separated list).
    func token(_ ws: Workspace, _ scopes: String, expiresAt: Date? = nil) async throws -> String {
        try await runtime.access.createToken(
            workspace: ws, label: "test", scopes: try AccessScopes(parsing: scopes), expiresAt: expiresAt, actor: "test"
        ).token
    }

    /// A signed-in user: an installation admin, or a member with `role` (nil: no grant) in `ws`.
    func user(admin: Bool = false, role: WorkspaceRole?, in ws: Workspace?, personalData: Bool = false) async throws
        -> (DashboardUser, cookie: String)
    {
        let user = DashboardUser(
            id: UUID().uuidString.lowercased(), email: "u-\(UUID().uuidString.prefix(8).lowercased())@example.com",
            name: "Test", role: admin ? .admin : .member, passwordHash: try PasswordHasher(rounds: 1_000).hash("pw"),
            createdAt: Date())
        try await runtime.users.store.createUser(user)
        if let role, let ws {
            try await runtime.access.grant(WorkspaceAccess(role: role, personalData: personalData), to: user, in: ws, by: nil)
        }
        let token = "bs_" + String(repeating: "0", count: 56) + String(UUID().uuidString.prefix(8)).lowercased()
        try await runtime.users.store.createSession(
            DashboardSessionRecord(
                tokenHash: WriteKey.hash(token), userId: user.id, createdAt: Date(), expiresAt: Date().addingTimeInterval(3600)))
        return (user, "beacon_session=" + token)
    }

    /// Ingests a Segment batch with `writeKey` and folds it into profiles.
    func ingest(_ body: String, writeKey: String, workspace: Workspace) async throws {
        _ = try await runtime.ingest.ingest(body: Array(body.utf8), endpoint: .batch, writeKey: writeKey)
        try await runtime.profiles.catchUp(workspaceId: workspace.id)
    }
}

/// The body of a response as text.
func text(_ response: TestResponse) -> String {
    String(buffer: response.body)
}
