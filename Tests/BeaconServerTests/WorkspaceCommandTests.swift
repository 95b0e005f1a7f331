import BeaconEngine
import Foundation
import Testing

/// The command line's workspace and token lifecycle, and its safe imports, run as a user
/// would run them: the built binary against a fresh data directory.
@Suite("CLI: workspace lifecycle, tokens and safe imports")
struct WorkspaceCommandTests {
    static func dataDir() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("beacon-ws-\(UUID().uuidString)").path
    }

    static func eventCount(_ workspace: String, dataDir: String) async throws -> Int? {
        let listed = try await UserCommandTests.beacon(["workspace", "list"], dataDir: dataDir)
        let line = listed.output.split(separator: "\n").first { $0.hasPrefix(workspace + "\t") }
        return line?.split(separator: "\t").last.flatMap { Int($0.split(separator: " ")[0]) }
    }

    @Test("token list shows fingerprints, token revoke refuses an ambiguous or unknown fingerprint and revokes one",
          .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func tokens() async throws {
        let dir = Self.dataDir()
        #expect(try await UserCommandTests.beacon(["workspace", "create", "shop"], dataDir: dir).status == 0)
        let created = try await UserCommandTests.beacon(["token", "create", "--workspace", "shop", "--label", "reporting"], dataDir: dir)
        let token = try #require(created.output.split(separator: " ").first { $0.hasPrefix("bt_") }.map {
            String($0.prefix { $0 != "\n" })
        })
        let list = try await UserCommandTests.beacon(["token", "list", "--workspace", "shop"], dataDir: dir)
        let fingerprint = String(WriteKey.hash(token).prefix(12))
        #expect(list.status == 0 && list.output.contains("\(fingerprint)\treporting"), "\(list.output)")
        #expect(!list.output.contains("bt_"))

        let short = try await UserCommandTests.beacon(["token", "revoke", "--workspace", "shop", "abc"], dataDir: dir)
        #expect(short.status != 0 && short.output.contains("fingerprint: give at least 8 hex digits"), "\(short.output)")
        let revoked = try await UserCommandTests.beacon(["token", "revoke", "--workspace", "shop", String(fingerprint.prefix(8))], dataDir: dir)
        #expect(revoked.status == 0 && revoked.output.contains("revoked API token \(fingerprint) (reporting)"), "\(revoked.output)")
        #expect(!(try await UserCommandTests.beacon(["token", "list", "--workspace", "shop"], dataDir: dir).output.contains(fingerprint)))
    }

    @Test("workspace rename keeps the data; workspace delete needs --yes and removes the events",
          .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func renameAndDelete() async throws {
        let dir = Self.dataDir()
        #expect(try await UserCommandTests.beacon(["workspace", "create", "shop"], dataDir: dir).status == 0)
        #expect(try await UserCommandTests.beacon(["workspace", "create", "outlet"], dataDir: dir).status == 0)
        let file = try ImplicitCreationTests.csv("customer_id,order_id,timestamp,amount\nc1,o1,2024-01-02,10.5\nc2,o2,2024-01-03,4\n")
        #expect(try await UserCommandTests.beacon(["import", "orders", file, "--workspace", "shop"], dataDir: dir).status == 0)

        let taken = try await UserCommandTests.beacon(["workspace", "rename", "shop", "outlet"], dataDir: dir)
        #expect(taken.status != 0 && taken.output.contains("a workspace named 'outlet' already exists"), "\(taken.output)")
        let renamed = try await UserCommandTests.beacon(["workspace", "rename", "shop", "store"], dataDir: dir)
        #expect(renamed.status == 0, "\(renamed.output)")
        #expect(try await Self.eventCount("store", dataDir: dir) == 2)

        let unconfirmed = try await UserCommandTests.beacon(["workspace", "delete", "store"], dataDir: dir)
        #expect(unconfirmed.status != 0 && unconfirmed.output.contains("--yes"), "\(unconfirmed.output)")
        #expect(try await Self.eventCount("store", dataDir: dir) == 2)
        let deleted = try await UserCommandTests.beacon(["workspace", "delete", "store", "--yes"], dataDir: dir)
        #expect(deleted.status == 0 && deleted.output.contains("its 2 events"), "\(deleted.output)")
        #expect(try await Self.eventCount("store", dataDir: dir) == nil)
        #expect(try await Self.eventCount("outlet", dataDir: dir) == 0)
    }

    @Test("workspace create --currency and set-currency: the list shows the code; a bad code names --currency and creates nothing",
          .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func currency() async throws {
        let dir = Self.dataDir()
        let bad = try await UserCommandTests.beacon(["workspace", "create", "shop", "--currency", "euro"], dataDir: dir)
        #expect(bad.status != 0 && bad.output.contains("--currency: give a three-letter ISO 4217 code"), "\(bad.output)")
        #expect(!FileManager.default.fileExists(atPath: dir), "a refused create made the data directory")

        let created = try await UserCommandTests.beacon(["workspace", "create", "shop", "--currency", "eur"], dataDir: dir)
        #expect(created.status == 0 && created.output.contains("amounts in EUR"), "\(created.output)")
        #expect(try await UserCommandTests.beacon(["workspace", "create", "outlet"], dataDir: dir).status == 0)
        func currencies() async throws -> [String: String] {
            let listed = try await UserCommandTests.beacon(["workspace", "list"], dataDir: dir).output
            return Dictionary(uniqueKeysWithValues: listed.split(separator: "\n").map { line in
                let f = line.split(separator: "\t").map(String.init)
                return (f[0], f[2])
            })
        }
        #expect(try await currencies() == ["shop": "EUR", "outlet": "USD"])

        let changed = try await UserCommandTests.beacon(["workspace", "set-currency", "outlet", "gbp"], dataDir: dir)
        #expect(changed.status == 0 && changed.output.contains("amounts in GBP (was USD)"), "\(changed.output)")
        let refused = try await UserCommandTests.beacon(["workspace", "set-currency", "outlet", "ABC"], dataDir: dir)
        #expect(refused.status != 0 && refused.output.contains("currency: 'ABC' is not an ISO 4217 code"), "\(refused.output)")
        #expect(try await currencies() == ["shop": "EUR", "outlet": "GBP"])
        #expect(try await Self.eventCount("outlet", dataDir: dir) == 0)
    }

    @Test("A truncated .jsonl.gz exits non-zero and stores nothing; a bad row exits non-zero naming its line",
          .enabled(if: DurabilityTests.binary != nil, "the beacon executable must be built next to the tests"))
    func safeImports() async throws {
        let dir = Self.dataDir()
        #expect(try await UserCommandTests.beacon(["workspace", "create", "shop"], dataDir: dir).status == 0)
        let lines = (1...3_000).map {
            #"{"type":"track","userId":"u\#($0)","event":"Viewed","messageId":"m\#($0)","timestamp":"2025-03-01T10:00:00Z"}"#
        }
        let whole = try Gzip.compress(Array(lines.joined(separator: "\n").utf8))
        let cut = FileManager.default.temporaryDirectory.appendingPathComponent("cut-\(UUID().uuidString).jsonl.gz").path
        try Data(whole.prefix(whole.count * 2 / 3)).write(to: URL(fileURLWithPath: cut))
        let truncated = try await UserCommandTests.beacon(["import", "events", cut, "--workspace", "shop"], dataDir: dir)
        #expect(truncated.status != 0 && truncated.output.contains("truncated or damaged"), "\(truncated.output)")
        #expect(try await Self.eventCount("shop", dataDir: dir) == 0)

        let file = try ImplicitCreationTests.csv(
            "customer_id,order_id,timestamp,amount\nc1,o1,2024-01-02,10.5\nc1,o2,2024-13-45,3\nc2,o3,2024-01-03,4\n")
        let refused = try await UserCommandTests.beacon(["import", "orders", file, "--workspace", "shop"], dataDir: dir)
        #expect(refused.status != 0, "\(refused.output)")
        #expect(refused.output.contains("line 3, column 'timestamp'") && refused.output.contains("nothing stored"), "\(refused.output)")
        #expect(try await Self.eventCount("shop", dataDir: dir) == 0)
        let allowed = try await UserCommandTests.beacon(["import", "orders", file, "--workspace", "shop", "--max-errors", "1"], dataDir: dir)
        #expect(allowed.status != 0 && allowed.output.contains("1 rows refused"), "\(allowed.output)")
        #expect(try await Self.eventCount("shop", dataDir: dir) == 2)
    }
}
