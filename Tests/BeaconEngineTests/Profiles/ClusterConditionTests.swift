import BeaconAnalytics
import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

@Suite("Cluster conditions")
struct ClusterConditionTests {
    let casual = RuleTestSubject(traits: ["cluster": 2, "cluster_persona": "Casual Shoppers 2"])
    let unclustered = RuleTestSubject(traits: [:])

    func check(_ rule: JSONValue, _ subject: RuleTestSubject) throws -> Bool {
        try SegmentRule.parse(rule).matches(subject, asOf: Date())
    }

    @Test("persona families are the analytics personas")
    func families() {
        #expect(ClusterCondition.personaFamilies == ClusterPersonas.Persona.allCases.map(\.rawValue))
    }

    static let matchingCases: [(JSONValue, Bool)] = [
        (["cluster": 2], true), (["cluster": 1], false), (["cluster": ["in": [0, 2]]], true),
        (["cluster": ["ne": 2]], false), (["cluster": ["between": [0, 1]]], false), (["cluster": ["gte": 2]], true),
        (["cluster": "Casual Shoppers"], true), (["cluster": "Casual Shoppers 2"], true),
        (["cluster": "Casual Shoppers 1"], false),
        (["cluster": ["persona": ["VIPs", "Casual Shoppers"]]], true), (["cluster": ["persona": "Loyalists"]], false),
        (["not": ["cluster": "VIPs"]], true),
    ]

    @Test("numbers and personas match the computed cluster traits", arguments: matchingCases)
    func matching(_ rule: JSONValue, _ expected: Bool) throws {
        #expect(try check(rule, casual) == expected)
    }

    @Test("a profile without a cluster matches only negations")
    func unclusteredProfile() throws {
        #expect(try !check(["cluster": 0], unclustered))
        #expect(try !check(["cluster": "At Risk"], unclustered))
        #expect(try check(["cluster": ["ne": 0]], unclustered))
    }

    static let invalidCases: [(JSONValue, String)] = [
        (["cluster": -1], "rule.cluster"), (["cluster": 1.5], "rule.cluster"),
        (["all": [["order_count": 1], ["cluster": ["in": [0, "x"]]]]], "rule.all[1].cluster.in[1]"),
        (["cluster": "Big Spenders"], "rule.cluster"),
        (["cluster": ["persona": ["VIPs", "Whales"]]], "rule.cluster.persona[1]"),
        (["cluster": ["persona": "VIPs", "eq": 1]], "rule.cluster"), (["cluster": ["contains": 1]], "rule.cluster"),
        (["cluster": ["between": [-1, 2]]], "rule.cluster.between[0]"), (["cluster": ["gt": "2"]], "rule.cluster.gt"),
        (["cluster": ["persona": []]], "rule.cluster.persona"), (["cluster": "Casual Shoppers 0"], "rule.cluster"),
    ]

    @Test("bad cluster conditions name the node", arguments: invalidCases)
    func validation(_ rule: JSONValue, _ path: String) {
        do {
            _ = try SegmentRule.parse(rule)
            Issue.record("accepted \(rule)")
        } catch let e as SegmentRuleError {
            #expect(e.path == path, "\(e)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test(
        "the prediction refresh clusters buyers into personas that cluster segments select",
        arguments: ProfileBackend.available)
    func refreshAssignsClusters(_ backend: ProfileBackend) async throws {
        var f = try await ProfileFixture.make(backend)
        // Three groups far apart in recency, frequency and spend.
        var events: [Event] = []
        for n in 0..<12 {
            for k in 0..<12 {
                events.append(
                    f.event(
                        .track, user: "vip-\(n)", name: "Order Completed", daysAgo: Double(2 + 5 * k),
                        properties: ["revenue": .number(400 + Double(n))]))
            }
            events.append(
                f.event(
                    .track, user: "lapsed-\(n)", name: "Order Completed", daysAgo: 300 + Double(n),
                    properties: ["revenue": .number(30 + Double(n))]))
            for k in 0..<3 {
                events.append(
                    f.event(
                        .track, user: "casual-\(n)", name: "Order Completed", daysAgo: Double(10 + 20 * k + n),
                        properties: ["revenue": .number(50 + Double(n))]))
            }
        }
        try await f.send(events)
        let vipsSegment = try await f.engine.saveSegment(
            workspaceId: f.workspace.id, name: "VIP cluster", rule: ["cluster": "VIPs"])
        #expect(vipsSegment.size == 0)  // no clusters before the first refresh

        let report = try await f.engine.refreshPredictions(workspaceId: f.workspace.id)
        #expect(report.clusterCount == 3)  // the silhouette finds the three groups
        var clusterOf: [String: Set<Int>] = [:]
        var personaOf: [String: Set<String>] = [:]
        for p in try await f.allProfiles() {
            let group = String(try #require(p.identifier(Identifier.userId)).prefix { $0 != "-" })
            let pred = try #require(p.predictions)
            clusterOf[group, default: []].insert(try #require(pred.cluster))
            personaOf[group, default: []].insert(try #require(pred.clusterPersona))
            #expect(p.computedTraits(asOf: ProfileFixture.now)["cluster"] == .number(Double(pred.cluster!)))
        }
        // Each group is one cluster, and the groups are different clusters.
        #expect(clusterOf.values.allSatisfy { $0.count == 1 })
        #expect(Set(clusterOf.values.map { $0.first! }).count == 3)
        #expect(personaOf["vip"] == ["VIPs"])
        #expect(personaOf["lapsed"] == ["At Risk"])
        #expect(Set(report.personas) == Set(personaOf.values.map { $0.first! }))

        // The refresh re-evaluated the cluster segment; a number condition agrees.
        let vipIds = Set(
            try await f.allProfiles().filter { $0.identifier(Identifier.userId)!.hasPrefix("vip-") }.map(\.id))
        #expect(try await f.engine.members(workspaceId: f.workspace.id, segmentId: vipsSegment.segment.id) == vipIds)
        let byNumber = try await f.engine.preview(
            workspaceId: f.workspace.id, rule: ["cluster": .number(Double(clusterOf["vip"]!.first!))], sample: 100)
        #expect(Set(byNumber.sample.map(\.id)) == vipIds)

        // A configured k is used as given.
        let two = try await f.engine.refreshPredictions(workspaceId: f.workspace.id, clusterCount: 2)
        #expect(two.clusterCount == 2)
        #expect(Set(try await f.allProfiles().compactMap { $0.predictions?.cluster }) == [0, 1])
    }
}
