import BeaconEngine
import Foundation

/// The channel page's seasonality insight: in which days of the week and months of the year the
/// channel's media works better or worse than its average (`MarketingMixSeasonality`), as
/// sentences and one table per analysis, the days and months that stand out marked.
struct ChannelSeasonalityPanel: Sendable {
    struct Row: Sendable {
        var label: String
        var multiplier: String
        var range: String
        /// The whole interval lies above or below 1.
        var stands: Bool
    }

    struct Table: Sendable {
        var caption: String
        var heading: String
        var interval: String
        var rows: [Row]
        /// The same multipliers for the CSV download (`seasonality_weekdays`, `seasonality_months`).
        var table: DashboardTable
    }

    var name: String
    var sentences: [String]
    var tables: [Table]

    init(_ s: MarketingMixSeasonality) {
        name = s.name
        sentences = s.sentences
        let percent = Int((s.level * 100).rounded())
        func table(_ id: String, _ caption: String, _ heading: String, _ effects: [MarketingMixSeasonality.Effect]) -> Table {
            Table(
                caption: caption, heading: heading, interval: "\(percent)% interval",
                rows: effects.map {
                    Row(
                        label: $0.label, multiplier: String(format: "%.2f×", $0.multiplier),
                        range: String(format: "%.2f … %.2f", $0.lower, $0.upper), stands: $0.lower > 1 || $0.upper < 1)
                },
                table: DashboardTable(
                    id: id, title: caption,
                    columns: [.init(heading), .init("Effectiveness (1 = average)", .number),
                              .init("\(percent)% interval from", .number), .init("\(percent)% interval to", .number)],
                    rows: effects.map {
                        [.text($0.label), .number($0.multiplier, digits: 2, suffix: "×"), .number($0.lower, digits: 2),
                         .number($0.upper, digits: 2)]
                    },
                    currency: .usDollar))
        }
        var tables: [Table] = []
        if !s.weekdays.isEmpty {
            tables.append(table("seasonality_weekdays", "\(s.name): effectiveness by day of the week", "Day", s.weekdays))
        }
        if !s.months.isEmpty {
            tables.append(table("seasonality_months", "\(s.name): effectiveness by month of the year", "Month", s.months))
        }
        self.tables = tables
    }
}
