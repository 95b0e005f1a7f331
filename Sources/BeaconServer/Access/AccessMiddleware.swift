import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// Enforces `AccessPolicy` on every request, and records reads of personal data and changes in
/// the audit log.
///
/// - A token route needs `Authorization: Bearer bt_…` of an unexpired token holding the row's
///   scope (401 naming `Authorization` when missing, unknown or expired; 403 naming `scope`
///   when the scope is missing; 403 naming `writeKey` when a write key is offered instead).
/// - A dashboard route needs the signed-in user (checked first by `DashboardAuthMiddleware`)
///   to hold at least the row's role in the workspace the request selects (`?ws=`, else the
///   one the dashboard shows by default); 403 naming `role` otherwise.
/// - A routed request with no row is refused (403 naming `route`): access fails closed.
///
/// After a successful (2xx/3xx) response of a row marked `personal`, or of any change by a
/// token or dashboard user, one entry per subject the handler noted (`AuditNotes`) — or one
/// entry without a subject — is appended before the response is returned; when that append
/// fails the response is an error, so no read of personal data goes unrecorded. A handler whose
/// service records its own entries (privacy actions) notes so (`RequestAccess.noteRecorded`) and
/// the middleware adds none, so each action leaves exactly one entry.
struct AccessMiddleware<Context: RequestContext>: RouterMiddleware {
    let runtime: BeaconRuntime
    let routed: MethodNotAllowedMiddleware<Context>.Routes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        guard let route = AccessPolicy.lookup(request.method, path) else {
            if routed.methods(for: path).contains(request.method) {
                throw ProblemDetails(
                    .forbidden, detail: "\(request.method.rawValue) \(path) has no entry in the access policy", field: "route")
            }
            return try await next(request, context)
        }
        let access: RequestAccess
        switch route.requirement {
        case .open, .writeKey, .vendorSignature:
            return try await next(request, context)
        case .token(let scope):
            access = try await tokenAccess(request, scope: scope, route: route)
        case .role(let role):
            access = try await dashboardAccess(request, role: role, route: route)
        case .installationAdmin, .signedIn:
            guard let user = DashboardSession.user else { throw Self.signInFirst }
            // Members get the users controller's own 403 page ("Administrators only") for a
            // page request; anything else is refused here.
            if route.requirement == .installationAdmin, user.role != .admin, request.method != .get {
                throw ProblemDetails(.forbidden, detail: "only an installation administrator manages users", field: "role")
            }
            access = RequestAccess(actor: AuditActor.user(user.id), workspace: nil, personalData: true, route: route)
        }
        let response = try await RequestAccess.$current.withValue(access) { try await next(request, context) }
        let changes = !(request.method == .get || request.method == .head)
        if (route.personal || changes), (200..<400).contains(response.status.code), !access.notes.recorded {
            try await record(access, method: request.method)
        }
        return response
    }

    static var signInFirst: ProblemDetails {
        ProblemDetails(
            .unauthorized, detail: "sign in to the dashboard first (no valid session)", field: DashboardSession.cookieName)
    }

    private func tokenAccess(_ request: Request, scope: AccessScope, route: RouteAccess) async throws -> RequestAccess {
        try ProfileAPIRequest.refuseWriteKey(request)
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw ProblemDetails(
                .unauthorized,
                detail: "send a workspace API token as 'Authorization: Bearer bt_…' (create one with beacon token create)",
                field: "Authorization")
        }
        let token = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
        switch try await runtime.access.check(token: token) {
        case .unknown:
            throw ProblemDetails(.unauthorized, detail: "unknown API token (a write key is not an API token)", field: "Authorization")
        case .expired(let record):
            throw ProblemDetails(
                .unauthorized, detail: "API token \(record.fingerprint) expired; create a new one with beacon token create",
                field: "Authorization")
        case .valid(let record, let workspace):
            guard record.scopes.allows(scope) else {
                throw ProblemDetails(
                    .forbidden, detail: "this API token lacks the scope \(scope) (it holds \(record.scopes))", field: "scope")
            }
            return RequestAccess(
                actor: AuditActor.token(record), workspace: workspace, personalData: record.scopes.personalData, route: route)
        }
    }

    private func dashboardAccess(_ request: Request, role: WorkspaceRole, route: RouteAccess) async throws -> RequestAccess {
        guard let user = DashboardSession.user else { throw Self.signInFirst }
        let visible = try await runtime.users.visibleWorkspaces(
            of: user, among: try await runtime.workspaces.all().sorted { $0.name < $1.name })
        let selected: Workspace?
        if let name = request.uri.queryParameters["ws"].map(String.init), !name.isEmpty {
            selected = visible.first { $0.name == name }
        } else {
            selected = visible.first { $0.name == "demo" } ?? visible.first
        }
        // No workspace (none yet, or not visible): the page itself answers as it does for everyone.
        guard let selected else {
            return RequestAccess(actor: AuditActor.user(user.id), workspace: nil, personalData: false, route: route)
        }
        guard let access = try await runtime.access.access(of: user, in: selected.id), access.role >= role else {
            throw ProblemDetails(
                .forbidden, detail: "this needs the role '\(role.rawValue)' in workspace '\(selected.name)'", field: "role")
        }
        return RequestAccess(
            actor: AuditActor.user(user.id), workspace: selected, personalData: access.personalData, route: route,
            role: access.role)
    }

    /// Appends the entries of a successful personal read or change.
    private func record(_ access: RequestAccess, method: HTTPRequest.Method) async throws {
        let chain = access.workspace?.id ?? AuditLog.installationChain
        let (profiles, details) = access.notes.taken()
        let changes = !(method == .get || method == .head)
        let action = (changes ? "change " : "read ") + "\(method.rawValue) \(access.route.path)"
        let detail = details.joined(separator: "; ")
        var drafts: [AuditDraft] = []
        for profile in profiles {
            let subject = try await runtime.audit.subjectReference(workspaceId: chain, profileId: profile)
            drafts.append(AuditDraft(actor: access.actor, action: action, subject: subject, detail: detail))
        }
        if drafts.isEmpty { drafts = [AuditDraft(actor: access.actor, action: action, detail: detail)] }
        try await runtime.audit.record(drafts, workspaceId: chain)
    }
}
