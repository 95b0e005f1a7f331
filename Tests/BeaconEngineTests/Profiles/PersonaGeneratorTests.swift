import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

@Suite("GlowBeauty personas")
struct PersonaGeneratorTests {
    @Test("each persona customer resolves to one profile across phone, laptop and newsletter; system segments fill")
    func resolvesToOnePerson() async throws {
        var f = try await ProfileFixture.make(.sqlite)
        let generator = PersonaGenerator(seed: 5, customers: 60, days: 365, start: Timestamp.parse("2024-06-01")!)
        let events = generator.events()
        #expect(events == generator.events()) // deterministic
        try await f.send(events)
        let profiles = try await f.allProfiles()
        #expect(profiles.count == 60)
        #expect(profiles.allSatisfy { $0.identifiers.count == 5 }) // user id, email, three anonymous ids
        let merges = try await f.profileStore.identityMerges(workspaceId: f.workspace.id, profileId: nil, limit: 10_000)
        #expect(merges.count == 120)
        let allMerged = merges.allSatisfy { $0.merged }
        #expect(allMerged)
        // Seed 001's VIP rule holds exactly the profiles with lifetime value above 1,000.
        let vip = try await f.engine.members(workspaceId: f.workspace.id, segmentId: "vip-customers")
        #expect(vip == Set(profiles.filter { $0.orders.lifetimeValue > 1000 }.map(\.id)))
        #expect(!vip.isEmpty)
        let prime = try await f.engine.members(workspaceId: f.workspace.id, segmentId: "prime-for-subscription")
        #expect(prime.allSatisfy { id in profiles.first { $0.id == id }?.traits["subscription_status"]?.value != "active" })
    }

    @Test("the chunked stream yields exactly the events of the whole run, whatever the chunk size")
    func streamEqualsWholeRun() {
        let generator = PersonaGenerator(seed: 9, customers: 25, days: 200)
        let whole = generator.events()
        for size in [1, 7, 25, 40] {
            var stream = generator.makeStream()
            var joined: [Event] = []
            var chunks = 0
            while let chunk = stream.next(customers: size) {
                joined += chunk
                chunks += 1
            }
            #expect(chunks == (25 + size - 1) / size)
            #expect(joined == whole)
            #expect(stream.next(customers: size) == nil)
        }
        #expect(Set(whole.map(\.messageId)).count == whole.count)
        #expect(Set(whole.compactMap(\.userId)).count == 25)
    }
}
