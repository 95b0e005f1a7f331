import Foundation

/// Running order totals of a profile, kept current as `Order Completed` and `Order Refunded`
/// events arrive, read as `Order` and `Refund`.
///
/// Lifetime value is completed revenue minus refunds (a refund lowers it whatever sign its
/// amount was sent with: `Refund`); average order value is completed revenue over completed orders.
public struct OrderStats: Sendable, Equatable, Codable {
    public var count: Int = 0
    public var revenue: Double = 0
    public var refunded: Double = 0
    public var firstAt: Date?
    public var lastAt: Date?

    public init() {}

    public var lifetimeValue: Double { revenue - refunded }
    public var averageOrderValue: Double { count == 0 ? 0 : revenue / Double(count) }

    /// Adds a completed order.
    public mutating func addOrder(revenue amount: Double, at time: Date) {
        count += 1
        revenue += amount
        firstAt = min(firstAt ?? time, time)
        lastAt = max(lastAt ?? time, time)
    }

    /// Adds a completed order (`Order.revenue`).
    public mutating func add(_ order: Order) {
        addOrder(revenue: order.revenue, at: order.time)
    }

    /// Adds a refund (`Refund.amount`, never negative).
    public mutating func add(_ refund: Refund) {
        refunded += refund.amount
    }

    /// Adds another profile's orders (identity merge).
    public mutating func absorb(_ other: OrderStats) {
        count += other.count
        revenue += other.revenue
        refunded += other.refunded
        if let f = other.firstAt { firstAt = min(firstAt ?? f, f) }
        if let l = other.lastAt { lastAt = max(lastAt ?? l, l) }
    }
}
