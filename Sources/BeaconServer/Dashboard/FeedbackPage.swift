import BeaconEngine
import Foundation

/// The feedback page: NPS, CSAT and review ratings with their 95 % intervals per month, the
/// sentiment of the texts, and the words that set unhappy answers apart (`FeedbackReport`), as
/// of the page's date.
struct FeedbackPage: Sendable {
    struct Row: Sendable {
        var period: String
        var npsResponses: String
        var nps: String
        var csatResponses: String
        var csat: String
        var reviews: String
        var texts: String
        var sentiment: String
    }

    struct Term: Sendable {
        var word: String
        var count: String
        var z: String
    }

    struct Repurchase: Sendable {
        var group: String
        var answers: String
        var rate: String
    }

    var empty: Bool
    var asOf: String
    var repurchaseWindow = 0
    var repurchase: [Repurchase] = []
    var kpis: [KPICard] = []
    var rows: [Row] = []
    var terms: [Term] = []
    /// The months (`months`), the repurchase rates (`repurchase`) and the detractors' words
    /// (`detractor_terms`): the rows above show their cells, the CSV downloads write them.
    var monthTable: DashboardTable?
    var repurchaseTable: DashboardTable?
    var termTable: DashboardTable?
    var tables: [DashboardTable] = []

    init(report: FeedbackReport, repurchase outcome: FeedbackRepurchase? = nil, asOf date: Date) {
        asOf = DashboardFormat.day(date)
        let total = report.total
        empty = total.nps.responses + total.csat.responses + total.reviews.responses == 0
        guard !empty else { return }
        kpis = [
            KPICard(
                label: "NPS", value: Self.nps(total),
                note: "\(DashboardFormat.count(total.nps.responses)) answers; 95 % interval (adjusted Wald)"),
            KPICard(
                label: "CSAT", value: Self.csat(total),
                note: "\(DashboardFormat.count(total.csat.responses)) answers rating 4–5 of 5; 95 % interval (Wilson)"),
            KPICard(
                label: "Reviews 4–5 stars", value: Self.reviews(total),
                note: "\(DashboardFormat.count(total.reviews.responses)) reviews"),
            KPICard(
                label: "Text sentiment", value: Self.sentiment(total),
                note: "mean VADER compound (−1…1) of \(DashboardFormat.count(total.texts)) texts; "
                    + "\(DashboardFormat.count(total.negativeTexts)) negative"),
        ]
        let months = Self.monthTable(report)
        rows = months.rows.map { c in
            Row(
                period: c[0].display(.usDollar), npsResponses: c[1].display(.usDollar),
                nps: Self.interval(c[2], c[3], c[4], "%+.0f [%+.0f, %+.0f]"), csatResponses: c[5].display(.usDollar),
                csat: Self.interval(c[6], c[7], c[8], "%.0f %% [%.0f, %.0f]"), reviews: c[9].display(.usDollar),
                texts: c[10].display(.usDollar), sentiment: c[11].numericValue.map { String(format: "%+.2f", $0) } ?? "–")
        }
        monthTable = months
        if let outcome, outcome.groups.contains(where: { $0.answers > 0 }) {
            repurchaseWindow = outcome.windowDays
            let table = DashboardTable(
                id: "repurchase", title: "Share of NPS answers followed by an order within \(outcome.windowDays) days",
                columns: [
                    .init("Group"), .init("Answers", .count), .init("Ordered again (%)", .number),
                    .init("Lower 95% (%)", .number), .init("Upper 95% (%)", .number),
                ],
                rows: outcome.groups.map { g -> [DashboardTable.Cell] in
                    let i = g.interval
                    let rate: [DashboardTable.Cell] =
                        g.answers > 0
                        ? [.number(g.rate, digits: 0), .number(i.lower, digits: 0), .number(i.upper, digits: 0)]
                        : [.empty, .empty, .empty]
                    return [.text(g.group.capitalized + "s"), .count(g.answers)] + rate
                },
                currency: .usDollar)
            repurchase = table.rows.map { c in
                Repurchase(
                    group: c[0].display(.usDollar), answers: c[1].display(.usDollar),
                    rate: Self.interval(c[2], c[3], c[4], "%.0f %% [%.0f, %.0f]"))
            }
            repurchaseTable = table
        }
        let words = DashboardTable(
            id: "detractor_terms", title: "Words of detractors' and 1–2 star texts (weighted log-odds z)",
            columns: [.init("Word"), .init("Times", .count), .init("z", .number)],
            rows: report.detractorTerms.prefix(15).map { [.text($0.word), .count($0.groupCount), .number($0.z, digits: 1)] },
            currency: .usDollar)
        terms = words.rows.map { c in Term(word: c[0].display(.usDollar), count: c[1].display(.usDollar), z: c[2].display(.usDollar)) }
        termTable = words
        tables = [monthTable, repurchaseTable, termTable].compactMap { $0 }
    }

    /// The months, newest first: answers, scores with their 95 % interval bounds, texts and sentiment
    /// (no value where a month has no answers of the kind).
    static func monthTable(_ report: FeedbackReport) -> DashboardTable {
        func score(_ responses: Int, _ value: Double, _ interval: (lower: Double, upper: Double))
            -> [DashboardTable.Cell]
        {
            responses > 0
                ? [.number(value, digits: 0), .number(interval.lower, digits: 0), .number(interval.upper, digits: 0)]
                : [.empty, .empty, .empty]
        }
        return DashboardTable(
            id: "months", title: "Feedback per month, newest first",
            columns: [
                .init("Month"), .init("NPS answers", .count), .init("NPS", .number), .init("NPS lower 95%", .number),
                .init("NPS upper 95%", .number), .init("CSAT answers", .count), .init("CSAT (%)", .number),
                .init("CSAT lower 95% (%)", .number), .init("CSAT upper 95% (%)", .number), .init("Reviews", .count),
                .init("Texts", .count), .init("Sentiment", .number),
            ],
            rows: report.rows.reversed().map { row -> [DashboardTable.Cell] in
                let nps = row.nps.interval(), csat = row.csat.interval()
                var cells: [DashboardTable.Cell] = [.text(row.label), .count(row.nps.responses)]
                cells += score(row.nps.responses, row.nps.score, (nps.lower, nps.upper))
                cells.append(.count(row.csat.responses))
                cells += score(row.csat.responses, row.csat.score, (csat.lower, csat.upper))
                cells += [.count(row.reviews.responses), .count(row.texts)]
                cells.append(row.texts > 0 ? .number(row.meanCompound, digits: 2) : .empty)
                return cells
            },
            currency: .usDollar)
    }

    /// "+20 [−30, +61]": a score and its interval bounds as `format` writes them; `–` without a score.
    static func interval(_ value: DashboardTable.Cell, _ lower: DashboardTable.Cell, _ upper: DashboardTable.Cell, _ format: String)
        -> String
    {
        guard let v = value.numericValue, let l = lower.numericValue, let u = upper.numericValue else { return "–" }
        return String(format: format, v, l, u)
    }

    /// "+20 [−30, +61]": the score with its adjusted-Wald interval.
    static func nps(_ row: FeedbackReport.Row) -> String {
        guard row.nps.responses > 0 else { return "–" }
        let interval = row.nps.interval()
        return String(format: "%+.0f [%+.0f, %+.0f]", row.nps.score, interval.lower, interval.upper)
    }

    /// "70 % [60, 78]": the share of 4–5 answers with its Wilson interval.
    static func csat(_ row: FeedbackReport.Row) -> String {
        guard row.csat.responses > 0 else { return "–" }
        let interval = row.csat.interval()
        return String(format: "%.0f %% [%.0f, %.0f]", row.csat.score, interval.lower, interval.upper)
    }

    /// The share of 4–5 star reviews with its Wilson interval.
    static func reviews(_ row: FeedbackReport.Row) -> String {
        guard row.reviews.responses > 0 else { return "–" }
        let interval = row.reviews.interval()
        return String(format: "%.0f %% [%.0f, %.0f]", row.reviews.score, interval.lower, interval.upper)
    }

    static func sentiment(_ row: FeedbackReport.Row) -> String {
        row.texts > 0 ? String(format: "%+.2f", row.meanCompound) : "–"
    }
}
