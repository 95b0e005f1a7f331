import BeaconAnalytics
import BeaconCore
import BeaconEngine
import BeaconStore
import BeaconTestSupport
import Foundation
import Testing

/// Association rules read through the product-basket port equal PyPI mlxtend's (apriori +
/// association_rules, `bench/recommendations/mlxtend_rules.py`) on UCI Online Retail's France
/// invoices, imported with `beacon import orders`'s importer, on every backend.
/// Needs `BEACON_MLXTEND_PYTHON`, an interpreter with mlxtend and pandas (`.ci/run` makes one).
@Suite(
    "Association rules against mlxtend",
    .enabled(
        if: ProcessInfo.processInfo.environment["BEACON_MLXTEND_PYTHON"] != nil,
        "set BEACON_MLXTEND_PYTHON to a Python with mlxtend and pandas (pip install mlxtend pandas)"),
    .enabled(if: SharedData.available, "needs ../shared/datasets/online_retail"))
struct MlxtendRulesPeerTests {
    struct PeerRule: Decodable {
        var antecedents: [String]
        var consequents: [String]
        var antecedent_support: Double
        var consequent_support: Double
        var support: Double
        var confidence: Double
        var lift: Double
        var leverage: Double
        var conviction: Conviction
    }

    /// A number, or "inf" for an infinite conviction.
    struct Conviction: Decodable {
        var value: Double
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let number = try? c.decode(Double.self) {
                value = number
            } else {
                value = try c.decode(String.self) == "inf" ? .infinity : .nan
            }
        }
    }

    struct PeerOutput: Decodable {
        var baskets: Int
        var rules: [PeerRule]
    }

    /// Runs the peer on the France rows, which it also writes to `subset` for the import.
    static func peer(subset: String, minSupport: Double) async throws -> PeerOutput {
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("bench/recommendations/mlxtend_rules.py")
        let run = try await runProcess(
            ProcessInfo.processInfo.environment["BEACON_MLXTEND_PYTHON"]!,
            [
                script.path, SharedData.dataset("online_retail/online_retail_2010_2011.csv.gz"), "--country", "France",
                "--min-support", String(minSupport), "--metric", "lift", "--min-threshold", "1", "--subset", subset,
            ])
        guard run.status == 0 else {
            throw RecommendationError(.emptyInput, field: "peer", "mlxtend_rules.py failed: \(run.stderr)")
        }
        let data = Data(run.stdout.utf8)
        return try JSONDecoder().decode(PeerOutput.self, from: data)
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= 1e-12 * max(1, abs(a), abs(b))
    }

    @Test("France: the same baskets, rules and measures as mlxtend (support ≥ 0.05, lift ≥ 1)",
          arguments: ProfileBackend.available)
    func france(_ backend: ProfileBackend) async throws {
        let subset = FileManager.default.temporaryDirectory.appendingPathComponent("france-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: subset) }
        let peer = try await Self.peer(subset: subset, minSupport: 0.05)
        #expect(peer.rules.count > 100, "the France subset has hundreds of rules at 5 % support")

        let stores = try await backend.open()
        let ws = try await stores.workspaces.createWorkspace(name: "rules-\(UUID().uuidString.prefix(8).lowercased())")
        let importer = OrderFileImporter(store: stores.events, columns: try OrderColumnMap(parsing: nil))
        _ = try await importer.importFile(subset, workspaceId: ws.id)
        let set = try await ProductRecommendations(baskets: stores.baskets).rules(
            workspaceId: ws.id, asOf: Timestamp.parse("2012-01-01")!,
            miner: AssociationRuleMiner(minSupport: 0.05, metric: .lift, minThreshold: 1), limit: .max)

        #expect(set.basketCount == peer.baskets)
        #expect(set.rules.count == peer.rules.count)
        let mine = Dictionary(uniqueKeysWithValues: set.rules.map { ("\($0.antecedents)⇒\($0.consequents)", $0) })
        var differing: [String] = []
        for p in peer.rules {
            let key = "\(p.antecedents)⇒\(p.consequents)"
            guard let r = mine[key] else {
                differing.append("missing \(key)")
                continue
            }
            let pairs = [
                (r.antecedentSupport, p.antecedent_support), (r.consequentSupport, p.consequent_support),
                (r.support, p.support), (r.confidence, p.confidence), (r.lift, p.lift), (r.leverage, p.leverage),
                (r.conviction, p.conviction.value),
            ]
            if !pairs.allSatisfy({ Self.close($0, $1) }) { differing.append("\(key): \(r) vs \(p)") }
        }
        #expect(differing.isEmpty, "\(differing.count) differ: \(differing.prefix(3))")
        #expect(set.rules.contains { $0.conviction == .infinity }, "rules that always hold have infinite conviction")
    }
}
