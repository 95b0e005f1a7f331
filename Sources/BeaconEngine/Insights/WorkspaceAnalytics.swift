import BeaconAnalytics
import BeaconCore
import BeaconStore
import Foundation

/// A workspace's analytics read through the analytics query port, in the engine's terms: the
/// dashboard, the marketing-mix cache and the command line ask here, and never load the event
/// log (the port's answers are orders, visits and day totals, computed by the store).
public struct WorkspaceAnalytics: Sendable {
    /// The port, for callers that need its raw answers (the command line, tests).
    public let queries: any AnalyticsQueries

    public init(queries: any AnalyticsQueries) {
        self.queries = queries
    }

    /// The first and last event time and the number of events.
    public func span(of workspaceId: String) async throws -> (first: Date?, last: Date?, events: Int) {
        let s = try await queries.span(in: workspaceId)
        return (s.first, s.last, s.events)
    }

    /// Every order and refund in time order with its last-touch channel (`ChannelOrder`).
    public func channelOrders(of workspaceId: String, from: Date? = nil, to: Date? = nil) async throws
        -> [ChannelOrder]
    {
        try await queries.orders(in: workspaceId, from: from, to: to).map(ChannelOrder.init)
    }

    /// The attribution input: every visit in `[from, to)` with refunds linked to their orders.
    public func touches(of workspaceId: String, from: Date? = nil, to: Date? = nil) async throws -> LiveTouches {
        LiveAttribution.touches(facts: try await queries.touches(in: workspaceId, from: from, to: to))
    }

    /// The marketing-mix table of the workspace's own spend and order revenue.
    /// - Throws: `MarketingDataError` when it has no spend.
    public func marketingData(of workspaceId: String, stepDays: Int = 1) async throws -> MMMDataset {
        try await EventLogMarketingData.dataset(analytics: queries, workspaceId: workspaceId, stepDays: stepDays)
    }

    /// The data checks (`DataChecks`) of the period after `from` up to `asOf`, on `scan` (the
    /// workspace's anomaly scan as of `asOf`) and, when given, the attribution comparison.
    public func dataChecks(
        of workspaceId: String, scan: AnomalyScan, from: Date, asOf: Date, attribution: AttributionComparison? = nil
    ) async throws -> DataChecks {
        let orders = try await queries.orders(in: workspaceId, from: from, to: asOf.addingTimeInterval(0.001))
        let first = CommerceFact.day(of: from.addingTimeInterval(0.001)), last = CommerceFact.day(of: asOf)
        return DataChecks(scan: scan, days: first...max(first, last), attribution: attribution, orders: orders)
    }

    /// The workspace's daily series scanned for unusual days (`AnomalyScan`) as of `asOf`
    /// (default: its last event), from the store's daily sums of the days scanned; the
    /// decomposition runs on `ComputeExecutor.shared`.
    public func anomalies(of workspaceId: String, asOf: Date? = nil) async throws -> AnomalyScan {
        let span = try await queries.span(in: workspaceId)
        guard let first = span.first, let last = asOf ?? span.last, first <= last else {
            return AnomalyScan(activity: [], spend: [], firstEventDay: 0, lastDay: -1)
        }
        let lastDay = AnomalyScan.day(last), firstEventDay = AnomalyScan.day(first)
        // As of a moment: the events after it on its day do not count.
        let from = AnomalyScan.windowStart(lastDay: lastDay), to = last.addingTimeInterval(0.001)
        let activity = try await queries.activityByDay(in: workspaceId, from: from, to: to)
        let spend = try await queries.spendByDay(in: workspaceId, from: from, to: to)
        return await ComputeExecutor.shared.run {
            AnomalyScan(activity: activity, spend: spend, firstEventDay: firstEventDay, lastDay: lastDay)
        }
    }
}
