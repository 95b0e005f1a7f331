import BeaconCore
import BeaconEngine
import Foundation

extension ExecutiveReport {
    /// The report as an email: a short summary and the KPI table in HTML and plain text (the
    /// values exactly as the dashboard's cards show them; no SVG, which email clients handle
    /// badly), with the PDF attached for the charts and the rest.
    public func email(
        from: EmailAddress, to: EmailAddress, scheduleName: String, pdf: [UInt8], messageId: String, date: Date
    ) -> ReportEmail {
        let rows = (kpis + spendKPIs).map { [$0.label, $0.value, $0.change ?? "–", $0.note ?? ""] }
        let header = ["Metric", "Value", "Change (\(comparedWith))", "Note"]
        let title = "\(scheduleName): \(workspace), \(period.firstDay) to \(period.lastDay)"

        var text = "\(title)\n\n"
        if !summary.isEmpty { text += summary + "\n\n" }
        let widths = (0..<header.count).map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, v in v.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        text += ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line))
            .joined(separator: "\n")
        text += "\n\nThe attached PDF has the charts, the marketing mix, customers, attribution and anomalies.\n"

        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var html = "<!doctype html><html><body style=\"font-family:Helvetica,Arial,sans-serif;color:#1f2933\">"
        html += "<h2 style=\"margin:0 0 8px\">\(esc(title))</h2>"
        if !summary.isEmpty { html += "<p>\(esc(summary))</p>" }
        html += "<table cellpadding=\"6\" cellspacing=\"0\" style=\"border-collapse:collapse\"><thead><tr>"
        for (i, h) in header.enumerated() {
            html += "<th style=\"text-align:\(i == 1 || i == 2 ? "right" : "left");border-bottom:2px solid #ccc\">\(esc(h))</th>"
        }
        html += "</tr></thead><tbody>"
        for row in rows {
            html += "<tr>"
            for (i, v) in row.enumerated() {
                html += "<td style=\"text-align:\(i == 1 || i == 2 ? "right" : "left");border-bottom:1px solid #eee\">\(esc(v))</td>"
            }
            html += "</tr>"
        }
        html += "</tbody></table>"
        html += "<p style=\"color:#616e7c\">The attached PDF has the charts, the marketing mix, customers, attribution and anomalies.</p>"
        html += "</body></html>"

        return ReportEmail(
            from: from, to: to, subject: title, text: text, html: html,
            attachments: [
                .init(
                    filename: "beacon-\(workspace)-\(period.firstDay)-\(period.lastDay).pdf", contentType: "application/pdf",
                    bytes: pdf)
            ], messageId: messageId, date: date)
    }
}
