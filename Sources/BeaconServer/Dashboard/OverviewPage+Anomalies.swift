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
    /// What the check found (`sentence(money:count:)`) with the page's number formats.
    func sentence(currency: DashboardCurrency) -> String {
        sentence(money: { currency.format($0) }, count: DashboardFormat.count)
    }
}

