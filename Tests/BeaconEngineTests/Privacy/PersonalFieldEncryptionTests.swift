import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

/// Personal fields of the profile tables sealed at rest, on both backends: with encryption on,
/// the rows of `profiles` and `profile_identifiers` as the database returns them hold none of
/// a person's email, phone, user id, anonymous ids or traits in any common encoding, while
/// look-ups by each identifier, search by a whole email, export and erasure still work; with
/// encryption off the same scan finds them (so it can fail).
@Suite("Personal fields encrypted at rest", .serialized)
struct PersonalFieldEncryptionTests {
    /// Every text cell of the workspace's rows in the profile tables.
    static func profileTableBytes(_ runtime: BeaconRuntime, _ ws: String) async throws -> [(path: String, bytes: Data)] {
        let driver = try #require((runtime.stores.lifecycle as? any SQLBackend)?.driver)
        var out: [(path: String, bytes: Data)] = []
        for table in ["profiles", "profile_identifiers"] {
            var text = ""
            let rows = try await driver.query("SELECT * FROM \(table) WHERE workspace_id = ?", [.text(ws)])
            #expect(!rows.isEmpty, "no rows in \(table)")
            for row in rows {
                for (_, value) in row.values {
                    if case .text(let s) = value { text += s + "\n" }
                }
            }
            out.append((table, Data(text.utf8)))
        }
        return out
    }

    @Test("Sealed profile tables hold no clear identifier; look-ups, search, export and erasure still work",
          arguments: PrivacyBackend.available)
    func sealedProfileTables(backend: PrivacyBackend) async throws {
        for encrypted in [false, true] {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-sealed-\(UUID().uuidString)")
            let runtime = try await backend.runtime(dataDirectory: dir, encrypted: encrypted)
            let (ws, key) = try await runtime.workspaces.create(name: "sealed-\(UUID().uuidString.prefix(8).lowercased())")
            let key2 = try await runtime.workspaces.addWriteKey(to: ws, label: "app")
            let s = CanarySubject("sealed"), control = CanarySubject("plain")
            try await ProvableErasureTests.send(s, runtime, keys: [key, key2])
            try await ProvableErasureTests.send(control, runtime, keys: [key, key2])
            _ = try await runtime.profiles.catchUp(workspaceId: ws.id)

            let profiles = runtime.stores.profiles
            let id = try #require(try await profiles.profileId(workspaceId: ws.id, identifierValue: s.userId, kind: nil))
            let email = try #require(Identifier.normalisedEmail(s.email))
            for value in [email, s.anonymousIds[0], s.anonymousIds[1]] {
                #expect(try await profiles.profileId(workspaceId: ws.id, identifierValue: value, kind: nil) == id, "\(value)")
            }
            #expect(try await profiles.profileId(workspaceId: ws.id, identifierValue: s.userId, kind: "user_id") == id)
            let profile = try #require(try await profiles.profile(workspaceId: ws.id, id: id))
            #expect(profile.email == email)
            #expect(profile.traits["favourite"]?.value == .string(s.trait))
            #expect(try await profiles.searchProfiles(workspaceId: ws.id, prefix: email, limit: 10).map(\.id) == [id])
            #expect(try await profiles.listProfiles(workspaceId: ws.id, after: nil, limit: 10).count == 2)
            let export = try await runtime.privacy.export(workspaceId: ws.id, identifier: s.email, actor: AuditActor.commandLine)
            #expect(export.profile != nil)
            #expect(export.rows("events").count == 5)

            let blobs = try await Self.profileTableBytes(runtime, ws.id)
            let found = occurrences(of: s.values + control.values, in: blobs)
            if encrypted {
                #expect(found.isEmpty, "clear personal values in the sealed profile tables: \(found.prefix(10))")
            } else {
                for v in [email, s.userId, s.phone, s.trait] {
                    #expect(!occurrences(of: [v], in: blobs).isEmpty, "'\(v)' not found in clear tables")
                }
            }

            let job = try await runtime.privacy.erase(workspaceId: ws.id, identifier: s.email, actor: AuditActor.commandLine)
            #expect(job.state == .done, "\(job.error ?? "")")
            #expect(try await profiles.profileId(workspaceId: ws.id, identifierValue: s.userId, kind: nil) == nil)
            let kept = try #require(
                try await profiles.profileId(workspaceId: ws.id, identifierValue: control.userId, kind: nil))
            #expect(try await profiles.profile(workspaceId: ws.id, id: kept)?.traits["favourite"]?.value == .string(control.trait))
            try await runtime.close()
        }
    }
}
