import BeaconCore
import BeaconStore
import BeaconTestSupport
import Foundation
import Logging
import Testing

/// A database made by the previous release upgrades to the current schema without loss.
///
/// The fixtures are SQL dumps of databases that the release before the store seam created
/// and filled through its own command line (`Fixtures/make-schema-fixtures.sh` made them);
/// they are loaded with the backends' own tools (`sqlite3`, `psql`), opened with the current
/// code (which migrates them), and then read back through the ports.
@Suite("Schema upgrade from the previous release")
struct SchemaUpgradeTests {
    static let fixture = "release-1"
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// Every table of the previous release's schema.
    static let tables = [
        "workspaces", "write_keys", "events", "profiles", "profile_identifiers", "identity_merges",
        "profile_checkpoints", "segments", "segment_members", "segment_changes", "segment_sizes", "api_tokens",
        "identity_rules", "dashboard_users", "dashboard_grants", "dashboard_sessions", "import_jobs",
    ]
    static var countQuery: String {
        tables.map { "SELECT '\($0)', COUNT(*) FROM \($0)" }.joined(separator: " UNION ALL ")
    }

    @Test("SQLite: every row survives the upgrade and reads back", .enabled(if: ExternalTool.path("sqlite3") != nil))
    func sqlite() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(StoreFactory.sqliteFileName).path
        let dump = Self.fixtures.appendingPathComponent("\(Self.fixture).sqlite.sql")
        _ = try ExternalTool.run("sqlite3", [file], input: try Data(contentsOf: dump))
        let before = try Self.counts(try ExternalTool.run("sqlite3", ["-separator", "|", file, Self.countQuery]))

        let stores = try await StoreFactory.open(databaseURL: nil, dataDirectory: dir.path, logger: Logger(label: "test"))
        try await Self.readBack(stores)
        try await stores.close()

        let after = try Self.counts(try ExternalTool.run("sqlite3", ["-separator", "|", file, Self.countQuery]))
        Self.expectNoLoss(before: before, after: after)
        let applied = try ExternalTool.run("sqlite3", [file, "SELECT identifier FROM grdb_migrations ORDER BY rowid"])
        #expect(applied.split(separator: "\n").map(String.init) == Migrations.all.map(\.id))
    }

    @Test(
        "PostgreSQL: every row survives the upgrade and reads back",
        .enabled(if: TestPostgres.isAvailable && ExternalTool.path("psql") != nil))
    func postgres() async throws {
        let server = try #require(TestPostgres.baseURL)
        let name = "beacon_upgrade_\(UUID().uuidString.prefix(8).lowercased())"
        let url = Self.replacingDatabase(of: server, with: name)
        _ = try ExternalTool.run("psql", [server, "-qc", "CREATE DATABASE \(name)"])
        defer { _ = try? ExternalTool.run("psql", [server, "-qc", "DROP DATABASE \(name) WITH (FORCE)"]) }
        let dump = Self.fixtures.appendingPathComponent("\(Self.fixture).postgres.sql")
        _ = try ExternalTool.run("psql", [url, "-q", "-v", "ON_ERROR_STOP=1", "-f", dump.path])
        let before = try Self.counts(try ExternalTool.run("psql", [url, "-tA", "-F", "|", "-c", Self.countQuery]))

        let stores = try await StoreFactory.open(databaseURL: url, dataDirectory: "", logger: Logger(label: "test"))
        try await Self.readBack(stores)
        try await stores.close()

        let after = try Self.counts(try ExternalTool.run("psql", [url, "-tA", "-F", "|", "-c", Self.countQuery]))
        Self.expectNoLoss(before: before, after: after)
        let applied = try ExternalTool.run("psql", [url, "-tA", "-c", "SELECT id FROM beacon_migrations ORDER BY id"])
        #expect(applied.split(separator: "\n").map(String.init) == Migrations.all.map(\.id))
    }

    /// Reads every kind of row the fixture holds through the ports, then writes one event.
    static func readBack(_ stores: Stores) async throws {
        let ws = try #require(try await stores.workspaces.workspace(named: "shop"))
        let keys = try await stores.workspaces.writeKeys(workspaceId: ws.id)
        #expect(keys.map(\.label).sorted() == ["app", "default"])
        #expect(try await stores.workspaces.workspace(writeKeyHash: keys[0].hash) == ws)

        let events = try await stores.events.allEvents(in: ws.id)
        #expect(events.map(\.event.messageId) == (1...8).map { String(format: "m-%02d", $0) })
        #expect(events[2].event.properties?["revenue"] == .number(120.5))
        // The analytics projection is backfilled from the upgraded log.
        let facts = try await stores.analytics.touches(in: ws.id, from: nil, to: nil)
        #expect(facts.map(\.sequence) == events.filter { CommerceFact($0.event, sequence: $0.sequence) != nil }.map(\.sequence))
        #expect(try await stores.analytics.orders(in: ws.id, from: nil, to: nil).map(\.fact.revenue).contains(120.5))

        let profiles = stores.profiles
        let ada = try #require(try await profiles.profileId(workspaceId: ws.id, identifierValue: "user-1", kind: nil))
        #expect(try await profiles.profileId(workspaceId: ws.id, identifierValue: "anon-2", kind: nil) == ada)
        #expect(try await profiles.profile(workspaceId: ws.id, id: ada)?.orders.count == 1)
        #expect(try await profiles.profileCount(workspaceId: ws.id) == 2)
        #expect(try await profiles.profileCheckpoint(workspaceId: ws.id).lastSeq == events.last?.sequence)
        #expect(try await !profiles.identityMerges(workspaceId: ws.id, profileId: nil, limit: 10).isEmpty)
        #expect(try await !profiles.segments(workspaceId: ws.id).isEmpty)
        #expect(try await !profiles.allSegmentMembers(workspaceId: ws.id).isEmpty)
        #expect(try await stores.identityRules.identityRules(workspaceId: ws.id).last?.rules.kindLimits["user_id"] == 2)

        let admin = try #require(try await stores.users.user(email: "admin@example.com"))
        #expect(admin.role == .admin)
        let member = try #require(try await stores.users.user(email: "member@example.com"))
        #expect(try await stores.users.grantedWorkspaceIds(userId: member.id) == [ws.id])
        #expect(try await stores.users.session(tokenHash: "fixture-session-hash")?.userId == admin.id)

        let jobs = try await stores.importJobs.importJobs(workspaceId: ws.id, limit: 10)
        #expect(jobs.map(\.state) == [.finished] && jobs.first?.eventsStored == 8)

        // The upgraded log takes new events after the old ones.
        let t = Date(timeIntervalSince1970: 1_710_000_000)
        let next = Event(messageId: "m-09", type: .track, userId: "user-2", event: "Viewed", timestamp: t, receivedAt: t)
        #expect(try await stores.events.append([EventBatch(workspaceId: ws.id, events: [next])]) == [AppendResult(inserted: 1, duplicates: 0)])
        let stored = try await stores.events.events(in: ws.id, after: events.last?.sequence, limit: 10)
        #expect(stored.map(\.event.messageId) == ["m-09"])
    }

    /// `table|count` lines into a dictionary.
    static func counts(_ output: String) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: "|")
            guard parts.count == 2, let n = Int(parts[1]) else { throw StoreError(.corrupt, "unexpected count line '\(line)'") }
            out[String(parts[0])] = n
        }
        return out
    }

    /// Nothing lost: the same rows in every table but the one event the read-back appended.
    static func expectNoLoss(before: [String: Int], after: [String: Int]) {
        #expect(Set(before.keys) == Set(tables))
        for table in tables {
            #expect((before[table] ?? 0) > 0, "the fixture has no rows in \(table)")
            #expect(after[table] == (before[table] ?? 0) + (table == "events" ? 1 : 0), "\(table) changed")
        }
    }

    /// The server URL with its database replaced by `name`.
    static func replacingDatabase(of url: String, with name: String) -> String {
        var components = URLComponents(string: url)!
        components.path = "/" + name
        return components.string!
    }
}
