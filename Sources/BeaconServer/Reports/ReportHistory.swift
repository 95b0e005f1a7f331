import BeaconCore
import BeaconEngine
import Foundation

/// The executive report's history: the workspace's last months (at most `monthCount`) to the
/// month of the period's last day, month by month and channel by channel, and its acquisition
/// cohorts, so a reader sees the period against the year behind it.
///
/// A month's figures follow the overview's definitions (`OverviewPage.customerFigures`):
/// revenue is what orders add and refunds take away, an order is one with positive revenue,
/// a customer is new in the month of their first order, and a buyer is a customer with an order
/// in the month. Months are UTC calendar months; orders after the period's end are left out.
/// Revenue by channel is by each order's last-touch channel, as the report's "Revenue by
/// channel". The cohorts are the Cohorts page's (`WorkspaceCohorts`), the last `monthCount`.
public struct ReportHistory: Sendable, Equatable {
    /// One calendar month.
    public struct Month: Sendable, Equatable {
        /// `YYYY-MM`.
        public var month: String
        public var revenue: Double
        public var orders: Int
        /// Customers with an order in the month.
        public var buyers: Int
        /// Customers whose first order fell in the month.
        public var newCustomers: Int
        /// Revenue of the same month a year before, when the orders reach back that far.
        public var yearBefore: Double?
        /// Revenue per channel in `ReportHistory.channels` order, then the other channels summed
        /// (a last entry only when `hasOther`).
        public var byChannel: [Double]

        /// Revenue per order, nil without orders.
        public var averageOrder: Double? { orders > 0 ? revenue / Double(orders) : nil }
    }

    /// Oldest first.
    public var months: [Month]
    /// The channels with a column of their own: the largest by revenue over the months shown.
    public var channels: [String]
    /// Whether more channels had revenue; they are summed in a last "Other" column.
    public var hasOther: Bool
    /// Acquisition cohorts, oldest first.
    public var cohorts: [WorkspaceCohorts.Cohort]

    /// Two years of months.
    public static let monthCount = 24
    /// Channels shown in their own column (as many as the overview's weekly channel chart).
    public static let channelColumns = ChannelRanking.shownCount
    /// Months after acquisition shown for a cohort's repeat purchases (1 to this).
    public static let cohortMonths = 11

    /// The history of `orders` (the snapshot's, refunds at negative revenue) to the month of `end`.
    public init(orders: [ChannelOrder], through end: Date, cohorts: WorkspaceCohorts?) {
        func monthIndex(_ date: Date) -> Int {
            let (y, m, _) = CivilCalendar.civil(dayNumber: CommerceFact.day(of: date))
            return y * 12 + m - 1
        }
        let kept = orders.filter { $0.time <= end }
        let last = monthIndex(end)
        guard let earliest = kept.map({ monthIndex($0.time) }).min() else {
            self.init(months: [], channels: [], hasOther: false, cohorts: [])
            return
        }
        let first = max(earliest, last - Self.monthCount + 1)
        var revenue: [Int: Double] = [:], orderCount: [Int: Int] = [:], buyers: [Int: Set<String>] = [:]
        var firstOrder: [String: Int] = [:]
        var channelRevenue: [String: [Int: Double]] = [:]
        for o in kept {
            let i = monthIndex(o.time)
            revenue[i, default: 0] += o.revenue
            if o.revenue > 0 {
                orderCount[i, default: 0] += 1
                buyers[i, default: []].insert(o.customer)
                firstOrder[o.customer] = min(firstOrder[o.customer] ?? i, i)
            }
            if i >= first { channelRevenue[o.channel, default: [:]][i, default: 0] += o.revenue }
        }
        var newCustomers: [Int: Int] = [:]
        for i in firstOrder.values { newCustomers[i, default: 0] += 1 }
        let (shown, others) = ChannelRanking.split(
            channelRevenue.mapValues { $0.values.reduce(0, +) }, shown: Self.channelColumns)
        var months: [Month] = []
        for i in first...last {
            var byChannel: [Double] = shown.map { channelRevenue[$0]?[i] ?? 0 }
            if !others.isEmpty {
                var rest = 0.0
                for name in others { rest += channelRevenue[name]?[i] ?? 0 }
                byChannel.append(rest)
            }
            let label = CivilCalendar.monthLabel(CivilCalendar.dayNumber(year: i / 12, month: i % 12 + 1, day: 1))
            let yearBefore: Double? = i - 12 >= earliest ? (revenue[i - 12] ?? 0) : nil
            months.append(
                Month(
                    month: label, revenue: revenue[i] ?? 0, orders: orderCount[i] ?? 0, buyers: buyers[i]?.count ?? 0,
                    newCustomers: newCustomers[i] ?? 0, yearBefore: yearBefore, byChannel: byChannel))
        }
        let lastLabel = months.last?.month ?? ""
        self.init(
            months: months, channels: shown, hasOther: !others.isEmpty,
            cohorts: Array((cohorts?.cohorts ?? []).filter { $0.month <= lastLabel }.suffix(Self.monthCount)))
    }

    init(months: [Month], channels: [String], hasOther: Bool, cohorts: [WorkspaceCohorts.Cohort]) {
        self.months = months
        self.channels = channels
        self.hasOther = hasOther
        self.cohorts = cohorts
    }
}
