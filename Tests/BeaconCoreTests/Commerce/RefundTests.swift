import BeaconCore
import Foundation
import Testing

@Suite("Refund: an Order Refunded event always lowers revenue")
struct RefundTests {
    typealias E = CommerceTestEvents

    static let signs: [([String: JSONValue], Double)] = [
        (["total": 30], 30),
        (["total": -30], 30),
        (["revenue": 12.5, "total": 99], 12.5),
        (["revenue": "-7.25"], 7.25),
        (["value": 4], 4),
    ]

    @Test("a refund lowers revenue whatever sign it was sent with", arguments: signs)
    func sign(properties: [String: JSONValue], amount: Double) throws {
        let refund = try #require(Refund(E.track(CommerceEvent.orderRefunded, properties: properties)))
        #expect(refund.amount == amount)
        #expect(refund.revenue == -amount)
    }

    @Test("a refund without an amount changes nothing")
    func missingAmount() throws {
        let refund = try #require(Refund(E.track(CommerceEvent.orderRefunded, properties: ["order_id": "A-1"])))
        #expect(refund.amount == 0 && refund.revenue == 0)
        #expect(refund.orderId == "A-1")
    }

    @Test("orders are not refunds")
    func notRefunds() {
        #expect(Refund(E.track(CommerceEvent.orderCompleted, properties: ["total": -3])) == nil)
        #expect(Refund(name: "Order Cancelled", properties: ["total": 3], at: E.time) == nil)
    }

    @Test("Beacon writes a refund with negative revenue and total, and reads it back")
    func roundTrip() throws {
        let written = Refund(orderId: "C-1", time: E.time, amount: 27.5, currency: "GBP")
        let properties = written.properties()
        #expect(properties["revenue"] == .number(-27.5) && properties["total"] == .number(-27.5))
        let read = try #require(Refund(name: CommerceEvent.orderRefunded, properties: properties, at: E.time))
        #expect(read == written)
    }

    @Test("the conversion revenue of orders, refunds and other events")
    func conversionRevenue() {
        #expect(CommerceEvent.revenue(of: E.track(CommerceEvent.orderCompleted, properties: ["total": 50])) == 50)
        #expect(CommerceEvent.revenue(of: E.track(CommerceEvent.orderRefunded, properties: ["total": 20])) == -20)
        #expect(CommerceEvent.revenue(of: E.track(CommerceEvent.orderRefunded, properties: ["total": -20])) == -20)
        #expect(CommerceEvent.revenue(of: E.track(CommerceEvent.orderCompleted)) == nil)
        #expect(CommerceEvent.revenue(of: E.track("Trial Started", properties: ["value": 9])) == 9)
        #expect(CommerceEvent.revenue(of: E.track("Trial Started")) == nil)
    }
}
