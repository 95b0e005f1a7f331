import BeaconCore

extension DashboardTable {
    /// The table as CSV (RFC 4180, `CSVRecord`): the column headers (a money column's with the
    /// currency code, `revenue (USD)`), then one record per row, each ending in CRLF. Text that a
    /// spreadsheet would run as a formula is protected.
    var csv: String {
        let header = columns.map { $0.kind == .money ? "\($0.title) (\(currency.code))" : $0.title }
        return ([header] + rows.map { $0.map(\.csv) })
            .map { CSVRecord.line($0, protectingFormulas: true) + "\r\n" }.joined()
    }

    /// The download's file name: `<workspace>-<page>-<table>-<YYYY-MM-DD>.csv`, each part
    /// reduced to letters, digits, `-` and `_` so it is safe in a header and on any disk.
    static func fileName(workspace: String, page: String, table: String, day: String) -> String {
        func safe(_ s: String) -> String {
            String(s.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        }
        return [workspace, page, table, day].map(safe).joined(separator: "-") + ".csv"
    }
}
