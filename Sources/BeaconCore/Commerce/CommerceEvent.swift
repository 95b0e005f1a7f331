import Foundation

/// The event names and property keys of Segment's e-commerce spec that Beacon's commerce facts
/// are read from and written with (https://segment.com/docs/connections/spec/ecommerce/v2/).
///
/// `Order`, `Refund` and `Spend` read events through these names and keys and the importers
/// write them with the same ones, so what is written and what is read cannot drift apart.
public enum CommerceEvent {
    /// A placed order (`Order Completed`, Segment e-commerce spec v2).
    public static let orderCompleted = "Order Completed"
    /// A full or partial refund of an order (`Order Refunded`).
    public static let orderRefunded = "Order Refunded"
    /// One channel's advertising spend for one day: Beacon's own event (no Segment spec
    /// defines spend), written by `beacon import spend` or an ad platform's webhook.
    public static let adSpend = "Ad Spend"
    /// A new account (`Signed Up`, Segment B2B SaaS spec): the sign-ups anomaly scans and the
    /// lead KPIs count.
    public static let signedUp = "Signed Up"

    /// Property keys, as the e-commerce spec names them.
    public enum Key {
        public static let orderId = "order_id"
        public static let revenue = "revenue"
        public static let total = "total"
        public static let value = "value"
        public static let currency = "currency"
        public static let channel = "channel"
        public static let spend = "spend"
        public static let date = "date"
    }

    /// The keys that can hold an order's amount, in order of precedence: the spec's `revenue`,
    /// then `total` (revenue plus shipping and tax, which many shops send alone), then the
    /// generic `value`.
    public static let amountKeys = [Key.revenue, Key.total, Key.value]

    /// The amount of an order or refund: the first of `amountKeys` that holds a number (or a
    /// string holding one, as some SDKs send); nil when none does. The sign is as sent.
    public static func amount(in properties: [String: JSONValue]) -> Double? {
        for key in amountKeys {
            if let amount = properties[key]?.doubleValue, amount.isFinite { return amount }
        }
        return nil
    }

    /// The properties of `event` when it is a `track` call named `name`; nil otherwise.
    static func trackProperties(_ event: Event, named name: String) -> [String: JSONValue]? {
        guard event.type == .track, event.event == name else { return nil }
        return event.properties?.objectValue ?? [:]
    }
}

extension CommerceEvent {
    /// The revenue `event` adds when it is counted as a conversion: an order's amount
    /// (`Order`), a refund's `−|amount|` (`Refund`), and for any other track event (a custom
    /// conversion such as `Trial Started` sent with a `value`) its amount as sent; nil when it
    /// is not a track call or carries no amount.
    public static func revenue(of event: Event) -> Double? {
        guard event.type == .track, let name = event.event else { return nil }
        let properties = event.properties?.objectValue ?? [:]
        if let order = Order(name: name, properties: properties, at: event.timestamp) { return order.amount }
        if let refund = Refund(name: name, properties: properties, at: event.timestamp) { return refund.revenue }
        return amount(in: properties)
    }
}
