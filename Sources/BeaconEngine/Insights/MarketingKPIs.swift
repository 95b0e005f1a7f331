import BeaconCore
import BeaconStore
import Foundation

/// The marketing KPIs of one period ending at an as-of date: customer acquisition cost,
/// lifetime value against it, lead conversion rate and churn rate, each defined once here and
/// shown with its definition on the overview.
///
/// The period is (`end` − `days`, `end`] (30 days on the overview, as its other cards).
/// - **New customers**: people whose first purchase (an `Order Completed` with positive
///   revenue) falls in the period.
/// - **Spend**: ad spend (`Ad Spend` events, `Spend`) on the UTC days in the period.
/// - **CAC** = spend ÷ new customers; nil without spend data or without new customers.
/// - **LTV**: net revenue per customer in their first `ltvMonths` months (12, or fewer when no
///   cohort is that old yet: as many whole months as the oldest cohort has), averaged over every
///   customer of the cohorts (`WorkspaceCohorts`, as of `end`) that have had that many whole
///   months. **LTV:CAC** = LTV ÷ CAC.
/// - **Conversion rate** = converted ÷ leads. A *lead* is a person with a lead event (`Signed Up`
///   or `Lead Created`, attribution's lead events) in the period; they *converted* when they
///   placed an order with positive revenue at or after their first lead event of the period,
///   by `end`. Nil without leads.
/// - **Churn rate** (monthly) = churned ÷ active at the start. A customer is *active* at an
///   instant with a purchase in the `activeDays` (90) before it, as the overview's Active
///   customers card counts; *churned* are the customers active at the period's start who are
///   not active at its end (no purchase in the 90 days before `end`). Nil when no one was active.
public struct MarketingKPIs: Sendable, Equatable {
    public var start: Date
    public var end: Date
    /// Nil when the workspace has no spend data at all.
    public var spend: Double?
    public var newCustomers: Int
    public var cac: Double?
    public var ltv: Double?
    /// The months the LTV covers.
    public var ltvMonths: Int?
    public var ltvToCac: Double?
    public var leads: Int
    public var converted: Int
    public var conversionRate: Double?
    public var activeAtStart: Int
    public var churned: Int
    public var churnRate: Double?

    /// Attribution's lead events: what makes a person a lead.
    public static let leadEvents: Set<String> = [CommerceEvent.signedUp, "Lead Created"]
    /// The longest LTV horizon, in months.
    public static let ltvHorizon = 12

    /// The KPIs of (`end` − `days`, `end`].
    /// - Parameters:
    ///   - orders: the workspace's orders and refunds (refunds are ignored: only purchases count).
    ///   - spend: daily ad spend; nil when the workspace has none at all.
    ///   - facts: visits and track facts with their stitched person, covering the period.
    ///   - cohorts: the acquisition cohorts as of `end`.
    public init(
        end: Date, days: Double = 30, activeDays: Double = 90, orders: [ChannelOrder], spend: [DaySpend]?,
        facts: [CommerceFact], cohorts: WorkspaceCohorts?
    ) {
        let day = 86_400.0
        let start = end.addingTimeInterval(-days * day)
        let inPeriod = { (t: Date) in t > start && t <= end }
        var first: [String: Date] = [:]
        var purchases: [String: [Date]] = [:]
        for o in orders where o.revenue > 0 && o.time <= end {
            first[o.customer] = min(first[o.customer] ?? o.time, o.time)
            purchases[o.customer, default: []].append(o.time)
        }
        let newCustomers = first.values.filter(inPeriod).count
        let from = CommerceFact.day(of: start), to = CommerceFact.day(of: end)
        let spent = spend.map { rows in rows.filter { $0.day > from && $0.day <= to }.reduce(0) { $0 + $1.amount } }
        let cac = spent.flatMap { s in newCustomers > 0 ? s / Double(newCustomers) : nil }
        let (ltv, ltvMonths) = Self.ltv(cohorts)
        // Leads and conversions from the facts of the period.
        var leadAt: [String: Date] = [:]
        for f in facts where f.kind == .touch && Self.leadEvents.contains(f.name) && inPeriod(f.time) {
            guard let person = f.person ?? f.userId ?? f.anonymousId else { continue }
            leadAt[person] = min(leadAt[person] ?? f.time, f.time)
        }
        var converted: Set<String> = []
        for f in facts where f.kind == .order && (f.revenue ?? 0) > 0 && f.time <= end {
            guard let person = f.person ?? f.userId ?? f.anonymousId, let lead = leadAt[person], f.time >= lead else {
                continue
            }
            converted.insert(person)
        }
        // Churn: active at the start, not active at the end.
        let window = activeDays * day
        func active(_ times: [Date], at t: Date) -> Bool {
            times.contains { $0 <= t && $0 > t.addingTimeInterval(-window) }
        }
        let wereActive = purchases.values.filter { active($0, at: start) }
        let churned = wereActive.filter { !active($0, at: end) }.count

        self.start = start
        self.end = end
        self.spend = spent
        self.newCustomers = newCustomers
        self.cac = cac
        self.ltv = ltv
        self.ltvMonths = ltvMonths
        ltvToCac = ltv.flatMap { l in cac.flatMap { $0 > 0 ? l / $0 : nil } }
        leads = leadAt.count
        self.converted = converted.count
        conversionRate = leadAt.isEmpty ? nil : Double(converted.count) / Double(leadAt.count)
        activeAtStart = wereActive.count
        self.churned = churned
        churnRate = wereActive.isEmpty ? nil : Double(churned) / Double(wereActive.count)
    }

    /// Revenue per customer over the first H months of the cohorts with H whole months behind
    /// them (H = `ltvHorizon`, or the oldest cohort's whole months when fewer); nil when no
    /// cohort has a whole month yet.
    static func ltv(_ cohorts: WorkspaceCohorts?) -> (Double?, Int?) {
        guard let cohorts else { return (nil, nil) }
        // A row's last month is the current, partial one.
        let whole = (cohorts.cohorts.map(\.revenue.count).max() ?? 0) - 1
        let h = min(ltvHorizon, whole)
        guard h >= 1 else { return (nil, nil) }
        let old = cohorts.cohorts.filter { $0.revenue.count - 1 >= h }
        let customers = old.reduce(0) { $0 + $1.customers }
        guard customers > 0 else { return (nil, nil) }
        let revenue = old.reduce(0.0) { $0 + $1.revenue.prefix(h).reduce(0, +) }
        return (revenue / Double(customers), h)
    }

    /// The KPIs of the period ending at `asOf` and of the one before, from the analytics port
    /// (`orders` are the workspace's, as the dashboard's snapshot holds them).
    public static func compare(
        analytics: WorkspaceAnalytics, workspaceId: String, orders: [ChannelOrder], asOf: Date, days: Double = 30
    ) async throws -> (current: MarketingKPIs, previous: MarketingKPIs) {
        let previousEnd = asOf.addingTimeInterval(-days * 86_400)
        let from = previousEnd.addingTimeInterval(-days * 86_400)
        let spendRows = try await analytics.queries.spendByDay(in: workspaceId, from: nil, to: nil)
        let spend: [DaySpend]? = spendRows.isEmpty ? nil : spendRows
        let facts = try await analytics.queries.touches(in: workspaceId, from: from, to: asOf.addingTimeInterval(0.001))
        let now = try await WorkspaceCohorts.of(analytics: analytics, workspaceId: workspaceId, asOf: asOf)
        let before = try await WorkspaceCohorts.of(analytics: analytics, workspaceId: workspaceId, asOf: previousEnd)
        return (
            MarketingKPIs(end: asOf, days: days, orders: orders, spend: spend, facts: facts, cohorts: now),
            MarketingKPIs(end: previousEnd, days: days, orders: orders, spend: spend, facts: facts, cohorts: before)
        )
    }
}
