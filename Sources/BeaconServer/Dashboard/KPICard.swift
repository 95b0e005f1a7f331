/// One KPI card: a label, the value, its change on the previous period and a note.
struct KPICard: Sendable, Equatable {
    var label: String
    var value: String
    var change: String?
    /// `up`, `down` or `flat` (a CSS class; the arrow in `change` carries the meaning too).
    var direction: String
    var note: String?
    /// The value and the previous period's behind `value` and `change`, when the card was made
    /// from table cells (`KPICard+Table`); nil for cards that only show text.
    var figure: DashboardTable.Cell?
    var previousFigure: DashboardTable.Cell?

    init(
        label: String, value: String, current: Double? = nil, previous: Double? = nil, period: String = "",
        note: String? = nil
    ) {
        self.label = label
        self.value = value
        let change = current.flatMap { c in previous.flatMap { DashboardFormat.change(c, $0, period: period) } }
        self.change = change?.text
        direction = change?.direction ?? "flat"
        self.note = note
    }
}
