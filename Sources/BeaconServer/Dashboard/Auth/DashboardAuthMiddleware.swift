import BeaconEngine
import BeaconCore
import Foundation
import HTTPTypes
import Hummingbird

/// Guards the dashboard: every page and JSON endpoint under `/dashboard` (its static
/// assets aside) needs a signed-in session, and every state-changing request to the
/// dashboard or the sign-in forms must come from the dashboard's own origin.
///
/// - A page request without a valid session is redirected to `/login?next=…`; a JSON or
///   state-changing request gets a 401 problem naming the `beacon_session` cookie.
/// - Cross-site request forgery is refused twice over: the cookie is `SameSite=Strict`, and
///   a POST/PUT/PATCH/DELETE must carry an `Origin` that matches the request's host (or,
///   without a usable `Origin`, `Sec-Fetch-Site: same-origin`, which scripts cannot forge) — browsers always send one of them, other clients use the
///   token API instead.
struct DashboardAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let users: UserService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        let dashboard = Self.isProtected(path)
        if dashboard || path == "/login" || path == "/logout", !Self.isSafe(request.method) {
            guard Self.isSameOrigin(request) else {
                throw ProblemDetails(
                    .forbidden, detail: "a cross-origin request to the dashboard was refused", field: "Origin")
            }
        }
        guard dashboard else { return try await next(request, context) }
        let token = request.cookies[DashboardSession.cookieName]?.value
        guard let token, let user = try await users.user(forSession: token) else {
            if request.method == .get, !path.hasPrefix("/dashboard/api/") {
                let target = path + (request.uri.query.map { "?" + $0 } ?? "")
                return Response(
                    status: .seeOther, headers: [.location: "/login?next=" + DashboardQuery.encode(target)])
            }
            throw ProblemDetails(
                .unauthorized, detail: "sign in to the dashboard first (no valid session)",
                field: DashboardSession.cookieName)
        }
        return try await DashboardSession.$user.withValue(user) { try await next(request, context) }
    }

    /// Dashboard paths that need a session: everything under `/dashboard` but its assets.
    static func isProtected(_ path: String) -> Bool {
        (path == "/dashboard" || path.hasPrefix("/dashboard/")) && !path.hasPrefix("/dashboard/assets/")
    }

    static func isSafe(_ method: HTTPRequest.Method) -> Bool {
        method == .get || method == .head || method == .options
    }

    /// Whether the browser says the request comes from a page of this same host.
    static func isSameOrigin(_ request: Request) -> Bool {
        // `Origin: null` (sent under a no-referrer policy, or from sandboxed frames) says
        // nothing either way: decide by the browser's Sec-Fetch-Site then.
        if let origin = request.headers[.origin], origin != "null" {
            guard let authority = request.head.authority, let url = URL(string: origin), let originHost = url.host
            else { return false }
            let (host, port) = split(authority)
            guard originHost.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]")) == host else {
                return false
            }
            // Behind a TLS proxy the origin has no port while the forwarded Host may keep one.
            return url.port == nil || url.port == port
        }
        return request.headers[HTTPField.Name("Sec-Fetch-Site")!] == "same-origin"
    }

    /// `host[:port]` or `[v6]:port` into a lower-cased host without brackets and its port.
    static func split(_ authority: String) -> (host: String, port: Int?) {
        let a = authority.lowercased()
        if a.hasPrefix("["), let close = a.firstIndex(of: "]") {
            let host = String(a[a.index(after: a.startIndex)..<close])
            let rest = a[a.index(after: close)...]
            return (host, rest.hasPrefix(":") ? Int(rest.dropFirst()) : nil)
        }
        let parts = a.split(separator: ":", maxSplits: 1)
        return (parts.first.map(String.init) ?? a, parts.count == 2 ? Int(parts[1]) : nil)
    }

    /// Whether the request reached us on the machine itself (a browser there treats
    /// `http://127.0.0.1` and `http://localhost` as secure, so Secure cookies work).
    static func isLoopback(_ request: Request) -> Bool {
        let host = split(request.head.authority ?? "").host
        return host == "localhost" || host.hasPrefix("127.") || host == "::1"
    }
}
