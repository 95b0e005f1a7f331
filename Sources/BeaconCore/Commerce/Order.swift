import Foundation

/// A completed order: an `Order Completed` track event as every reader counts it (profiles,
/// attribution, marketing-mix models, the dashboard).
///
/// Per Segment's e-commerce spec (https://segment.com/docs/connections/spec/ecommerce/v2/#order-completed)
/// the amount is `revenue`, falling back to `total` and then `value` (`CommerceEvent.amount(in:)`);
/// an order that carries none of them counts as an order worth 0. The amount is taken as sent,
/// so an order sent with a negative amount lowers revenue.
public struct Order: Sendable, Equatable {
    /// The shop's order id (`order_id`), when sent.
    public var orderId: String?
    /// The customer: `userId`, else `anonymousId` (nil when read from bare properties).
    public var customer: String?
    public var time: Date
    /// The amount as sent; nil when the event carries none.
    public var amount: Double?
    /// ISO 4217 code as sent (`currency`); nil means the workspace's currency.
    public var currency: String?

    public init(orderId: String? = nil, customer: String? = nil, time: Date, amount: Double?, currency: String? = nil) {
        self.orderId = orderId
        self.customer = customer
        self.time = time
        self.amount = amount
        self.currency = currency
    }

    /// What the order adds to revenue: its amount, 0 when it has none.
    public var revenue: Double { amount ?? 0 }

    /// The order in a tracked event's name and properties (the profile fold's view of an
    /// event); nil unless `name` is `Order Completed`.
    public init?(name: String, properties: [String: JSONValue], at time: Date) {
        guard name == CommerceEvent.orderCompleted else { return nil }
        self.init(
            orderId: properties[CommerceEvent.Key.orderId]?.stringValue, time: time,
            amount: CommerceEvent.amount(in: properties), currency: properties[CommerceEvent.Key.currency]?.stringValue)
    }

    /// The order in a stored event; nil unless it is a `track` call named `Order Completed`.
    public init?(_ event: Event) {
        guard let properties = CommerceEvent.trackProperties(event, named: CommerceEvent.orderCompleted) else {
            return nil
        }
        self.init(name: CommerceEvent.orderCompleted, properties: properties, at: event.timestamp)
        customer = event.userId ?? event.anonymousId
    }

    /// The `Order Completed` properties Beacon writes for this order (the importers use it):
    /// `order_id`, `revenue` and `total` (the same amount, so readers of either agree),
    /// `currency`, then `extra` (products, country) on top.
    public func properties(extra: [String: JSONValue] = [:]) -> [String: JSONValue] {
        CommerceEvent.properties(orderId: orderId, amount: amount, currency: currency, extra: extra)
    }
}

extension CommerceEvent {
    /// Order or refund properties as Beacon writes them.
    static func properties(orderId: String?, amount: Double?, currency: String?, extra: [String: JSONValue])
        -> [String: JSONValue]
    {
        var properties = extra
        properties[Key.orderId] = orderId.map(JSONValue.string)
        properties[Key.revenue] = amount.map(JSONValue.number)
        properties[Key.total] = amount.map(JSONValue.number)
        properties[Key.currency] = currency.map(JSONValue.string)
        return properties
    }
}
