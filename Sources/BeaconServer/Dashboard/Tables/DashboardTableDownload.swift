import BeaconCore
import Foundation
import Hummingbird

/// A page's tables as CSV downloads on the page's own route: `GET <page>?ws=…&as_of=…&format=csv&table=<id>`
/// answers the table `id` of the page computed for the same query, so the file has the same
/// period and passes the same sign-in and role checks as the page.
///
/// `format` other than `html` or `csv` is a 400 naming `format`; a CSV without `table`, or a
/// `table` the page does not have (for its data: an empty page has none), is a 404 naming `table`.
enum DashboardTableDownload {
    /// The id of the table asked for, or nil when the page itself is asked for.
    /// - Throws: `ProblemDetails` naming `format` or `table` (see the type).
    static func requestedTable(_ request: Request) throws -> String? {
        let format = request.uri.queryParameters["format"].map(String.init) ?? ""
        switch format {
        case "", "html": return nil
        case "csv":
            let table = request.uri.queryParameters["table"].map(String.init) ?? ""
            guard !table.isEmpty else {
                throw ProblemDetails(.notFound, detail: "name the table to download with table=<id>", field: "table")
            }
            return table
        default:
            throw ProblemDetails(.badRequest, detail: "format must be html or csv, got '\(format)'", field: "format")
        }
    }

    /// The CSV response for `id` among `tables` of `page` (`overview`), for `workspace` as of `day`.
    /// - Throws: `ProblemDetails` 404 naming `table` when the page has no such table.
    static func response(
        _ id: String, among tables: [DashboardTable], page: String, workspace: Workspace, day: Date
    ) throws -> Response {
        try response(id, among: tables, page: page, fileOwner: workspace.name, day: day)
    }

    /// The CSV response for a page that belongs to no workspace (the users page): the file name
    /// starts with `fileOwner` instead of a workspace's name.
    static func response(
        _ id: String, among tables: [DashboardTable], page: String, fileOwner: String, day: Date
    ) throws -> Response {
        guard let table = tables.first(where: { $0.id == id }) else {
            let known = tables.map(\.id).joined(separator: ", ")
            throw ProblemDetails(
                .notFound,
                detail: "the \(page) page has no table '\(id)'"
                    + (known.isEmpty ? " (it has no tables for this data)" : "; it has \(known)"),
                field: "table")
        }
        var headers = DashboardRenderer.securityHeaders
        headers[.contentType] = "text/csv; charset=utf-8"
        let file = DashboardTable.fileName(
            workspace: fileOwner, page: page, table: table.id, day: DashboardFormat.day(day))
        headers[.contentDisposition] = "attachment; filename=\"\(file)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: table.csv)))
    }

    /// The start of every download link on the page: its path and its own query (workspace,
    /// period, filters) without `format` and `table`, then `format=csv`; the template appends
    /// `&table=<id>`.
    static func link(_ request: Request) -> String {
        let kept = (request.uri.query ?? "").split(separator: "&").filter {
            !$0.hasPrefix("format=") && !$0.hasPrefix("table=") && $0 != "format" && $0 != "table"
        }
        return request.uri.path + "?" + (kept + ["format=csv"]).joined(separator: "&")
    }
}
