import BeaconCore
import BeaconEngine
import Foundation

extension ExecutiveReport {
    /// One table of the report as CSV.
    public struct CSVTable: Sendable, Equatable {
        /// A file-name-safe name (`channels`, `marketing_mix`).
        public var name: String
        /// The records, header first, each ending in CRLF (RFC 4180 §2).
        public var text: String
    }

    /// The report's tables as CSV for further analysis: the same numbers as the PDF, amounts
    /// unformatted (full precision, no currency symbol) so a spreadsheet can compute with them.
    /// KPI cards keep their displayed text. Text fields that a spreadsheet would run as a
    /// formula are protected (`CSVRecord`).
    public var csvTables: [CSVTable] {
        func table(_ name: String, _ header: [String], _ rows: [[String]]) -> CSVTable {
            CSVTable(
                name: name,
                text: ([header] + rows).map { CSVRecord.line($0, protectingFormulas: true) + "\r\n" }.joined())
        }
        func number(_ x: Double) -> String { x.isFinite ? String(x) : "" }
        var out = [
            table(
                "kpis", ["metric", "value", "change", "note"],
                (kpis + spendKPIs).map { [$0.label, $0.value, $0.change ?? "", $0.note ?? ""] }),
            table(
                "channels", ["channel", "revenue", "previous_revenue"],
                channels.map { [$0.channel, number($0.revenue), number($0.previous)] }),
        ]
        if case .success(let result) = marketingMix {
            out.append(
                table(
                    "marketing_mix",
                    ["channel", "roas", "roas_lower_90", "roas_upper_90", "marginal_roas", "spend_per_day", "diminishing_returns_spend_per_day"],
                    result.channels.map {
                        [
                            $0.name, number($0.roas), number($0.roasLower), number($0.roasUpper), number($0.marginalROAS),
                            number($0.currentSpend), $0.diminishingReturns.map { number($0.spend) } ?? "",
                        ]
                    }))
        }
        if let plan {
            out.append(
                table(
                    "budget_plan",
                    ["channel", "current_spend", "optimized_spend", "current_revenue", "optimized_revenue", "held"],
                    plan.lines.map {
                        [
                            $0.name, number($0.currentSpend), number($0.optimizedSpend), number($0.currentRevenue),
                            number($0.optimizedRevenue), $0.held ? "true" : "false",
                        ]
                    }))
        }
        out.append(
            table("customer_health", ["band", "customers", "share"], health.map { [$0.name, String($0.customers), number($0.share)] }))
        out.append(
            table("segments", ["segment", "customers", "share"], segments.map { [$0.name, String($0.customers), number($0.share)] }))
        if case .success(let r) = attribution {
            out.append(
                table(
                    "attribution", ["channel"] + r.credits.map(\.label),
                    r.channels.enumerated().map { c, name in [name] + r.credits.map { number($0.values[c]) } }))
        }
        out.append(
            table(
                "anomalies", ["day", "series", "value", "expected"],
                anomalies.map { [$0.day, $0.series, number($0.value), number($0.expected)] }))
        if let history {
            let names = history.channels + (history.hasOther ? ["Other"] : [])
            out.append(
                table(
                    "months",
                    ["month", "revenue", "orders", "buyers", "new_customers", "revenue_year_before"]
                        + names.map { "revenue_" + $0 },
                    history.months.map { m in
                        [
                            m.month, number(m.revenue), String(m.orders), String(m.buyers), String(m.newCustomers),
                            m.yearBefore.map(number) ?? "",
                        ] + m.byChannel.map(number)
                    }))
            let later = 0...ReportHistory.cohortMonths
            out.append(
                table(
                    "cohorts",
                    ["cohort", "customers"] + later.map { "retention_\($0)" }
                        + later.map { "revenue_per_customer_\($0)" },
                    history.cohorts.map { c in
                        [c.month, String(c.customers)]
                            + later.map { $0 < c.retention.count ? number(c.retention[$0]) : "" }
                            + later.map {
                                $0 < c.cumulativeRevenuePerCustomer.count ? number(c.cumulativeRevenuePerCustomer[$0]) : ""
                            }
                    }))
        }
        return out
    }
}
