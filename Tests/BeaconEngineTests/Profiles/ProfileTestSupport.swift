import BeaconCore
import BeaconEngine
import BeaconStore
import BeaconTestSupport
import Foundation
import Logging

/// The stores profile tests run on: SQLite always, PostgreSQL when `BEACON_TEST_POSTGRES_URL` is set.
enum ProfileBackend: String, CaseIterable, Sendable {
    case sqlite, postgres

    static var available: [ProfileBackend] {
        !TestPostgres.isAvailable ? [.sqlite] : [.sqlite, .postgres]
    }

    /// - Parameter file: the test file, whose PostgreSQL database is used (`TestPostgres`).
    func open(file: String = #fileID) async throws -> Stores {
        switch self {
        case .sqlite: return try await makeSQLiteStore()
        case .postgres:
            return try await StoreFactory.open(databaseURL: try await TestPostgres.url(file: file),
                                               dataDirectory: "", logger: Logger(label: "test"))
        }
    }
}

/// A store, a fresh workspace and an engine with a fixed clock.
struct ProfileFixture {
    let store: Stores
    let profileStore: any ProfileStore
    let engine: ProfileEngine
    let workspace: Workspace
    var counter = 0

    static let now = Timestamp.parse("2025-06-01T00:00:00Z")!

    static func make(_ backend: ProfileBackend, rules: IdentityRules = IdentityRules(), pageSize: Int = 5_000, file: String = #fileID) async throws
        -> ProfileFixture
    {
        let store = try await backend.open(file: file)
        let ps = store.profiles
        let ws = try await store.workspaces.createWorkspace(name: "p-\(UUID().uuidString.prefix(8).lowercased())")
        let engine = ProfileEngine(stores: store, rules: rules, pageSize: pageSize, clock: { ProfileFixture.now })
        return ProfileFixture(store: store, profileStore: ps, engine: engine, workspace: ws)
    }

    /// The fixture's stores with the event log replaced (a wrapper that counts or slows reads).
    func stores(events: any EventStore) -> Stores {
        var stores = store
        stores.events = events
        return stores
    }

    /// Appends events and folds them into profiles.
    mutating func send(_ events: [Event], workspace: Workspace? = nil) async throws {
        let ws = workspace ?? self.workspace
        _ = try await store.events.append([EventBatch(workspaceId: ws.id, events: events)])
        try await engine.catchUp(workspaceId: ws.id)
    }

    mutating func event(_ type: EventType, user: String? = nil, anon: String? = nil, name: String? = nil, previous: String? = nil,
                        daysAgo: Double = 10, traits: [String: JSONValue]? = nil, properties: [String: JSONValue]? = nil,
                        context: [String: JSONValue]? = nil) -> Event {
        counter += 1
        let t = Timestamp.truncated(Self.now.addingTimeInterval(-daysAgo * 86_400 + Double(counter)))
        return Event(messageId: "m-\(counter)-\(UUID().uuidString.prefix(6))", type: type, userId: user, anonymousId: anon, event: name,
                     previousId: previous, timestamp: t, receivedAt: t, properties: properties.map(JSONValue.object),
                     traits: traits.map(JSONValue.object), context: context.map(JSONValue.object))
    }

    func profile(_ value: String) async throws -> Profile? {
        guard let id = try await profileStore.profileId(workspaceId: workspace.id, identifierValue: value, kind: nil) else { return nil }
        return try await profileStore.profile(workspaceId: workspace.id, id: id)
    }

    func allProfiles() async throws -> [Profile] {
        try await profileStore.listProfiles(workspaceId: workspace.id, after: nil, limit: 100_000)
    }
}
