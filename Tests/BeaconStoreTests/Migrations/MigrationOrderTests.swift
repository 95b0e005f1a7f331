import BeaconCore
import BeaconStore
import Foundation
import Testing

@Suite("Migration order")
struct MigrationOrderTests {
    /// `Sources/BeaconStore/Migrations/`, found from this file.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/BeaconStore/Migrations")

    @Test("ids are NNN_what, unique, and their numbers strictly increase in the order applied")
    func idsIncrease() {
        let ids = Migrations.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.wholeMatch(of: /[0-9]{3}_[a-z0-9_]+/) != nil, "\(id) is not NNN_what")
        }
        let numbers = Migrations.all.compactMap(\.number)
        #expect(numbers.count == ids.count)
        for (earlier, later) in zip(numbers, numbers.dropFirst()) {
            #expect(earlier < later, "migration \(later) is applied after \(earlier)")
        }
    }

    @Test("every migration is declared in its own file of the migrations folder, and every such file is applied")
    func oneFileEach() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.first?.isNumber == true }
            .map { String($0.dropLast(".swift".count)) }
        #expect(Set(files) == Set(Migrations.all.map(\.id)))
    }
}

@Suite("Pending migrations")
struct PendingMigrationTests {
    @Test("a fresh database needs every migration, in order")
    func fresh() throws {
        #expect(try Migrations.pending(applied: []).map(\.id) == Migrations.all.map(\.id))
    }

    @Test("a database that took 020 before 005 existed gets 005, 006 and the later ones, in that order")
    func earlierLandedLater() throws {
        let applied: Set = ["001_workspaces", "002_write_keys", "003_events", "004_profiles", "020_dashboard_users"]
        #expect(
            try Migrations.pending(applied: applied).map(\.id)
                == ["005_identity_rules", "006_segment_members_by_profile", "030_import_jobs", "040_activation"])
    }

    @Test("a database upgraded by a newer release is refused, naming the unknown migration")
    func newerDatabase() throws {
        let applied = Set(Migrations.all.map(\.id)).union(["999_from_the_future"])
        let error = try #require(throws: StoreError.self) { try Migrations.pending(applied: applied) }
        #expect(error.code == .invalidConfiguration && error.message.contains("999_from_the_future"))
    }
}
