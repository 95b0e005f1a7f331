/// Per-segment totals of an RFM analysis: how many customers, their share of customers and
/// of revenue, and their mean recency, frequency and monetary value.
public struct RFMSegmentSummary: Sendable, Equatable {
    public var segment: RFMSegment
    public var customers: Int
    /// Share of all scored customers (0…1).
    public var customerShare: Double
    /// The segment's net revenue over all customers' net revenue (0…1 when every customer's
    /// spend is positive; NaN when the total is zero).
    public var revenueShare: Double
    public var revenue: Double
    public var meanRecency: Double
    public var meanFrequency: Double
    public var meanMonetary: Double

    /// One summary per segment that has customers, in `RFMSegment.allCases` order.
    public static func summarize(_ analysis: RFMAnalysis) -> [RFMSegmentSummary] {
        let all = analysis.customers
        let totalRevenue = all.reduce(0.0) { $0 + $1.monetary }
        return RFMSegment.allCases.compactMap { segment in
            let members = all.filter { $0.segment == segment }
            guard !members.isEmpty else { return nil }
            let n = Double(members.count)
            let revenue = members.reduce(0.0) { $0 + $1.monetary }
            return RFMSegmentSummary(
                segment: segment, customers: members.count, customerShare: n / Double(all.count),
                revenueShare: totalRevenue == 0 ? .nan : revenue / totalRevenue, revenue: revenue,
                meanRecency: members.reduce(0.0) { $0 + Double($1.recency) } / n,
                meanFrequency: members.reduce(0.0) { $0 + Double($1.frequency) } / n,
                meanMonetary: revenue / n)
        }
    }
}
