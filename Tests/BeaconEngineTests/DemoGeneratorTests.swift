import BeaconCore
import BeaconEngine
import Foundation
import Testing

@Suite("Demo generator")
struct DemoGeneratorTests {
    @Test("Same seed, same events; another seed, other events")
    func deterministic() {
        let a = DemoGenerator(seed: 7, customers: 200, days: 120).events()
        let b = DemoGenerator(seed: 7, customers: 200, days: 120).events()
        let c = DemoGenerator(seed: 8, customers: 200, days: 120).events()
        #expect(a == b)
        #expect(a != c)
        #expect(Set(a.map(\.messageId)).count == a.count)
    }

    @Test("Every generated event is a valid Segment message inside the period")
    func valid() throws {
        let g = DemoGenerator(seed: 1, customers: 300, days: 90)
        let events = g.events()
        let end = g.start.addingTimeInterval(90 * 86_400)
        for e in events {
            #expect(try Event(json: e.json) == e)
            #expect(e.timestamp >= g.start && e.timestamp < end.addingTimeInterval(86_400))
        }
        let orders = events.filter { $0.event == "Order Completed" }
        let buyers = Set(orders.compactMap(\.userId))
        #expect(orders.count > buyers.count)  // repeat purchases exist
        #expect(orders.allSatisfy { ($0.properties?["revenue"]?.doubleValue ?? 0) > 0 })
        #expect(events.contains { $0.context?["campaign"]?["medium"] == .string("cpc") })
    }
}
