import BeaconCore
import Foundation
import Testing

@Suite("Order: an Order Completed event")
struct OrderTests {
    typealias E = CommerceTestEvents

    static let precedence: [([String: JSONValue], Double)] = [
        (["revenue": 10, "total": 12, "value": 14], 10),
        (["total": 12, "value": 14], 12),
        (["value": 14], 14),
        (["revenue": "oops", "total": 12], 12),
    ]

    @Test("revenue wins over total, total over value", arguments: precedence)
    func amountPrecedence(properties: [String: JSONValue], expected: Double) throws {
        let order = try #require(Order(E.track(CommerceEvent.orderCompleted, properties: properties)))
        #expect(order.amount == expected)
        #expect(order.revenue == expected)
    }

    @Test("a string amount is read as a number, as some SDKs send it")
    func stringAmount() throws {
        let order = try #require(Order(E.track(CommerceEvent.orderCompleted, properties: ["revenue": "40.5"])))
        #expect(order.revenue == 40.5)
    }

    @Test("an order without an amount is an order worth 0")
    func missingAmount() throws {
        let order = try #require(Order(E.track(CommerceEvent.orderCompleted, properties: ["order_id": "A-1"])))
        #expect(order.amount == nil)
        #expect(order.revenue == 0)
        #expect(order.orderId == "A-1")
    }

    @Test("a negative amount is taken as sent")
    func negativeAmount() throws {
        let order = try #require(Order(E.track(CommerceEvent.orderCompleted, properties: ["total": -5])))
        #expect(order.revenue == -5)
    }

    @Test("order id, currency and customer (userId, else anonymousId)")
    func fields() throws {
        let known = try #require(
            Order(
                E.track(CommerceEvent.orderCompleted, properties: ["order_id": "A-1", "currency": "EUR", "revenue": 3]))
        )
        #expect(known.orderId == "A-1" && known.currency == "EUR" && known.customer == "u1" && known.time == E.time)
        let anonymous = try #require(Order(E.track(CommerceEvent.orderCompleted, user: nil, anonymous: "a9")))
        #expect(anonymous.customer == "a9")
    }

    @Test("other events and other calls are not orders")
    func notOrders() {
        #expect(Order(E.track(CommerceEvent.orderRefunded, properties: ["revenue": 5])) == nil)
        #expect(Order(E.track("Product Viewed", properties: ["revenue": 5])) == nil)
        let page = Event(
            messageId: "p", type: .page, userId: "u1", name: CommerceEvent.orderCompleted,
            timestamp: E.time, receivedAt: E.time, properties: ["revenue": 5])
        #expect(Order(page) == nil)
        #expect(Order(name: "Checkout Started", properties: ["revenue": 5], at: E.time) == nil)
    }

    @Test("the properties Beacon writes read back as the same order")
    func roundTrip() throws {
        let written = Order(orderId: "A-7", time: E.time, amount: 22.3, currency: "GBP")
        let properties = written.properties(extra: ["country": "UK"])
        #expect(properties["revenue"] == .number(22.3) && properties["total"] == .number(22.3))
        #expect(properties["country"] == .string("UK"))
        let read = try #require(Order(name: CommerceEvent.orderCompleted, properties: properties, at: E.time))
        #expect(read == written)
    }
}
