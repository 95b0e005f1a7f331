import BeaconCore
import Foundation

/// The analytics query port: the questions dashboards, insights, attribution and marketing-mix
/// models ask of a workspace's commerce facts, answered by the store over a date range without
/// handing anyone the event log.
///
/// Every answer is computed from the `CommerceFact` projection, which the store writes with
/// each append, so the numbers are the ones the in-memory readers compute from the same events
/// (a test checks it on a hand-computed shop and on the UCI Online Retail import, on every
/// backend). Aggregates (`revenueByDay`, `spendByDay`) are grouped in the database; the lists
/// (`orders`, `touches`) hold only orders and refunds, or only visits, narrow rows without
/// payloads. Ranges are half-open, `[from, to)`, on the event's (corrected) time; nil means
/// unbounded.
///
/// `SQLAnalyticsQueries` answers in SQL written once for SQLite and PostgreSQL; a scale-out
/// backend (ClickHouse) implements the same five methods.
public protocol AnalyticsQueries: Sendable {
    /// The first and last event time and the event count of a workspace.
    func span(in workspaceId: String) async throws -> EventSpan

    /// Orders and refunds in time order (ties in log order), each with its stitched person and
    /// the touch that decides its last-touch channel (`OrderFact`).
    func orders(in workspaceId: String, from: Date?, to: Date?) async throws -> [OrderFact]

    /// Every visit (page, screen and track fact, orders and refunds included) of a person, in
    /// log order, with `person` set: attribution's journeys.
    func touches(in workspaceId: String, from: Date?, to: Date?) async throws -> [CommerceFact]

    /// Revenue per UTC day: the sum of `CommerceFact.revenue` over the track events named in
    /// `conversionEvents` (spend excluded), days in order.
    func revenueByDay(in workspaceId: String, conversionEvents: Set<String>, from: Date?, to: Date?) async throws
        -> [DayRevenue]

    /// Ad spend per UTC day and channel (`Spend`), in day then channel order.
    func spendByDay(in workspaceId: String, from: Date?, to: Date?) async throws -> [DaySpend]

    /// Per UTC day with any event, in day order: how many events (every call), orders, sign-ups,
    /// and the revenue orders add and refunds take away (`DayActivity`): the daily series
    /// anomaly scans watch.
    func activityByDay(in workspaceId: String, from: Date?, to: Date?) async throws -> [DayActivity]
}

/// When a workspace's events begin and end, and how many there are.
public struct EventSpan: Sendable, Equatable {
    public var first: Date?
    public var last: Date?
    public var events: Int

    public init(first: Date?, last: Date?, events: Int) {
        self.first = first
        self.last = last
        self.events = events
    }
}

/// An order or refund with the person who placed it and the touch its last-touch channel is
/// read from: the person's latest earlier visit that said where it came from, else their first
/// earlier visit, else the order's own event.
public struct OrderFact: Sendable, Equatable {
    public var fact: CommerceFact
    /// The touch that decides the order's channel.
    public var channelTouch: Touch

    public init(fact: CommerceFact, channelTouch: Touch) {
        self.fact = fact
        self.channelTouch = channelTouch
    }
}

/// Revenue on one UTC day (days since 1970-01-01).
public struct DayRevenue: Sendable, Equatable {
    public var day: Int
    public var revenue: Double

    public init(day: Int, revenue: Double) {
        self.day = day
        self.revenue = revenue
    }
}

/// What happened on one UTC day (days since 1970-01-01): every stored call counted in `events`;
/// `Order Completed` in `orders`; `revenue` the sum of `Order.revenue` and `Refund.revenue`
/// (a refund lowers it, whatever the sign it was sent with); `Signed Up` track calls in `signUps`.
public struct DayActivity: Sendable, Equatable {
    public var day: Int
    public var events: Int
    public var orders: Int
    public var revenue: Double
    public var signUps: Int

    public init(day: Int, events: Int, orders: Int = 0, revenue: Double = 0, signUps: Int = 0) {
        self.day = day
        self.events = events
        self.orders = orders
        self.revenue = revenue
        self.signUps = signUps
    }

    /// The same figures folded from events in memory (what the store's query must equal).
    public static func fold(_ events: [Event]) -> [DayActivity] {
        var days: [Int: DayActivity] = [:]
        for event in events {
            let day = CommerceFact.day(of: event.timestamp)
            var a = days[day] ?? DayActivity(day: day, events: 0)
            a.events += 1
            if let order = Order(event) {
                a.orders += 1
                a.revenue += order.revenue
            } else if let refund = Refund(event) {
                a.revenue += refund.revenue
            } else if event.type == .track && event.event == CommerceEvent.signedUp {
                a.signUps += 1
            }
            days[day] = a
        }
        return days.values.sorted { $0.day < $1.day }
    }
}

/// One channel's ad spend on one UTC day (days since 1970-01-01).
public struct DaySpend: Sendable, Equatable {
    public var day: Int
    public var channel: String
    public var amount: Double

    public init(day: Int, channel: String, amount: Double) {
        self.day = day
        self.channel = channel
        self.amount = amount
    }
}
