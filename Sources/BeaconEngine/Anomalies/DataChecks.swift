import BeaconCore
import BeaconStore
import Foundation

/// The seeds' data checks on one period of a workspace ("check for spend without revenue",
/// "attribution credits that do not sum to conversions", "events with no identity"): each check
/// passes or reports what it found with the numbers a person needs to look further.
///
/// - Spend without revenue: days of the period with ad spend (the `spend: …` series of an
///   `AnomalyScan`) and no revenue (its `revenue` series: orders less refunds). Usually broken
///   order tracking, or a campaign running while the shop is down.
/// - Credits against conversions: every attribution model shares out the same conversion value
///   (`AttributionComparison.value`); a model whose credits add up to more or less than that by
///   over half a cent or one part in a million has lost or invented revenue.
/// - Orders without identity: orders of the period sent with no `userId` whose `anonymousId` was
///   never linked to one (`CommerceFact.person` is not a user), so they belong to no known customer
///   (no email, no profile to act on, not in CLV or RFM as a person).
///
/// Day numbers are `CommerceFact.day(of:)` (UTC days since 1970-01-01).
public struct DataChecks: Sendable, Equatable {
    /// Which check.
    public enum Check: String, Sendable, Equatable, CaseIterable {
        case spendWithoutRevenue = "spend_without_revenue"
        case creditsVersusConversions = "credits_vs_conversions"
        case ordersWithoutIdentity = "orders_without_identity"

        /// What the check looks for, as a person reads it.
        public var title: String {
            switch self {
            case .spendWithoutRevenue: "Spend without revenue"
            case .creditsVersusConversions: "Attribution credits against conversions"
            case .ordersWithoutIdentity: "Orders without a known customer"
            }
        }
    }

    /// What one check found.
    public struct Finding: Sendable, Equatable {
        public var check: Check
        /// Days, models or orders found.
        public var count: Int
        /// The amount involved: spend on those days, the largest credit gap, the orders' revenue.
        public var amount: Double
        /// A few of them (`YYYY-MM-DD` days, model names with their total, order ids), at most `examplesShown`.
        public var examples: [String]
    }

    /// Checks that found something, in `Check.allCases` order.
    public var findings: [Finding]
    /// Checks that ran and found nothing.
    public var passed: [Check]
    /// Checks without the data to run (no spend, no attribution): neither passed nor found.
    public var notRun: [Check]

    public static let examplesShown = 5

    /// - Parameters:
    ///   - scan: the workspace's anomaly scan as of the period's last day (its daily series).
    ///   - days: the period's days (`CommerceFact.day(of:)`).
    ///   - attribution: the attribution models side by side; nil when not computed.
    ///   - orders: the period's order and refund facts.
    public init(scan: AnomalyScan, days: ClosedRange<Int>, attribution: AttributionComparison?, orders: [OrderFact]) {
        var findings: [Finding] = [], passed: [Check] = [], notRun: [Check] = []
        func record(_ check: Check, _ finding: Finding?) {
            if let finding { findings.append(finding) } else { passed.append(check) }
        }

        func value(_ series: AnomalyScan.Series, _ day: Int) -> Double {
            let i = day - series.firstDay
            return i >= 0 && i < series.values.count ? series.values[i] : 0
        }
        let spendSeries = scan.series.filter { $0.name.hasPrefix("spend: ") }
        if spendSeries.isEmpty {
            notRun.append(.spendWithoutRevenue)
        } else {
            let revenue = scan.series.first { $0.name == "revenue" }
            var found: [String] = [], amount = 0.0
            for day in days {
                let spend = spendSeries.reduce(0) { $0 + value($1, day) }
                guard spend > 0, (revenue.map { value($0, day) } ?? 0) <= 0 else { continue }
                found.append(CivilCalendar.dayLabel(day))
                amount += spend
            }
            record(
                .spendWithoutRevenue,
                found.isEmpty
                    ? nil
                    : Finding(
                        check: .spendWithoutRevenue, count: found.count, amount: amount,
                        examples: Array(found.prefix(Self.examplesShown))))
        }

        if let attribution {
            record(.creditsVersusConversions, Self.creditsFinding(attribution))
        } else {
            notRun.append(.creditsVersusConversions)
        }

        let anonymous = orders.filter { o in
            let f = o.fact
            guard f.kind == .order, days.contains(CommerceFact.day(of: f.time)) else { return false }
            return f.userId == nil && (f.person == nil || f.person == f.anonymousId)
        }
        record(
            .ordersWithoutIdentity,
            anonymous.isEmpty
                ? nil
                : Finding(
                    check: .ordersWithoutIdentity, count: anonymous.count,
                    amount: anonymous.reduce(0) { $0 + ($1.fact.revenue ?? 0) },
                    examples: anonymous.prefix(Self.examplesShown).map { $0.fact.orderId ?? $0.fact.messageId }))

        self.findings = findings
        self.passed = passed
        self.notRun = notRun
    }
}

extension DataChecks {
    /// The credits check on its own (the attribution page runs it over every journey): the
    /// models whose credits add up to other than the conversions' value by over half a cent or
    /// one part in a million, or nil when every model adds up.
    public static func creditsFinding(_ attribution: AttributionComparison) -> Finding? {
        let tolerance = max(0.005, 1e-6 * abs(attribution.value))
        let off = attribution.credits.map { (label: $0.label, total: $0.values.reduce(0, +)) }
            .filter { abs($0.total - attribution.value) > tolerance }
        guard !off.isEmpty else { return nil }
        return Finding(
            check: .creditsVersusConversions, count: off.count,
            amount: off.map { abs($0.total - attribution.value) }.max() ?? 0,
            examples: off.prefix(examplesShown).map { "\($0.label): \(String(format: "%.2f", $0.total))" })
    }
}

extension DataChecks.Finding {
    /// What the check found, in one or two sentences, with amounts written by `money` and
    /// counts by `count` (the dashboard's formats, or plain numbers in an alert).
    public func sentence(money: (Double) -> String, count: (Int) -> String = { String($0) }) -> String {
        let amount = money(self.amount), n = count(self.count)
        let shown = examples.joined(separator: ", ") + (self.count > examples.count ? ", …" : "")
        switch check {
        case .spendWithoutRevenue:
            return
                "Spend without revenue: \(n) \(self.count == 1 ? "day" : "days") of the period had ad spend (\(amount)) but no revenue (\(shown)). Check that orders are still being tracked."
        case .creditsVersusConversions:
            return
                "Attribution credits against conversions: \(n) \(self.count == 1 ? "model credits" : "models credit") a total other than the conversions' value, by up to \(amount) (\(shown))."
        case .ordersWithoutIdentity:
            return
                "Orders without a known customer: \(n) \(self.count == 1 ? "order" : "orders") (\(amount)) came with no userId and an anonymousId never linked to one (\(shown)). Identify people at sign-in or checkout so their orders join a profile."
        }
    }
}

extension DataChecks {
    /// The checks that passed, as one sentence ("" when none did).
    public var passedSentence: String {
        passed.isEmpty ? "" : "Passed: " + passed.map { $0.title.lowercased() }.joined(separator: "; ") + "."
    }
}
