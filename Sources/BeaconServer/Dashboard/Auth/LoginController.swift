import BeaconEngine
import BeaconCore
import Foundation
import HTTPTypes
import Hummingbird

/// Sign-in and sign-out for the dashboard: `GET /login` shows the form, `POST /login`
/// checks the password and sets the session cookie, `POST /logout` ends the session.
///
/// The cookie is `HttpOnly`, `SameSite=Strict`, scoped to `/`, lasts as long as the session
/// and is `Secure` — unless `DashboardSettings.allowInsecureCookies` is set for a plain-HTTP
/// network. Over plain HTTP from another machine without that setting, sign-in is refused
/// with an explanation instead of silently failing in the browser.
struct LoginController<Context: RequestContext>: Sendable {
    let users: UserService
    let renderer: Result<DashboardRenderer, TemplateError>
    let settings: DashboardSettings
    /// Where sign-ins and failed attempts are recorded (the installation's chain).
    let audit: AuditLog

    struct LoginForm: Decodable {
        var email: String?
        var password: String?
        var next: String?
    }

    /// What the sign-in template shows.
    struct LoginView {
        var title = "Sign in"
        var email: String
        var next: String
        var error: String?
        var noUsers: Bool
    }

    func addRoutes(to router: Router<Context>) {
        router.get("/login") { request, _ in try await form(request) }
        router.post("/login") { request, _ in try await signIn(request) }
        router.post("/logout") { request, _ in try await signOut(request) }
    }

    func form(_ request: Request) async throws -> Response {
        let next = Self.safeNext(request.uri.queryParameters["next"].map(String.init))
        if let token = request.cookies[DashboardSession.cookieName]?.value,
            try await users.user(forSession: token) != nil
        {
            return Response(status: .seeOther, headers: [.location: next])
        }
        return try await page(LoginView(email: "", next: next, error: nil, noUsers: noUsers()), status: .ok)
    }

    func signIn(_ request: Request) async throws -> Response {
        let form = try await DashboardForm.decode(LoginForm.self, from: request, what: "the sign-in form")
        let email = form.email ?? ""
        let next = Self.safeNext(form.next)
        func refuse(_ message: String, _ status: HTTPResponse.Status, _ headers: HTTPFields = [:]) async throws -> Response {
            var response = try await page(
                LoginView(email: email, next: next, error: message, noUsers: noUsers()), status: status)
            for field in headers { response.headers.append(field) }
            return response
        }
        let secure = !settings.allowInsecureCookies
        if secure, !DashboardAuthMiddleware<Context>.isLoopback(request),
            request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() != "https"
        {
            return try await refuse(
                "Signing in over plain HTTP from another machine would expose your session. Put Beacon behind HTTPS "
                    + "(a proxy that sets X-Forwarded-Proto: https), or start it with --allow-insecure-cookies on a trusted network.",
                .forbidden)
        }
        guard !email.isEmpty, let password = form.password, !password.isEmpty else {
            return try await refuse("Enter your email and password.", .badRequest)
        }
        do {
            let (token, user) = try await users.signIn(email: email, password: password)
            try await audit.record(
                AuditDraft(actor: AuditActor.user(user.id), action: "user.sign-in"), workspaceId: AuditLog.installationChain)
            var response = Response(status: .seeOther, headers: [.location: next])
            response.setCookie(
                Cookie(
                    name: DashboardSession.cookieName, value: token, maxAge: Int(users.sessionLifetime), path: "/",
                    secure: secure, httpOnly: true, sameSite: .strict))
            return response
        } catch LoginError.invalidCredentials {
            // The email is not recorded: it may be anyone's, and is personal data.
            try await audit.record(
                AuditDraft(actor: "anonymous", action: "user.sign-in-failed"), workspaceId: AuditLog.installationChain)
            return try await refuse("That email and password do not match.", .unauthorized)
        } catch LoginError.throttled(let wait) {
            let minutes = Int((wait / 60).rounded(.up))
            return try await refuse(
                "Too many failed attempts for this email. Try again in \(minutes) minute\(minutes == 1 ? "" : "s").",
                .tooManyRequests, [.retryAfter: String(Int(wait.rounded(.up)))])
        }
    }

    func signOut(_ request: Request) async throws -> Response {
        if let token = request.cookies[DashboardSession.cookieName]?.value {
            try await users.signOut(token: token)
        }
        var response = Response(status: .seeOther, headers: [.location: "/login"])
        response.setCookie(
            Cookie(
                name: DashboardSession.cookieName, value: "", maxAge: 0, path: "/",
                secure: !settings.allowInsecureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    /// Only a path inside the dashboard may be a redirect target (no open redirects).
    static func safeNext(_ next: String?) -> String {
        guard let next, next == "/dashboard" || next.hasPrefix("/dashboard/") || next.hasPrefix("/dashboard?"),
            !next.contains("//"), !next.contains("\\")
        else { return "/dashboard" }
        return next
    }

    private func noUsers() async throws -> Bool {
        return try await users.store.listUsers().isEmpty
    }

    private func page(_ view: LoginView, status: HTTPResponse.Status) async throws -> Response {
        switch renderer {
        case .success(let r): return r.page("login", view, status: status)
        case .failure(let e): throw HTTPError(.internalServerError, message: e.description)
        }
    }
}
