import BeaconEngine
import Foundation

extension OverviewPage {
    /// The marketing KPI cards (CAC, LTV:CAC, conversion rate, monthly churn rate) of the period
    /// ending at the page's date, each against the period before (`MarketingKPIs`).
    static func marketingCards(
        _ now: MarketingKPIs, _ before: MarketingKPIs, label: String, currency: DashboardCurrency
    ) -> [KPICard] {
        let money = { (v: Double?) in v.map { currency.format($0) } ?? "–" }
        func cell(_ v: Double?, _ make: (Double) -> DashboardTable.Cell) -> DashboardTable.Cell { v.map(make) ?? .empty }
        let ratio = { (v: Double) in DashboardTable.Cell.number(v, digits: 2, suffix: "×") }
        let share = { (v: Double) in DashboardTable.Cell.share(v, digits: 1) }
        let ltvNote =
            now.ltvMonths.map { m in
                "LTV \(money(now.ltv)): net revenue per customer in their first \(m) month\(m == 1 ? "" : "s")"
            } ?? "no cohort has a whole month yet"
        return [
            KPICard(
                label: "CAC", figure: cell(now.cac, { .money($0) }), previous: cell(before.cac, { .money($0) }),
                currency: currency, period: label,
                note: now.spend == nil
                    ? "no ad spend recorded"
                    : "\(money(now.spend)) spend ÷ \(DashboardFormat.count(now.newCustomers)) new customers"),
            KPICard(
                label: "LTV:CAC", figure: cell(now.ltvToCac, ratio), previous: cell(before.ltvToCac, ratio),
                currency: currency, period: label, note: ltvNote),
            KPICard(
                label: "Conversion rate", figure: cell(now.conversionRate, share),
                previous: cell(before.conversionRate, share), currency: currency, period: label,
                note: now.leads > 0
                    ? "\(DashboardFormat.count(now.converted)) of \(DashboardFormat.count(now.leads)) leads ordered"
                    : "no Signed Up or Lead Created events in the period"),
            KPICard(
                label: "Monthly churn rate", figure: cell(now.churnRate, share),
                previous: cell(before.churnRate, share), currency: currency, period: label,
                note:
                    "\(DashboardFormat.count(now.churned)) of \(DashboardFormat.count(now.activeAtStart)) active customers lapsed"
            ),
        ]
    }

    /// How each marketing KPI is computed, shown under the cards.
    static let marketingDefinitions = [
        "CAC (customer acquisition cost) = ad spend in the period ÷ new customers (people whose first order with positive revenue falls in it).",
        "LTV:CAC = LTV ÷ CAC, LTV being the net revenue (refunds subtracted) per customer in their first 12 months, over the monthly cohorts that have had 12 whole months (fewer months while no cohort is that old; the card says how many).",
        "Conversion rate = converted ÷ leads: a lead is a person with a Signed Up or Lead Created event in the period; they converted when they placed an order with positive revenue after their first such event, by the page's date.",
        "Monthly churn rate = customers active at the period's start (an order in the 90 days before it) with no order in the 90 days before its end ÷ customers active at its start.",
    ]
}
