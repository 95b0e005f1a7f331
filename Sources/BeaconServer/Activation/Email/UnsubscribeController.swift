import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// The one-click unsubscribe endpoint of email destinations (RFC 8058), unauthenticated:
/// the link's sealed token is the credential.
///
/// `POST /u/{token}` (what mail clients send, body `List-Unsubscribe=One-Click`) suppresses
/// the address at once. `GET /u/{token}` only shows a page with a button that posts: mail
/// scanners fetch links, and a fetch must not unsubscribe anyone (RFC 8058 §3.2).
struct UnsubscribeController<Context: RequestContext> {
    let runtime: BeaconRuntime

    func addRoutes(to router: Router<Context>) {
        router.get("/u/:token") { _, context -> Response in
            let token = try context.parameters.require("token")
            guard let t = try runtime.activation.unsubscribeToken(token) else {
                return Self.page(
                    .notFound, "This unsubscribe link is not valid", "It may have been copied incompletely.")
            }
            return Self.page(
                .ok, "Unsubscribe", "Stop emails to \(Self.escape(Self.masked(t.address)))?",
                form: "/u/\(Self.escape(token))")
        }
        router.post("/u/:token") { _, context -> Response in
            let token = try context.parameters.require("token")
            guard let t = try await runtime.activation.unsubscribe(token: token) else {
                throw ProblemDetails(.notFound, detail: "the unsubscribe token is not valid", field: "token")
            }
            return Self.page(
                .ok, "You are unsubscribed", "No more emails will be sent to \(Self.escape(Self.masked(t.address))).")
        }
    }

    /// `a***@example.com`: enough for the owner to recognise, little for anyone else.
    static func masked(_ address: String) -> String {
        guard let at = address.firstIndex(of: "@") else { return "***" }
        return String(address[..<at].prefix(1)) + "***" + address[at...]
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func page(_ status: HTTPResponse.Status, _ title: String, _ text: String, form: String? = nil) -> Response {
        let button =
            form.map {
                """
                <form method="post" action="\($0)" class="stacked">
                <input type="hidden" name="List-Unsubscribe" value="One-Click">
                <button type="submit">Unsubscribe</button></form>
                """
            } ?? ""
        let html = """
            <!doctype html><html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>\(title)</title>
            <link rel="stylesheet" href="/dashboard/assets/dashboard.css"></head>
            <body><main class="login-box"><h1>\(title)</h1><p>\(text)</p>\(button)</main></body></html>
            """
        var headers = DashboardRenderer.securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
