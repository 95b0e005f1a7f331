import BeaconCore
import Foundation

/// What one vendor webhook becomes: Segment-spec events keyed by the vendor's own ids (so a
/// retried delivery stores nothing twice), the orders whose customers to remember, or the
/// reason the topic is not mapped.
public struct WebhookMapping: Sendable, Equatable {
    public var events: [Event] = []
    /// (order id, customer) pairs for refunds that arrive later without a customer.
    public var orders: [(orderId: String, customer: String)] = []
    /// Set when the topic carries nothing Beacon maps (the delivery is acknowledged and listed).
    public var ignored: String?

    public init(events: [Event] = [], orders: [(orderId: String, customer: String)] = [], ignored: String? = nil) {
        self.events = events
        self.orders = orders
        self.ignored = ignored
    }

    public static func == (a: WebhookMapping, b: WebhookMapping) -> Bool {
        a.events == b.events && a.ignored == b.ignored
            && a.orders.map { [$0.orderId, $0.customer] } == b.orders.map { [$0.orderId, $0.customer] }
    }
}

/// A vendor payload that cannot be mapped: names the JSON field.
public struct WebhookPayloadError: Error, CustomStringConvertible, Sendable, Equatable {
    public var field: String
    public var reason: String
    public var description: String { "\(field): \(reason)" }
}

extension JSONValue {
    /// An id as text whether the vendor sent it as a string or a number (Shopify's ids are
    /// 64-bit integers in JSON).
    var idText: String? {
        switch self {
        case .string(let s): return s.isEmpty ? nil : s
        case .number(let d) where d == d.rounded() && abs(d) < 9.2e18: return String(Int64(d))
        default: return nil
        }
    }
}
