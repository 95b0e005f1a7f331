import HTTPTypes
import Hummingbird
import Mustache

/// Renders dashboard views with the Mustache library into HTML responses carrying the
/// security headers every page gets: a content security policy that allows only the
/// dashboard's own script and styles (so an injected `<script>` could not run even if it
/// slipped past escaping), `nosniff`, no referrer to other sites, no caching.
struct DashboardRenderer: Sendable {
    let library: MustacheLibrary

    init() throws {
        library = try DashboardTemplates.library()
    }

    static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy:
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'",
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "same-origin",
        .cacheControl: "no-store",
    ]

    /// The template `name` rendered with `view`, as a `text/html` response.
    func page(_ name: String, _ view: Any, status: HTTPResponse.Status = .ok) -> Response {
        let html = library.render(view, withTemplate: name) ?? "template \(name) is missing"
        var headers = Self.securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
