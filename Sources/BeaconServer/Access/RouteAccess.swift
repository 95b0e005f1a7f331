import BeaconCore
import HTTPTypes

/// What one route requires of its caller, and whether it reads personal data: one row of
/// `AccessPolicy.routes`.
struct RouteAccess: Sendable, Equatable {
    /// Who may call a route.
    enum Requirement: Sendable, Equatable {
        /// Anyone (health, metrics, this document, the sign-in form, static assets).
        case open
        /// A workspace write key (the tracking API); rate-limited as ingest.
        case writeKey
        /// The vendor's signature on a webhook delivery, checked by the route itself.
        case vendorSignature
        /// A workspace API token holding the scope.
        case token(AccessScope)
        /// A signed-in dashboard user with at least this role in the selected workspace (`?ws=`).
        case role(WorkspaceRole)
        /// A signed-in installation administrator (managing users).
        case installationAdmin
        /// Any signed-in dashboard user (their own account).
        case signedIn
    }

    var method: HTTPRequest.Method
    /// The router's path template (`/api/profiles/:id`).
    var path: String
    var requirement: Requirement
    /// Whether a successful call reads personal data: its fields are masked without the
    /// personal-data permission, and the read is recorded in the audit log.
    var personal: Bool

    init(_ method: HTTPRequest.Method, _ path: String, _ requirement: Requirement, personal: Bool = false) {
        self.method = method
        self.path = path
        self.requirement = requirement
        self.personal = personal
    }

    /// Whether the route answers `method` on the concrete `path` (`:name` matches one segment).
    func matches(_ method: HTTPRequest.Method, _ path: String) -> Bool {
        guard method == self.method || (method == .head && self.method == .get) else { return false }
        return matchesPath(path)
    }

    /// Whether the template matches `path`, whatever the method.
    func matchesPath(_ path: String) -> Bool {
        let template = self.path.split(separator: "/"), parts = path.split(separator: "/")
        guard template.count == parts.count else { return false }
        return zip(template, parts).allSatisfy { t, p in t.hasPrefix(":") || t == p }
    }

}
