import BeaconAnalytics
import BeaconCore
import BeaconStore
import Foundation

/// Marketing-mix data from the event log: ad spend per channel and revenue per day (or
/// week), the wide table `MarketingMixModel` fits.
///
/// Spend arrives as `Ad Spend` track events (one per channel and day, from
/// `beacon import spend` or an ad platform's webhook), read as `Spend`; revenue is the sum of
/// `CommerceEvent.revenue(of:)` over the conversion events (default `Order Completed` and
/// `Order Refunded`): an `Order`'s amount, less each `Refund` whatever sign it was sent with.
/// The calendar runs from the first to the last day with spend, UTC; days without a row
/// for a channel have zero spend. Weekly data sums seven-day blocks from the first day.
public enum EventLogMarketingData {
    /// The event name of ad-spend records.
    public static let spendEvent = CommerceEvent.adSpend

    /// The `Ad Spend` event for one channel and day (`Spend.event(receivedAt:)`); its message id
    /// is fixed by (day, channel), so importing the same spend file twice stores it once.
    public static func spendEvent(day: Date, channel: String, spend: Double, currency: String? = nil, receivedAt: Date = Date()) -> Event {
        Spend(channel: channel, day: day, amount: spend, currency: currency).event(receivedAt: receivedAt)
    }

    /// The conversion events whose revenue is the default target: orders less refunds.
    public static let orderEvents: Set<String> = [CommerceEvent.orderCompleted, CommerceEvent.orderRefunded]

    /// The wide table for `events`.
    /// - Parameters:
    ///   - conversionEvents: event names whose revenue is the target.
    ///   - stepDays: 1 for daily rows, 7 for weekly.
    /// - Throws: `MarketingDataError` when there is no spend to model.
    public static func dataset(events: [Event], conversionEvents: Set<String> = orderEvents,
                               stepDays: Int = 1) throws -> MMMDataset {
        var spend: [DaySpend] = []
        var revenue: [DayRevenue] = []
        for (i, e) in events.enumerated() where e.type == .track {
            guard let fact = CommerceFact(e, sequence: Int64(i)) else { continue }
            if fact.kind == .spend, let channel = fact.spendChannel, let amount = fact.amount {
                spend.append(DaySpend(day: fact.day, channel: channel, amount: amount))
            } else if conversionEvents.contains(fact.name), let value = fact.revenue {
                revenue.append(DayRevenue(day: fact.day, revenue: value))
            }
        }
        return try dataset(spend: spend, revenue: revenue, stepDays: stepDays)
    }

    /// The wide table for spend and revenue rows (several rows may share a day and channel;
    /// they add up).
    /// - Throws: `MarketingDataError` when there is no spend to model.
    public static func dataset(spend rows: [DaySpend], revenue days: [DayRevenue], stepDays: Int = 1) throws
        -> MMMDataset
    {
        let day = 86_400.0
        var spend: [String: [Int: Double]] = [:]
        for row in rows { spend[row.channel, default: [:]][row.day, default: 0] += row.amount }
        var revenue: [Int: Double] = [:]
        for row in days { revenue[row.day, default: 0] += row.revenue }
        let spendDays = spend.values.flatMap(\.keys)
        guard let first = spendDays.min(), let last = spendDays.max() else {
            throw MarketingDataError(message: "no '\(spendEvent)' events: import ad spend first (beacon import spend)")
        }
        let periods = (last - first) / stepDays + 1
        func period(_ d: Int) -> Int? { d < first || d > last ? nil : (d - first) / stepDays }
        var target = [Double](repeating: 0, count: periods)
        for (d, value) in revenue { if let p = period(d) { target[p] += value } }
        let channels = spend.keys.sorted().map { name -> MMMDataset.Column in
            var values = [Double](repeating: 0, count: periods)
            for (d, value) in spend[name]! { if let p = period(d) { values[p] += value } }
            return MMMDataset.Column(name: name, values: values)
        }
        let dates = (0..<periods).map { p in
            String(Timestamp.format(Date(timeIntervalSince1970: Double(first + p * stepDays) * day)).prefix(10))
        }
        return MMMDataset(dates: dates, targetName: "revenue", target: target, channels: channels, controls: [], events: [])
    }

    /// The wide table for a workspace's facts in `[from, to)`, summed by day in the store
    /// (`AnalyticsQueries.spendByDay`, `revenueByDay`): no event log is loaded.
    public static func dataset(analytics: any AnalyticsQueries, workspaceId: String, from: Date? = nil, to: Date? = nil,
                               conversionEvents: Set<String> = orderEvents, stepDays: Int = 1) async throws -> MMMDataset {
        let spend = try await analytics.spendByDay(in: workspaceId, from: from, to: to)
        let revenue = try await analytics.revenueByDay(
            in: workspaceId, conversionEvents: conversionEvents, from: from, to: to)
        return try dataset(spend: spend, revenue: revenue, stepDays: stepDays)
    }
}

/// The event log does not hold what a marketing-mix model needs.
public struct MarketingDataError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
