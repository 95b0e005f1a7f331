import BeaconEngine
import Foundation

extension ExecutiveReport {
    /// The report as a PDF file set in `font`: a title page with the summary and KPIs, then
    /// revenue by channel, the marketing mix, customers, attribution and anomalies, with the
    /// dashboard's charts drawn as vector graphics.
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
                    c.channel, DashboardFormat.money(c.revenue), DashboardFormat.money(c.previous),
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
                        DashboardFormat.ratio(c.marginalROAS), DashboardFormat.money(c.currentSpend),
                        c.diminishingReturns.map { DashboardFormat.money($0.spend) + "/day" } ?? "–",
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
                            l.name + (l.held ? " (held)" : ""), DashboardFormat.money(l.currentSpend),
                            DashboardFormat.money(l.optimizedSpend), Self.change(l.optimizedSpend, l.currentSpend),
                            DashboardFormat.money(l.optimizedRevenue),
                        ]
                    })
                flow.paragraph(
                    "Projected lift: \(DashboardFormat.money(plan.lift)) (\(String(format: "%+.1f%%", plan.liftPercent)); 90% interval \(DashboardFormat.money(plan.liftLower)) to \(DashboardFormat.money(plan.liftUpper))), optimised ROAS \(DashboardFormat.ratio(plan.optimizedROAS)).")
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
                "\(DashboardFormat.count(r.journeys)) journeys, \(DashboardFormat.count(Int(r.conversions.rounded()))) conversions worth \(DashboardFormat.money(r.value)). All journeys in the data, credited by each model.",
                size: 9, color: PDFPageFlow.muted)
            let modelWidth = (w * 0.78) / Double(max(r.credits.count, 1))
            flow.table(
                [PDFPageFlow.Column("Channel", width: w * 0.22)]
                    + r.credits.map { PDFPageFlow.Column($0.label, width: modelWidth, rightAligned: true) },
                rows: r.channels.enumerated().map { c, name in
                    [name] + r.credits.map { DashboardFormat.money($0.values[c]) }
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
                    let f = { (v: Double) in money ? DashboardFormat.money(v) : String(format: "%.0f", v) }
                    return [a.day, a.series, f(a.value), f(a.expected)]
                })
        }
        return flow.finished().bytes(title: "Executive report: \(workspace), \(period.firstDay) to \(period.lastDay)")
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
