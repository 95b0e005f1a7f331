import BeaconAnalytics
import BeaconCore
import Foundation

/// A workspace's ad spend and revenue per day, summed over channels: what the overview's
/// spend, revenue and blended-ROAS cards compare, read from the same table the
/// marketing-mix model fits.
public struct DailySpendTotals: Sendable, Equatable {
    /// Spend per day over every paid channel, oldest first.
    public let spend: [Double]
    /// Revenue per day (the model's target), aligned with `spend`.
    public let revenue: [Double]

    public init(spend: [Double], revenue: [Double]) {
        precondition(spend.count == revenue.count, "spend and revenue cover the same days")
        self.spend = spend
        self.revenue = revenue
    }

    /// The day totals of a marketing-mix table.
    public init(_ data: MMMDataset) {
        self.init(
            spend: (0..<data.count).map { t in data.channels.reduce(0) { $0 + $1.values[t] } },
            revenue: data.target)
    }

    /// The number of days covered.
    public var count: Int { spend.count }
}

extension MMMFitCache {
    /// The day totals of the table `dataset(_:analytics:)` picks for a workspace, with its source.
    public static func dailyTotals(_ workspaceId: String, analytics: WorkspaceAnalytics) async throws
        -> (DailySpendTotals, Source)
    {
        let (data, source, _) = try await dataset(workspaceId, analytics: analytics)
        return (DailySpendTotals(data), source)
    }

    /// The day totals of the table `dataset(events:)` picks for these events, with its source.
    public static func dailyTotals(events: [Event]) -> (DailySpendTotals, Source) {
        let (data, source) = dataset(events: events)
        return (DailySpendTotals(data), source)
    }
}
