import BeaconCore
import BeaconEngine
import Foundation

extension OverviewPage {
    /// The unusual days of `days` in every series of `scan` (`beacon anomalies`' flags), newest
    /// first, as the overview's Anomalies table; nil when there are none. Revenue and spend are
    /// amounts, the other series counts, as the unit column says.
    static func anomalyTable(_ scan: AnomalyScan, days: ClosedRange<Int>, currency: DashboardCurrency) -> DashboardTable? {
        var found: [(day: Int, series: String, cells: [DashboardTable.Cell])] = []
        for s in scan.series {
            let money = s.name == "revenue" || s.name.hasPrefix("spend: ")
            let cell = { (v: Double) in money ? DashboardTable.Cell.money(v) : .number(v, digits: 0) }
            for f in s.flags where days.contains(s.firstDay + f.index) {
                let day = s.firstDay + f.index
                found.append(
                    (
                        day, s.name,
                        [
                            .date(Date(timeIntervalSince1970: Double(day) * 86_400)), .text(s.name), cell(f.value),
                            cell(f.expected), cell(f.lower), cell(f.upper), .text(money ? currency.code : "count"),
                        ]
                    ))
            }
        }
        guard !found.isEmpty else { return nil }
        found.sort { $0.day == $1.day ? $0.series < $1.series : $0.day > $1.day }
        return DashboardTable(
            id: "anomalies", title: "Unusual days in the period (robust STL and generalized ESD, as beacon anomalies)",
            columns: [
                .init("day", .date), .init("series"), .init("value", .mixed), .init("expected", .mixed),
                .init("ordinary from", .mixed), .init("ordinary to", .mixed), .init("unit"),
            ],
            rows: found.map(\.cells), currency: currency)
    }
}

extension DataChecks.Finding {
    /// What the check found, in one or two sentences with its amounts in `currency`.
    func sentence(currency: DashboardCurrency) -> String {
        let money = DashboardFormat.money(amount, symbol: currency.symbol)
        let shown = examples.joined(separator: ", ") + (count > examples.count ? ", …" : "")
        switch check {
        case .spendWithoutRevenue:
            return
                "Spend without revenue: \(DashboardFormat.count(count)) \(count == 1 ? "day" : "days") of the period had ad spend (\(money)) but no revenue (\(shown)). Check that orders are still being tracked."
        case .creditsVersusConversions:
            return
                "Attribution credits against conversions: \(DashboardFormat.count(count)) \(count == 1 ? "model credits" : "models credit") a total other than the conversions' value, by up to \(money) (\(shown))."
        case .ordersWithoutIdentity:
            return
                "Orders without a known customer: \(DashboardFormat.count(count)) \(count == 1 ? "order" : "orders") (\(money)) came with no userId and an anonymousId never linked to one (\(shown)). Identify people at sign-in or checkout so their orders join a profile."
        }
    }
}

extension DataChecks {
    /// The checks that passed, as one sentence ("" when none did).
    var passedSentence: String {
        passed.isEmpty ? "" : "Passed: " + passed.map { $0.title.lowercased() }.joined(separator: "; ") + "."
    }
}
