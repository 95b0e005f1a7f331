extension KPICard {
    /// A card showing `figure` (formatted as tables format it) with its change on `previous`,
    /// keeping both so the page's KPI table (`kpiTable`) writes the very numbers the card shows.
    init(
        label: String, figure: DashboardTable.Cell, previous: DashboardTable.Cell? = nil, currency: DashboardCurrency,
        period: String = "", note: String? = nil
    ) {
        self.init(
            label: label, value: figure.display(currency), current: figure.numericValue,
            previous: previous?.numericValue, period: period, note: note)
        self.figure = figure
        self.previousFigure = previous
    }

    /// The unit a KPI table names beside the value: the currency code, `count`, `share`, or `ratio`.
    var unit: String {
        switch figure {
        case .money?: return "currency"
        case .count?: return "count"
        case .share?: return "share"
        case .number?: return "ratio"
        default: return ""
        }
    }

    /// Cards as one table (section, metric, value, the previous period's value, unit), for
    /// cards made with a `figure`; money units name the currency code.
    static func table(
        id: String, title: String, sections: [(name: String, cards: [KPICard])], previousLabel: String,
        currency: DashboardCurrency
    ) -> DashboardTable {
        DashboardTable(
            id: id, title: title,
            columns: [
                .init("section"), .init("metric"), .init("value", .mixed), .init(previousLabel, .mixed), .init("unit"),
            ],
            rows: sections.flatMap { section -> [[DashboardTable.Cell]] in
                section.cards.compactMap { card -> [DashboardTable.Cell]? in
                    card.figure.map { (value: DashboardTable.Cell) -> [DashboardTable.Cell] in
                        [
                            .text(section.name), .text(card.label), value, card.previousFigure ?? .empty,
                            .text(card.unit == "currency" ? currency.code : card.unit),
                        ]
                    }
                }
            },
            currency: currency)
    }
}

extension DashboardTable.Cell {
    /// The number behind the cell (nil for text, dates and no value).
    var numericValue: Double? {
        switch self {
        case .count(let n): return Double(n)
        case .money(let v), .share(let v, _, _), .number(let v, _, _): return v
        case .text, .link, .date, .empty: return nil
        }
    }
}
