import Mustache

extension DashboardTable {
    /// What the `dataTable` template partial renders: headers and rows as displayed text, the
    /// first column as the row header, numbers right-aligned.
    struct View: Sendable {
        struct Header: Sendable {
            var title: String
            var num: Bool
        }

        struct Cell: Sendable {
            var text: String
            var num: Bool
        }

        struct Row: Sendable {
            var head: String
            /// Where the row's head links to (nil: no link).
            var href: String?
            var cells: [Cell]
        }

        var id: String
        var caption: String
        var headers: [Header]
        var rows: [Row]
        var hasRows: Bool
        /// The message shown in place of a table without rows, when it has one.
        var emptyMessage: String?
    }

    /// The table as the page shows it.
    var view: View {
        let numericColumns = columns.indices.map { c in
            columns[c].kind != .text && columns[c].kind != .date && rows.contains { $0[c].isNumeric }
        }
        return View(
            id: id, caption: title,
            headers: columns.indices.map { View.Header(title: columns[$0].title, num: $0 > 0 && numericColumns[$0]) },
            rows: rows.map { row in
                View.Row(
                    head: row.first?.display(currency) ?? "", href: row.first?.href,
                    cells: row.indices.dropFirst().map {
                        View.Cell(text: row[$0].display(currency), num: numericColumns[$0])
                    })
            },
            hasRows: !rows.isEmpty, emptyMessage: rows.isEmpty ? empty : nil)
    }
}

/// Templates read a table through its `view`, so `{{#page.credit}}{{> dataTable}}{{/page.credit}}`
/// shows the table's cells as the page formats them.
extension DashboardTable: MustacheCustomRepresentation {
    var representation: Any? { view }
}
