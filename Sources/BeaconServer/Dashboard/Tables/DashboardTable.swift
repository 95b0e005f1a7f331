import Foundation

/// One table of a dashboard page: an id, a caption, column headers and rows of typed cells.
///
/// A page model builds each of its tables once; the HTML shows the cells as text
/// (`DashboardFormat`) and the CSV download writes the very same cells as plain values
/// (`DashboardTable+CSV`), so the two cannot disagree. Money columns carry the workspace's
/// currency code in their CSV header; a column whose rows mix kinds (a KPI table) says so
/// with `.mixed` and a unit column beside it.
struct DashboardTable: Sendable {
    /// What a column holds; `.money` headers get the currency code in the CSV.
    enum Kind: Sendable, Equatable {
        case text, count, money, share, number, date, mixed
    }

    /// One column: its header and what it holds.
    struct Column: Sendable, Equatable {
        var title: String
        var kind: Kind

        init(_ title: String, _ kind: Kind = .text) {
            self.title = title
            self.kind = kind
        }
    }

    /// One value. Non-finite numbers show as `–` and are empty in the CSV.
    enum Cell: Sendable, Equatable {
        case text(String)
        /// Text that links to `href` on the page (a profile's name); the CSV has the text.
        case link(String, href: String)
        case count(Int)
        /// An amount in the workspace's currency.
        case money(Double)
        /// A share in 0…1, shown as a percentage with `digits` decimals (with its sign when `signed`,
        /// for changes: `+12%`).
        case share(Double, digits: Int, signed: Bool = false)
        /// A plain number shown with `digits` decimals (`suffix` after it on the page, such as `×`).
        case number(Double, digits: Int, suffix: String = "")
        /// A day (UTC).
        case date(Date)
        /// No value (`–` on the page, empty in the CSV).
        case empty
    }

    /// A file-name-safe id, unique on its page (`kpis`, `credit`).
    var id: String
    /// The table's caption on the page.
    var title: String
    var columns: [Column]
    var rows: [[Cell]]
    /// The currency of the `.money` cells.
    var currency: DashboardCurrency
    /// What the page says in place of the table when it has no rows (nil: the empty table).
    var empty: String?

    init(id: String, title: String, columns: [Column], rows: [[Cell]], currency: DashboardCurrency, empty: String? = nil) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "table \(id): a row's cells must match its columns")
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
        self.currency = currency
        self.empty = empty
    }
}

extension DashboardTable.Cell {
    /// The cell as the page shows it (`$12,345`, `34.5%`, `1,234`, `2025-03-14`).
    func display(_ currency: DashboardCurrency) -> String {
        switch self {
        case .text(let s), .link(let s, _): return s
        case .count(let n): return DashboardFormat.count(n)
        case .money(let v): return currency.format(v)
        case .share(let v, let digits, let signed):
            return signed && v.isFinite
                ? String(format: "%+.\(digits)f%%", v * 100) : DashboardFormat.percent(v, digits: digits)
        case .number(let v, let digits, let suffix):
            return v.isFinite ? String(format: "%.\(digits)f", v) + suffix : "–"
        case .date(let d): return DashboardFormat.day(d)
        case .empty: return "–"
        }
    }

    /// The cell as a CSV field: numbers plain (money to the cent, shares as a fraction to six
    /// decimals, no separators or symbols), dates `YYYY-MM-DD`, nothing for no value.
    var csv: String {
        switch self {
        case .text(let s), .link(let s, _): return s
        case .count(let n): return String(n)
        case .money(let v): return v.isFinite ? Self.plain(v, digits: 2) : ""
        case .share(let v, _, _): return v.isFinite ? Self.plain(v, digits: 6) : ""
        case .number(let v, let digits, _): return v.isFinite ? Self.plain(v, digits: max(digits, 6)) : ""
        case .date(let d): return DashboardFormat.day(d)
        case .empty: return ""
        }
    }

    /// Whether the page right-aligns it (a number).
    var isNumeric: Bool {
        switch self {
        case .text, .link, .date, .empty: return false
        case .count, .money, .share, .number: return true
        }
    }

    /// Where the cell links to on the page, or nil.
    var href: String? {
        if case .link(_, let href) = self { return href }
        return nil
    }

    /// `v` with at most `digits` decimals, trailing zeros dropped (`12.5`, `3`, `-0.25`).
    static func plain(_ v: Double, digits: Int) -> String {
        var s = String(format: "%.\(digits)f", v)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }
}
