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
        rows = report.rows.reversed().map { row in
            Row(
                period: row.label, npsResponses: DashboardFormat.count(row.nps.responses), nps: Self.nps(row),
                csatResponses: DashboardFormat.count(row.csat.responses), csat: Self.csat(row),
                reviews: DashboardFormat.count(row.reviews.responses), texts: DashboardFormat.count(row.texts),
                sentiment: Self.sentiment(row))
        }
        if let outcome, outcome.groups.contains(where: { $0.answers > 0 }) {
            repurchaseWindow = outcome.windowDays
            repurchase = outcome.groups.map { g in
                let interval = g.interval
                return Repurchase(
                    group: g.group.capitalized + "s", answers: DashboardFormat.count(g.answers),
                    rate: g.answers > 0
                        ? String(format: "%.0f %% [%.0f, %.0f]", g.rate, interval.lower, interval.upper) : "–")
            }
        }
        terms = report.detractorTerms.prefix(15).map {
            Term(word: $0.word, count: DashboardFormat.count($0.groupCount), z: String(format: "%.1f", $0.z))
        }
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
