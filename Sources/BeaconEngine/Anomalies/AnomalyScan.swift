import BeaconAnalytics
import BeaconCore
import BeaconStore
import Foundation

/// A workspace's daily series (revenue, orders, events, sign-ups, and spend per channel) scanned
/// for unusual days with `SeriesAnomalies` (robust STL with a weekly period, then generalized ESD).
///
/// Days are UTC calendar days from the workspace's first event (a channel's spend from its first
/// `Ad Spend` day) to `asOf`, days without activity counting 0, at most the last `maxDays`: a
/// weekly season and its trend need weeks, not decades, and one event stamped in year 1 must not
/// turn a scan into millions of days. Revenue is what orders add and
/// refunds take away (`CommerceEvent.revenue`: `Order Completed` and `Order Refunded`), orders
/// count `Order Completed`, sign-ups `Signed Up`. A series with fewer than two weeks of days is
/// not scanned. A workspace is scanned from the store's daily sums
/// (`WorkspaceAnalytics.anomalies(of:asOf:)`), a list of events by folding them the same way.
public struct AnomalyScan: Sendable {
    /// One scanned series and its unusual days.
    public struct Series: Sendable {
        public var name: String
        /// Day number (days since 1970-01-01) of `values[0]`.
        public var firstDay: Int
        public var values: [Double]
        public var flags: [SeriesAnomalies.Flag]

        /// The `YYYY-MM-DD` of a flag or value index.
        public func day(_ index: Int) -> String { CivilCalendar.dayLabel(firstDay + index) }
    }

    public var series: [Series]

    /// The longest window scanned (three years of days up to `asOf`).
    public static let maxDays = 3 * 366

    /// Scans the events up to `asOf` (default: the last event), folded into days in memory as
    /// the store's `activityByDay` and `spendByDay` fold them.
    public init(events: [Event], asOf: Date? = nil) {
        let kept = events.filter { asOf == nil || $0.timestamp <= asOf! }
        guard let first = kept.map(\.timestamp).min() else {
            self.init(activity: [], spend: [], firstEventDay: 0, lastDay: -1)
            return
        }
        let lastDay = Self.day(asOf ?? kept.map(\.timestamp).max()!)
        var spend: [DaySpend] = []
        for event in kept {
            if let s = Spend(event) { spend.append(DaySpend(day: Self.day(s.day), channel: s.channel, amount: s.amount)) }
        }
        self.init(activity: DayActivity.fold(kept), spend: spend, firstEventDay: Self.day(first), lastDay: lastDay)
    }

    /// Scans daily figures (`AnalyticsQueries.activityByDay`, `spendByDay`) from the day of the
    /// workspace's first event (`firstEventDay`, which may lie before the figures given) to
    /// `lastDay`, the last `maxDays` of it. Days outside that window are ignored.
    public init(activity: [DayActivity], spend: [DaySpend], firstEventDay: Int, lastDay: Int) {
        let firstDay = max(firstEventDay, lastDay - Self.maxDays + 1)
        guard firstDay <= lastDay else {
            series = []
            return
        }
        let count = lastDay - firstDay + 1
        var revenue = [Double](repeating: 0, count: count), orders = revenue, all = revenue, signUps = revenue
        for a in activity where a.day >= firstDay && a.day <= lastDay {
            let d = a.day - firstDay
            all[d] += Double(a.events)
            orders[d] += Double(a.orders)
            revenue[d] += a.revenue
            signUps[d] += Double(a.signUps)
        }
        var byChannel: [String: [Int: Double]] = [:]
        for s in spend where s.day >= firstDay && s.day <= lastDay {
            byChannel[s.channel, default: [:]][s.day, default: 0] += s.amount
        }
        var out = [
            Self.scan("revenue", firstDay, revenue), Self.scan("orders", firstDay, orders),
            Self.scan("events", firstDay, all), Self.scan("sign-ups", firstDay, signUps),
        ]
        for (channel, days) in byChannel.sorted(by: { $0.key < $1.key }) {
            let start = days.keys.min()!
            let values = (start...lastDay).map { days[$0] ?? 0 }
            out.append(Self.scan("spend: \(channel)", start, values))
        }
        series = out.filter { $0.values.contains { $0 != 0 } }
    }

    /// The first moment a scan as of `lastDay` reads: the start of its last `maxDays` days.
    public static func windowStart(lastDay: Int) -> Date {
        Date(timeIntervalSince1970: Double(lastDay - maxDays + 1) * 86_400)
    }

    static func scan(_ name: String, _ firstDay: Int, _ values: [Double]) -> Series {
        Series(name: name, firstDay: firstDay, values: values, flags: SeriesAnomalies.detect(values, period: 7))
    }

    /// The UTC day number of `date`, as the store's daily sums count it (`CommerceFact.day(of:)`).
    static func day(_ date: Date) -> Int { CommerceFact.day(of: date) }
}
