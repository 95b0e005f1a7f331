import BeaconCore
import Foundation

/// The product-basket query port: each completed order's product lines, with the person who
/// placed it, over a date range — what association rules, top-N recommendations and
/// lookalikes' category features read, without handing anyone the event log.
///
/// Orders are the `CommerceFact` projection's orders (`Order`'s definition), people stitched as
/// `AnalyticsQueries.orders` stitches them; only the `products` array of each order's payload
/// leaves the database. Ranges are half-open, `[from, to)`; nil means unbounded.
public protocol ProductBasketQueries: Sendable {
    /// Completed orders in time order (ties in log order) with their product lines.
    func baskets(in workspaceId: String, from: Date?, to: Date?) async throws -> [OrderBasket]
}

/// One completed order and what was in it.
public struct OrderBasket: Sendable, Equatable {
    /// The stitched person who placed it.
    public var person: String
    /// The shop's order id, else the event's message id.
    public var orderId: String
    public var time: Date
    /// The order's amount as sent (`Order.amount`).
    public var amount: Double?
    public var products: [OrderProduct]

    public init(person: String, orderId: String, time: Date, amount: Double?, products: [OrderProduct]) {
        self.person = person
        self.orderId = orderId
        self.time = time
        self.amount = amount
        self.products = products
    }
}
