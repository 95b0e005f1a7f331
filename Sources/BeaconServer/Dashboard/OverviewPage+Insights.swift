import BeaconEngine
import Foundation

extension OverviewPage {
    /// Quick-insight sentences (seed 001): the leading channel, the revenue trend, churn risk,
    /// and from the marketing-mix model the best performer and channels past the point of
    /// diminishing returns (marginal ROAS below 1 at current spend), for a period of `days` days.
    static func insights(
        orders: [WorkspaceSnapshot.Order], currentStart: Date, asOf: Date, revNow: Double, revBefore: Double,
        atRisk: Int, rfmCount: Int, mmm: MMMFitCache.State, currency: DashboardCurrency, days: Int = Int(periodDays)
    ) -> [String] {
        var out: [String] = []
        var byChannel: [String: Double] = [:]
        for o in orders where o.time > currentStart && o.time <= asOf { byChannel[o.channel, default: 0] += o.revenue }
        if let top = byChannel.max(by: { $0.value == $1.value ? $0.key > $1.key : $0.value < $1.value }), revNow > 0 {
            out.append(
                "\(top.key) brings the most revenue: \(DashboardFormat.percent(top.value / revNow, digits: 0)) of the last \(days) days (last touch)."
            )
        }
        if revBefore > 0 {
            let rel = (revNow - revBefore) / revBefore
            out.append(
                "Revenue is \(rel >= 0 ? "up" : "down") \(DashboardFormat.percent(abs(rel), digits: 0)) on the previous \(days) days (\(currency.format(revNow)) against \(currency.format(revBefore)))."
            )
        }
        if rfmCount > 0, atRisk > 0 {
            out.append(
                "\(DashboardFormat.count(atRisk)) customers (\(DashboardFormat.percent(Double(atRisk) / Double(rfmCount), digits: 0))) are at risk of churning: see Personas for the win-back actions."
            )
        }
        switch mmm {
        case .ready(let result):
            let channels = result.channels
            if let best = channels.max(by: { $0.roas < $1.roas }) {
                out.append("\(best.name) is the best performer (\(DashboardFormat.ratio(best.roas)) ROAS).")
            }
            for c in channels where c.marginalROAS < 1 {
                out.append(
                    "\(c.name) is hitting diminishing returns: an extra \(currency.symbol)1 returns \(currency.cents(c.marginalROAS)) at the current \(currency.format(c.currentSpend))/day."
                )
            }
        case .fitting(let started):
            out.append(
                "The marketing-mix model is fitting (\(Int(Date().timeIntervalSince(started))) s so far); spend insights appear here when it is done."
            )
        case .failed(let message):
            out.append("The marketing-mix model could not be fitted: \(message)")
        }
        return out
    }
}
