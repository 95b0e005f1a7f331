import Foundation

/// A refund: an `Order Refunded` track event, which always lowers revenue.
///
/// Segment's e-commerce spec (https://segment.com/docs/connections/spec/ecommerce/v2/#order-refunded)
/// sends a refund's amount in the same properties as an order's (`revenue`, then `total`, then
/// `value`: `CommerceEvent.amount(in:)`) but does not fix its sign, and senders differ: some send
/// the refunded amount (positive), some the change to revenue (negative). Beacon counts both the
/// same way: a refund's `amount` is the magnitude sent and its `revenue` is `−amount`, whatever
/// sign was sent. A refund without an amount changes nothing.
public struct Refund: Sendable, Equatable {
    /// The refunded order's id (`order_id`), when sent.
    public var orderId: String?
    /// The customer: `userId`, else `anonymousId` (nil when read from bare properties).
    public var customer: String?
    public var time: Date
    /// The refunded amount, never negative (0 when the event carries none).
    public var amount: Double
    /// ISO 4217 code as sent (`currency`); nil means the workspace's currency.
    public var currency: String?

    /// - Parameter amount: the amount as sent; its sign is dropped.
    public init(orderId: String? = nil, customer: String? = nil, time: Date, amount: Double?, currency: String? = nil) {
        self.orderId = orderId
        self.customer = customer
        self.time = time
        self.amount = abs(amount ?? 0)
        self.currency = currency
    }

    /// What the refund adds to revenue: `−amount`.
    public var revenue: Double { -amount }

    /// The refund in a tracked event's name and properties; nil unless `name` is `Order Refunded`.
    public init?(name: String, properties: [String: JSONValue], at time: Date) {
        guard name == CommerceEvent.orderRefunded else { return nil }
        self.init(
            orderId: properties[CommerceEvent.Key.orderId]?.stringValue, time: time,
            amount: CommerceEvent.amount(in: properties), currency: properties[CommerceEvent.Key.currency]?.stringValue)
    }

    /// The refund in a stored event; nil unless it is a `track` call named `Order Refunded`.
    public init?(_ event: Event) {
        guard let properties = CommerceEvent.trackProperties(event, named: CommerceEvent.orderRefunded) else {
            return nil
        }
        self.init(name: CommerceEvent.orderRefunded, properties: properties, at: event.timestamp)
        customer = event.userId ?? event.anonymousId
    }

    /// The `Order Refunded` properties Beacon writes for this refund: `order_id`, and `revenue`
    /// and `total` both holding `revenue` (negative), `currency`, then `extra` on top.
    public func properties(extra: [String: JSONValue] = [:]) -> [String: JSONValue] {
        CommerceEvent.properties(orderId: orderId, amount: revenue, currency: currency, extra: extra)
    }
}
