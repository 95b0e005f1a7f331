import BeaconEngine
import Foundation

extension ExecutiveReport {
    /// The report as a PDF file set in `font`: a title page with the summary and KPIs, then
    /// revenue by channel, the marketing mix, customers, attribution and anomalies, then the
    /// history (month by month, by channel, cohorts), with the dashboard's charts drawn as
    /// vector graphics.
    ///
    /// The bytes depend only on the report and the font: the same data give the same file.
    public func pdf(font: TrueTypeFont) -> [UInt8] {
        var flow = PDFPageFlow(font: font, footer: "Beacon executive report · \(workspace) · \(period.firstDay) to \(period.lastDay)")
        let w = flow.contentWidth
        flow.heading("Executive report: \(workspace)", size: 20, rule: false)
        flow.paragraph(
            "\(period.firstDay) to \(period.lastDay) (\(period.days) days), compared with the \(period.days) days before.",
            size: 10, color: PDFPageFlow.muted)
        flow.space(6)

        flow.heading("Summary")
        flow.paragraph(summary.isEmpty ? "There are no orders in this period." : summary, size: 10.5)
        flow.space(8)

        flow.heading("Key figures")
        let kpiColumns: [PDFPageFlow.Column] = [
            .init("Metric", width: w * 0.22), .init("Value", width: w * 0.16, rightAligned: true),
            .init("Change", width: w * 0.30, rightAligned: true), .init("Note", width: w * 0.32),
        ]
        flow.table(kpiColumns, rows: (kpis + spendKPIs).map { [$0.label, $0.value, $0.change ?? "–", $0.note ?? ""] })
        if !spendKPIs.isEmpty { flow.paragraph("Spend, revenue and blended ROAS: \(spendSource)", size: 8.5, color: PDFPageFlow.muted) }
        flow.space(8)

        flow.heading("Revenue by channel")
        let total = channels.reduce(0) { $0 + $1.revenue }
        flow.table(
            [
                .init("Channel (last touch)", width: w * 0.30), .init("Revenue", width: w * 0.18, rightAligned: true),
                .init(comparedWith.capitalizedFirst, width: w * 0.20, rightAligned: true),
                .init("Change", width: w * 0.16, rightAligned: true), .init("Share", width: w * 0.16, rightAligned: true),
            ],
            rows: channels.map { c in
                [
                    c.channel, currency.format(c.revenue), currency.format(c.previous),
                    Self.change(c.revenue, c.previous), total > 0 ? DashboardFormat.percent(c.revenue / total) : "–",
                ]
            })
        if let channelChart { flow.chart(channelChart.scene()) }

        flow.newPage()
        flow.heading("Marketing mix")
        switch marketingMix {
        case .failure(let note): flow.paragraph(note.text)
        case .success(let result):
            flow.paragraph(result.source.note, size: 8.5, color: PDFPageFlow.muted)
            let channels = result.channels
            flow.table(
                [
                    .init("Channel", width: w * 0.20), .init("ROAS", width: w * 0.11, rightAligned: true),
                    .init("90% interval", width: w * 0.19, rightAligned: true),
                    .init("Marginal ROAS", width: w * 0.16, rightAligned: true),
                    .init("Spend per day", width: w * 0.16, rightAligned: true),
                    .init("Diminishing returns from", width: w * 0.18, rightAligned: true),
                ],
                rows: channels.map { c in
                    [
                        c.name, DashboardFormat.ratio(c.roas),
                        "\(DashboardFormat.ratio(c.roasLower)) – \(DashboardFormat.ratio(c.roasUpper))",
                        DashboardFormat.ratio(c.marginalROAS), currency.format(c.currentSpend),
                        c.diminishingReturns.map { currency.format($0.spend) + "/day" } ?? "–",
                    ]
                })
            flow.chart(
                BarChart(
                    title: "ROAS by channel", categories: channels.map(\.name),
                    series: [ChartSeries(name: "ROAS", values: channels.map(\.roas))], unit: .ratio, xTitle: "Channel",
                    yTitle: "Return on ad spend"
                ).scene(), width: w * 0.8)
            if let plan {
                flow.heading("Budget reallocation (optimiser, \(plan.horizon) days, same total)", size: 12)
                flow.table(
                    [
                        .init("Channel", width: w * 0.24), .init("Spend now", width: w * 0.19, rightAligned: true),
                        .init("Optimised", width: w * 0.19, rightAligned: true),
                        .init("Change", width: w * 0.19, rightAligned: true),
                        .init("Revenue after", width: w * 0.19, rightAligned: true),
                    ],
                    rows: plan.lines.map { l in
                        [
                            l.name + (l.held ? " (held)" : ""), currency.format(l.currentSpend),
                            currency.format(l.optimizedSpend), Self.change(l.optimizedSpend, l.currentSpend),
                            currency.format(l.optimizedRevenue),
                        ]
                    })
                flow.paragraph(
                    "Projected lift: \(currency.format(plan.lift)) (\(String(format: "%+.1f%%", plan.liftPercent)); 90% interval \(currency.format(plan.liftLower)) to \(currency.format(plan.liftUpper))), optimised ROAS \(DashboardFormat.ratio(plan.optimizedROAS)).")
            }
        }

        flow.newPage()
        flow.heading("Customers")
        flow.table(
            [
                .init("Health", width: w * 0.22), .init("Customers", width: w * 0.14, rightAligned: true),
                .init("Share", width: w * 0.12, rightAligned: true), .init("Meaning", width: w * 0.52),
            ],
            rows: health.map { [$0.name, DashboardFormat.count($0.customers), DashboardFormat.percent($0.share), $0.note] })
        flow.heading("Segments (RFM)", size: 12)
        flow.table(
            [
                .init("Segment", width: w * 0.22), .init("Customers", width: w * 0.14, rightAligned: true),
                .init("Share", width: w * 0.12, rightAligned: true), .init("Suggested action", width: w * 0.52),
            ],
            rows: segments.map { [$0.name, DashboardFormat.count($0.customers), DashboardFormat.percent($0.share), $0.note] })

        flow.heading("Attribution: models side by side")
        switch attribution {
        case .failure(let note): flow.paragraph(note.text)
        case .success(let r):
            flow.paragraph(
                "\(DashboardFormat.count(r.journeys)) journeys, \(DashboardFormat.count(Int(r.conversions.rounded()))) conversions worth \(currency.format(r.value)). All journeys in the data, credited by each model.",
                size: 9, color: PDFPageFlow.muted)
            let modelWidth = (w * 0.78) / Double(max(r.credits.count, 1))
            flow.table(
                [PDFPageFlow.Column("Channel", width: w * 0.22)]
                    + r.credits.map { PDFPageFlow.Column($0.label, width: modelWidth, rightAligned: true) },
                rows: r.channels.enumerated().map { c, name in
                    [name] + r.credits.map { currency.format($0.values[c]) }
                }, size: 8)
            flow.chart(AttributionPage.chartModel(r).scene())
        }

        flow.heading("Anomalies")
        if anomalies.isEmpty {
            flow.paragraph("No unusual days in the period (robust STL and generalized ESD, as `beacon anomalies`).")
        } else {
            flow.table(
                [
                    .init("Day", width: w * 0.2), .init("Series", width: w * 0.4),
                    .init("Value", width: w * 0.2, rightAligned: true), .init("Expected", width: w * 0.2, rightAligned: true),
                ],
                rows: anomalies.map { a in
                    let money = a.series == "revenue" || a.series.hasPrefix("spend")
                    let f = { (v: Double) in money ? currency.format(v) : String(format: "%.0f", v) }
                    return [a.day, a.series, f(a.value), f(a.expected)]
                })
        }
        if let checks {
            flow.heading("Data checks", size: 12)
            for finding in checks.findings { flow.paragraph(finding.sentence(currency: currency), size: 9.5) }
            if !checks.passedSentence.isEmpty { flow.paragraph(checks.passedSentence, size: 9, color: PDFPageFlow.muted) }
        }
        if let history, !history.months.isEmpty { Self.draw(history, into: &flow, lastDay: period.lastDay, currency: currency) }
        return flow.finished().bytes(title: "Executive report: \(workspace), \(period.firstDay) to \(period.lastDay)")
    }

    /// The history pages: months with a revenue chart, revenue by channel per month, and the
    /// cohorts' repeat purchases and revenue per customer.
    static func draw(_ history: ReportHistory, into flow: inout PDFPageFlow, lastDay: String, currency: DashboardCurrency) {
        let w = flow.contentWidth
        let months = history.months
        flow.newPage()
        flow.heading("History: month by month")
        flow.paragraph(
            "The last \(months.count) calendar months (UTC) to \(lastDay); the last month runs to that day. Revenue is orders less refunds; a new customer is one whose first order fell in the month.",
            size: 9, color: PDFPageFlow.muted)
        flow.table(
            [
                .init("Month", width: w * 0.13), .init("Revenue", width: w * 0.17, rightAligned: true),
                .init("Orders", width: w * 0.11, rightAligned: true), .init("Buyers", width: w * 0.11, rightAligned: true),
                .init("New customers", width: w * 0.15, rightAligned: true),
                .init("Average order", width: w * 0.15, rightAligned: true),
                .init("Year on year", width: w * 0.18, rightAligned: true),
            ],
            rows: months.map { m in
                [
                    m.month, currency.format(m.revenue), DashboardFormat.count(m.orders),
                    DashboardFormat.count(m.buyers), DashboardFormat.count(m.newCustomers),
                    m.averageOrder.map { currency.format($0) } ?? "–",
                    m.yearBefore.map { change(m.revenue, $0) } ?? "–",
                ]
            }, size: 8.5)
        flow.chart(
            BarChart(
                title: "Revenue by month", categories: months.map(\.month),
                series: [ChartSeries(name: "Revenue", values: months.map(\.revenue))], unit: .money(symbol: currency.symbol),
                xTitle: "Month", yTitle: "Revenue"
            ).scene())

        flow.newPage()
        flow.heading("Revenue by channel, month by month")
        flow.paragraph(
            "Each order's last-touch channel, as in Revenue by channel; the \(history.channels.count) largest channels over these months"
                + (history.hasOther ? ", the rest under Other." : "."),
            size: 9, color: PDFPageFlow.muted)
        let names = history.channels + (history.hasOther ? ["Other"] : [])
        let channelWidth = w * 0.84 / Double(max(names.count, 1))
        flow.table(
            [PDFPageFlow.Column("Month", width: w * 0.16)]
                + names.map { PDFPageFlow.Column($0, width: channelWidth, rightAligned: true) },
            rows: months.map { m in [m.month] + m.byChannel.map { currency.format($0) } }, size: 8.5)
        flow.chart(
            LineChart(
                title: "Monthly revenue by channel (last touch)", categories: months.map(\.month),
                series: names.enumerated().map { k, name in
                    ChartSeries(name: name, values: months.map { $0.byChannel[k] })
                }, style: .stackedArea, unit: .money(symbol: currency.symbol), xTitle: "Month", yTitle: "Revenue"
            ).scene())

        guard !history.cohorts.isEmpty else { return }
        flow.newPage()
        flow.heading("Cohorts: customers who ordered again")
        flow.paragraph(
            "Customers by the month of their first order, and the share of them who ordered in each month after it (as the Cohorts page).",
            size: 9, color: PDFPageFlow.muted)
        let later = 1...ReportHistory.cohortMonths
        let cellWidth = w * 0.76 / Double(later.count)
        flow.table(
            [.init("Cohort", width: w * 0.12), .init("Customers", width: w * 0.12, rightAligned: true)]
                + later.map { PDFPageFlow.Column("+\($0)", width: cellWidth, rightAligned: true) },
            rows: history.cohorts.map { c in
                [c.month, DashboardFormat.count(c.customers)]
                    + later.map { $0 < c.retention.count ? DashboardFormat.percent(c.retention[$0], digits: 0) : "" }
            }, size: 7.5)
        flow.heading("Cohorts: revenue per customer to date", size: 12)
        let marks = [0, 2, 5, 11]
        flow.table(
            [.init("Cohort", width: w * 0.14), .init("Customers", width: w * 0.14, rightAligned: true)]
                + marks.map { PDFPageFlow.Column("After \($0 + 1) mo.", width: w * 0.13, rightAligned: true) }
                + [.init("To date", width: w * 0.20, rightAligned: true)],
            rows: history.cohorts.map { c in
                let per = c.cumulativeRevenuePerCustomer
                return [c.month, DashboardFormat.count(c.customers)]
                    + marks.map { $0 < per.count ? currency.format(per[$0]) : "" }
                    + [per.last.map { currency.format($0) } ?? "–"]
            }, size: 7.5)
    }

    /// "+12.3%" of `current` against `previous`, "–" without a previous value.
    static func change(_ current: Double, _ previous: Double) -> String {
        guard previous != 0, previous.isFinite, current.isFinite else { return "–" }
        return String(format: "%+.1f%%", (current - previous) / abs(previous) * 100)
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
