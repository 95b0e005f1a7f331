import BeaconAnalytics
import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

/// Recommendations and lookalikes through the ports, as of a date, on every backend.
@Suite("Recommendations and lookalikes in the engine")
struct DiscoveryEngineTests {
    static func order(_ f: inout ProfileFixture, user: String, id: String, daysAgo: Double, items: [String]) -> Event {
        f.event(.track, user: user, name: CommerceEvent.orderCompleted, daysAgo: daysAgo, properties: [
            "order_id": .string(id), "revenue": .number(10),
            "products": .array(items.map { .object(["product_id": .string($0), "name": .string("Item \($0)"), "quantity": 1]) }),
        ])
    }

    @Test("A profile's list reads only orders before the as-of date; a visitor's anonymous id is the same customer",
          arguments: ProfileBackend.available)
    func profileRecommendations(_ backend: ProfileBackend) async throws {
        var f = try await ProfileFixture.make(backend)
        var events = [f.event(.identify, user: "u1", anon: "a1", daysAgo: 20)]
        events.append(Self.order(&f, user: "u1", id: "O1", daysAgo: 10, items: ["A"]))
        events.append(f.event(.track, anon: "a1", name: CommerceEvent.orderCompleted, daysAgo: 9.5, properties: [
            "order_id": "O1b", "revenue": 5, "products": [["sku": "B", "quantity": 1]],
        ]))
        events.append(Self.order(&f, user: "u2", id: "O2", daysAgo: 9, items: ["A", "C"]))
        events.append(Self.order(&f, user: "u2", id: "O3", daysAgo: 8, items: ["B", "C"]))
        events.append(Self.order(&f, user: "u1", id: "O4", daysAgo: 1, items: ["C"]))
        try await f.send(events)
        let recommendations = ProductRecommendations(baskets: f.store.baskets)
        let profile = try #require(await f.profile("u1"))
        let persons = Set(profile.identifiers.map(\.value))
        let before = ProfileFixture.now.addingTimeInterval(-5 * 86_400)

        // u1 bought A and B by then; C shares a basket with each once.
        let co = try await recommendations.recommend(
            workspaceId: f.workspace.id, persons: persons, asOf: before, k: 3, strategy: .itemCoOccurrence, seed: 1)
        #expect(co.map(\.item) == ["C"] && co.first?.score == 2 && co.first?.name == "Item C")
        let own = try await recommendations.recommend(
            workspaceId: f.workspace.id, persons: persons, asOf: before, k: 2, strategy: .personalPopularity, seed: 1)
        #expect(Set(own.map(\.item)) == ["A", "B"])
        // As of now u1 has bought C too: nothing is left to discover.
        let now = try await recommendations.recommend(
            workspaceId: f.workspace.id, persons: persons, asOf: ProfileFixture.now, k: 3, strategy: .itemCoOccurrence,
            seed: 1)
        #expect(now.isEmpty)
    }

    /// SQLite only: on PostgreSQL the analytics port's `orders` query (its identity-link join) ran
    /// for over 20 minutes on this 1,500-customer demo workspace; the smaller workspaces of the
    /// other tests here run on both backends.
    @Test("A lookalike of frequent buyers: saved as a segment of 5 % of the workspace, outside the seed, with reasons",
          arguments: [ProfileBackend.sqlite])
    func lookalike(_ backend: ProfileBackend) async throws {
        var f = try await ProfileFixture.make(backend)
        try await f.send(DemoGenerator(seed: 5, customers: 1_500, days: 200).events())
        let ws = f.workspace.id
        let seed = try await f.engine.saveSegment(
            workspaceId: ws, name: "Frequent buyers", rule: ["order_count": ["gte": 3]])
        #expect(seed.size >= 100)
        let audience = try await f.engine.lookalike(
            workspaceId: ws, seedSegmentId: seed.segment.id, sizePercent: 5, analytics: f.store.analytics,
            baskets: f.store.baskets)
        let population = try await f.store.profiles.profileCount(workspaceId: ws)
        #expect(audience.population == population)
        #expect(audience.members.count == Int((Double(population) * 0.05).rounded()))
        #expect(audience.members.map(\.rank) == Array(1...audience.members.count))
        #expect(audience.members.allSatisfy { $0.reasons.count == 3 })
        #expect(audience.features.contains("category:Footwear"))
        let seedMembers = try await f.engine.members(workspaceId: ws, segmentId: seed.segment.id)
        let saved = try await f.engine.members(workspaceId: ws, segmentId: audience.segment.id)
        #expect(saved == Set(audience.members.map(\.profileId)))
        #expect(saved.isDisjoint(with: seedMembers))

        // The same request gives the same audience.
        let again = try await f.engine.lookalike(
            workspaceId: ws, seedSegmentId: seed.segment.id, sizePercent: 5, analytics: f.store.analytics,
            baskets: f.store.baskets)
        #expect(again.members == audience.members)
    }

    @Test("Bad requests name the field: unknown or small seed, size outside 1–10 %", arguments: ProfileBackend.available)
    func badRequests(_ backend: ProfileBackend) async throws {
        var f = try await ProfileFixture.make(backend)
        try await f.send(DemoGenerator(seed: 6, customers: 100, days: 120).events())
        let ws = f.workspace.id
        let small = try await f.engine.saveSegment(workspaceId: ws, name: "Few", rule: ["order_count": ["gte": 1]])
        func field(_ seed: String, _ percent: Double) async -> String? {
            do {
                _ = try await f.engine.lookalike(
                    workspaceId: ws, seedSegmentId: seed, sizePercent: percent, analytics: f.store.analytics,
                    baskets: f.store.baskets)
                return nil
            } catch let e as RecommendationError {
                return e.field
            } catch let e as SegmentRequestError {
                return e.field
            } catch {
                return "\(error)"
            }
        }
        #expect(small.size < 100)
        #expect(await field(small.segment.id, 5) == "seed_segment")
        #expect(await field("no-such-segment", 5) == "seed_segment")
        #expect(await field(small.segment.id, 20) == "size_percent")
        #expect(await field(small.segment.id, 0.5) == "size_percent")
    }
}
