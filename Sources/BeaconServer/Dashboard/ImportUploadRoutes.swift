import BeaconCore
import BeaconEngine
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `POST /dashboard/data/import`: a CSV of orders or a JSON-lines file of events uploaded from
/// the data page (`multipart/form-data`: `kind`, `file`, optionally `map`), imported with the
/// same checks as `beacon import` (`FileImport`).
///
/// The upload runs as an import job, so the import status routes show its progress while it
/// runs; the answer is a page with the report, or with the refused rows by line and column
/// (422) when the file was refused and nothing was stored. Cross-site posts are refused by the
/// dashboard's middleware as for every dashboard form; an upload is at most `maxBytes`.
struct ImportUploadRoutes<Context: RequestContext>: Sendable {
    let dashboard: DashboardController<Context>

    /// The largest upload: bigger files go through `beacon import`, which streams no request body.
    static var maxBytes: Int { 64 << 20 }

    func addRoutes(to router: Router<Context>) {
        router.post("/dashboard/data/import") { request, _ in try await upload(request) }
    }

    func upload(_ request: Request) async throws -> Response {
        // `AccessPolicy` admits members and above; this guards a route served without it.
        guard let role = RequestAccess.current?.role, role >= .member else {
            throw ProblemDetails(.forbidden, detail: "only members and administrators can import files", field: "ws")
        }
        let (current, all) = try await dashboard.workspaces(request)
        guard let workspace = current else { throw ProblemDetails(.notFound, detail: "there is no workspace yet", field: "ws") }
        guard let type = request.headers[.contentType], let boundary = MultipartFormData.boundary(contentType: type) else {
            throw ProblemDetails(
                .unsupportedMediaType, detail: "send the file as multipart/form-data, as the data page's upload form does",
                field: "file")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: Self.maxBytes)
        } catch is NIOTooManyBytesError {
            throw ProblemDetails(
                .contentTooLarge, detail: "an upload is at most \(Self.maxBytes >> 20) MiB; import bigger files with beacon import",
                field: "file")
        }
        let form: MultipartFormData
        do {
            form = try MultipartFormData(body: Array(buffer.readableBytesView), boundary: boundary)
        } catch let e as MultipartFormData.Malformed {
            throw ProblemDetails(.badRequest, detail: e.reason, field: "file")
        }
        guard let kindText = form.value("kind"), let kind = FileImport.Kind(rawValue: kindText) else {
            throw ProblemDetails(.badRequest, detail: "kind must be orders or events", field: "kind")
        }
        guard let file = form.part("file"), let name = file.filename.map(Self.safeName), !name.isEmpty, !file.body.isEmpty
        else {
            throw ProblemDetails(.badRequest, detail: "choose a non-empty file to import", field: "file")
        }
        let map = form.value("map").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }

        // The importers read a file; the job records its name, so it keeps the uploaded one.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(name).path
        guard FileManager.default.createFile(atPath: path, contents: Data(file.body)) else {
            throw ProblemDetails(.internalServerError, detail: "the upload could not be written to a temporary file", field: "file")
        }
        var page = ImportUploadPage(file: name, kind: kind.rawValue, workspace: workspace.name)
        let status: HTTPResponse.Status
        do {
            let report = try await FileImport(runtime: dashboard.runtime)
                .run(kind: kind, path: path, workspaceId: workspace.id, columnMap: map)
            page.stored = true
            page.summary = report.summary
            page.problems = report.problems.map(\.message)
            status = .ok
        } catch let refused as ImportRefused {
            page.summary = refused.description
            page.problems = refused.report.problems.map(\.message)
            status = .unprocessableContent
        } catch let e as ImportError {
            page.summary = "nothing stored: " + e.message
            status = .unprocessableContent
        }
        return try dashboard.render(
            "importUpload", title: "Import", path: "/dashboard/data", workspace: workspace, all: all, asOf: nil, page: page,
            status: status)
    }

    /// The uploaded file's own name without any folder a browser or client put in front.
    static func safeName(_ filename: String) -> String {
        let last = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = last.filter { $0.isLetter || $0.isNumber || "._- ".contains($0) }
        return kept.hasPrefix(".") ? "upload" + kept : String(kept.prefix(120))
    }
}

/// The answer to an upload: what was stored, or why nothing was.
struct ImportUploadPage: Sendable {
    var file: String
    var kind: String
    var workspace: String
    var stored = false
    var summary = ""
    /// Refused or left-out rows, each naming its line (and column).
    var problems: [String] = [] {
        didSet { hasProblems = !problems.isEmpty }
    }
    /// Stored, not computed: templates read stored properties.
    var hasProblems = false
}
