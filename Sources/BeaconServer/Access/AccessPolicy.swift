import BeaconCore
import BeaconEngine
import HTTPTypes

/// The one table of who may call which route: every route the router serves has exactly one
/// row here, and `AccessMiddleware` refuses a routed request that has none (a test generated
/// from this table checks every route × role × scope).
///
/// Adding a route means adding one line: `RouteAccess(.get, "/api/things/:id", .token(scope(.things, .read)))`.
enum AccessPolicy {
    private static func scope(_ r: AccessScope.Resource, _ a: AccessScope.Action) -> RouteAccess.Requirement {
        .token(AccessScope(r, a))
    }

    static let routes: [RouteAccess] =
        [
            // Open
            RouteAccess(.get, "/", .open),
            RouteAccess(.get, "/healthz", .open),
            RouteAccess(.get, "/metrics", .open),
            RouteAccess(.get, "/openapi.json", .open),
            RouteAccess(.get, "/login", .open),
            RouteAccess(.post, "/login", .open),
            RouteAccess(.post, "/logout", .open),
            RouteAccess(.get, "/dashboard/assets/dashboard.css", .open),
            RouteAccess(.get, "/dashboard/assets/dashboard.js", .open),
            // Tracking and webhook sources
            RouteAccess(.post, "/v1/sources/:sourceId", .vendorSignature),
        ]
        + IngestEndpoint.allCases.map { RouteAccess(.post, "/v1/\($0.rawValue)", .writeKey) }
        + [
            // Token API: events, profiles, identity
            RouteAccess(.get, "/api/events", scope(.events, .read), personal: true),
            RouteAccess(.get, "/api/profiles", scope(.profiles, .read), personal: true),
            RouteAccess(.get, "/api/profiles/:id", scope(.profiles, .read), personal: true),
            RouteAccess(.get, "/api/profiles/:id/timeline", scope(.profiles, .read), personal: true),
            RouteAccess(.get, "/api/profiles/:id/merges", scope(.profiles, .read), personal: true),
            RouteAccess(.get, "/api/identity/merges", scope(.identity, .read), personal: true),
            RouteAccess(.get, "/api/identity/rules", scope(.identity, .read)),
            RouteAccess(.put, "/api/identity/rules", scope(.identity, .write)),
            RouteAccess(.post, "/api/rebuild", scope(.profiles, .write)),
            RouteAccess(.get, "/api/rebuild", scope(.profiles, .read)),
            // Segments
            RouteAccess(.get, "/api/segments", scope(.segments, .read)),
            RouteAccess(.post, "/api/segments", scope(.segments, .write)),
            RouteAccess(.post, "/api/segments/preview", scope(.segments, .read), personal: true),
            RouteAccess(.get, "/api/segments/overlap", scope(.segments, .read)),
            RouteAccess(.get, "/api/segments/recompute", scope(.segments, .read)),
            RouteAccess(.post, "/api/segments/recompute", scope(.segments, .write)),
            RouteAccess(.get, "/api/segments/:id", scope(.segments, .read)),
            RouteAccess(.put, "/api/segments/:id", scope(.segments, .write)),
            RouteAccess(.delete, "/api/segments/:id", scope(.segments, .write)),
            RouteAccess(.get, "/api/segments/:id/members", scope(.segments, .read), personal: true),
            RouteAccess(.get, "/api/segments/:id/replayed-sizes", scope(.segments, .read)),
            RouteAccess(.get, "/api/segments/:id/changes", scope(.segments, .read), personal: true),
            RouteAccess(.get, "/api/segments/:id/export.csv", scope(.segments, .read), personal: true),
            // Recommendations and lookalikes
            RouteAccess(.get, "/api/profiles/:id/recommendations", scope(.profiles, .read), personal: true),
            RouteAccess(.get, "/api/recommendations/rules", scope(.profiles, .read)),
            RouteAccess(.post, "/api/segments/:id/lookalike", scope(.segments, .write), personal: true),
            // Destinations and activations
            RouteAccess(.post, "/api/destinations", scope(.destinations, .write)),
            RouteAccess(.get, "/api/destinations", scope(.destinations, .read)),
            RouteAccess(.get, "/api/destinations/:id", scope(.destinations, .read)),
            RouteAccess(.delete, "/api/destinations/:id", scope(.destinations, .write)),
            RouteAccess(.post, "/api/destinations/:id/pause", scope(.destinations, .write)),
            RouteAccess(.post, "/api/destinations/:id/resume", scope(.destinations, .write)),
            RouteAccess(.post, "/api/destinations/:id/rotate-secret", scope(.destinations, .write)),
            RouteAccess(.post, "/api/destinations/:id/test", scope(.destinations, .write)),
            RouteAccess(.get, "/api/destinations/:id/messages", scope(.destinations, .read), personal: true),
            RouteAccess(.get, "/api/destinations/:id/dead-letters", scope(.destinations, .read), personal: true),
            RouteAccess(.post, "/api/destinations/:id/dead-letters/replay", scope(.destinations, .write)),
            RouteAccess(.post, "/api/activations", scope(.activations, .write)),
            RouteAccess(.get, "/api/activations", scope(.activations, .read)),
            RouteAccess(.get, "/api/activations/:id", scope(.activations, .read)),
            RouteAccess(.delete, "/api/activations/:id", scope(.activations, .write)),
            RouteAccess(.post, "/api/activations/:id/sync", scope(.activations, .write)),
            // Journeys
            RouteAccess(.post, "/api/journeys", scope(.journeys, .write)),
            RouteAccess(.get, "/api/journeys", scope(.journeys, .read)),
            RouteAccess(.get, "/api/journeys/:id", scope(.journeys, .read)),
            RouteAccess(.put, "/api/journeys/:id/draft", scope(.journeys, .write)),
            RouteAccess(.delete, "/api/journeys/:id", scope(.journeys, .write)),
            RouteAccess(.post, "/api/journeys/:id/dry-run", scope(.journeys, .read), personal: true),
            RouteAccess(.get, "/api/journeys/:id/experiments", scope(.journeys, .read)),
            RouteAccess(.get, "/api/journeys/:id/funnel", scope(.journeys, .read)),
            // Email suppressions (addresses: personal) and the one-click unsubscribe link (its token is the credential)
            RouteAccess(.get, "/api/email-suppressions", scope(.destinations, .read), personal: true),
            RouteAccess(.post, "/api/email-suppressions", scope(.destinations, .write)),
            RouteAccess(.delete, "/api/email-suppressions/:address", scope(.destinations, .write)),
            RouteAccess(.get, "/u/:token", .open),
            RouteAccess(.post, "/u/:token", .open),
            // Privacy: data-subject export, erasure, suppression, consent, retention
            RouteAccess(.get, "/api/privacy/export", scope(.privacy, .read), personal: true),
            RouteAccess(.get, "/api/privacy/consent", scope(.privacy, .read), personal: true),
            RouteAccess(.post, "/api/privacy/erasures", scope(.privacy, .write)),
            RouteAccess(.get, "/api/privacy/erasures/:id", scope(.privacy, .read)),
            RouteAccess(.get, "/api/privacy/suppressions", scope(.privacy, .read)),
            RouteAccess(.post, "/api/privacy/suppressions", scope(.privacy, .write)),
            RouteAccess(.delete, "/api/privacy/suppressions/:id", scope(.privacy, .write)),
            RouteAccess(.get, "/api/privacy/retention", scope(.privacy, .read)),
            RouteAccess(.put, "/api/privacy/retention", scope(.privacy, .write)),
            RouteAccess(.post, "/api/privacy/retention/run", scope(.privacy, .write)),
            // Audit
            RouteAccess(.get, "/api/audit", scope(.audit, .read)),
            // Reports: aggregates of customers and orders, no one's personal data
            RouteAccess(.get, "/api/reports/executive.pdf", scope(.profiles, .read)),
            // Forecast: modelled revenue in aggregate, no one's personal data
            RouteAccess(.get, "/api/forecast", scope(.profiles, .read)),
            // Scheduled reports mail through an email destination
            RouteAccess(.get, "/api/reports/schedules", scope(.destinations, .read)),
            RouteAccess(.post, "/api/reports/schedules", scope(.destinations, .write)),
            RouteAccess(.get, "/api/reports/schedules/:id", scope(.destinations, .read)),
            RouteAccess(.delete, "/api/reports/schedules/:id", scope(.destinations, .write)),
            RouteAccess(.post, "/api/reports/schedules/:id/pause", scope(.destinations, .write)),
            RouteAccess(.post, "/api/reports/schedules/:id/resume", scope(.destinations, .write)),
            RouteAccess(.post, "/api/reports/schedules/:id/send", scope(.destinations, .write)),
            RouteAccess(.get, "/api/reports/schedules/:id/runs", scope(.destinations, .read)),
            // Dashboard pages (role in the selected workspace)
            RouteAccess(.get, "/dashboard", .role(.viewer)),
            RouteAccess(.get, "/dashboard/attribution", .role(.viewer)),
            RouteAccess(.get, "/dashboard/personas", .role(.viewer)),
            RouteAccess(.get, "/dashboard/feedback", .role(.viewer)),
            RouteAccess(.get, "/dashboard/channels", .role(.viewer)),
            RouteAccess(.get, "/dashboard/optimiser", .role(.viewer)),
            RouteAccess(.get, "/dashboard/data", .role(.viewer), personal: true),
            RouteAccess(.get, "/dashboard/customers", .role(.viewer), personal: true),
            RouteAccess(.get, "/dashboard/segments", .role(.viewer)),
            RouteAccess(.get, "/dashboard/report.pdf", .role(.viewer)),
            RouteAccess(.get, "/dashboard/reports", .role(.viewer)),
            RouteAccess(.post, "/dashboard/reports", .role(.member)),
            RouteAccess(.get, "/dashboard/reports/:id/preview", .role(.viewer)),
        ]
        + ReportsPage.actions.map { RouteAccess(.post, "/dashboard/reports/:id/\($0)", .role(.member)) }
        + [
            RouteAccess(.get, "/dashboard/segments/new", .role(.member)),
            RouteAccess(.get, "/dashboard/segments/:id", .role(.viewer), personal: true),
            RouteAccess(.get, "/dashboard/segments/:id/edit", .role(.member)),
            RouteAccess(.get, "/dashboard/segments/:id/export.csv", .role(.viewer), personal: true),
            RouteAccess(.post, "/dashboard/api/segments/preview", .role(.member), personal: true),
            RouteAccess(.post, "/dashboard/api/segments", .role(.member)),
            RouteAccess(.put, "/dashboard/api/segments/:id", .role(.member)),
            RouteAccess(.get, "/dashboard/api/mmm", .role(.viewer)),
            RouteAccess(.post, "/dashboard/api/whatif", .role(.viewer)),
            RouteAccess(.get, "/dashboard/api/events", .role(.viewer), personal: true),
            RouteAccess(.get, "/dashboard/api/imports", .role(.viewer)),
            RouteAccess(.get, "/dashboard/cohorts", .role(.viewer)),
            RouteAccess(.get, "/dashboard/paths", .role(.viewer)),
            RouteAccess(.get, "/dashboard/api/cohorts", .role(.viewer)),
            RouteAccess(.get, "/dashboard/api/paths", .role(.viewer)),
            RouteAccess(.get, "/dashboard/journeys", .role(.viewer)),
            RouteAccess(.get, "/dashboard/journeys/:id", .role(.viewer)),
            RouteAccess(.get, "/dashboard/destinations", .role(.viewer)),
            RouteAccess(.get, "/dashboard/destinations/:id", .role(.viewer), personal: true),
            RouteAccess(.post, "/dashboard/destinations/webhook", .role(.admin)),
            RouteAccess(.post, "/dashboard/destinations/email", .role(.admin)),
            RouteAccess(.post, "/dashboard/destinations/activate", .role(.admin)),
            RouteAccess(.post, "/dashboard/email-suppressions/add", .role(.admin)),
            RouteAccess(.post, "/dashboard/email-suppressions/remove", .role(.admin)),
        ]
        + ["publish", "rollback", "pause", "resume"].map {
            RouteAccess(.post, "/api/journeys/:id/\($0)", scope(.journeys, .write))
        }
        + ["test", "pause", "resume", "rotate-secret", "replay"].map {
            RouteAccess(.post, "/dashboard/destinations/:id/\($0)", .role(.admin))
        }
        + [
            RouteAccess(.post, "/dashboard/data/keys", .role(.admin)),
            RouteAccess(.post, "/dashboard/data/keys/revoke", .role(.admin)),
            RouteAccess(.post, "/dashboard/data/import", .role(.member)),
            // Roles in the selected workspace (its admins and owners, up to their own role)
            RouteAccess(.get, "/dashboard/people", .role(.admin)),
            RouteAccess(.post, "/dashboard/people", .role(.admin)),
            // Dashboard users and accounts
            RouteAccess(.get, "/dashboard/users", .installationAdmin),
            RouteAccess(.post, "/dashboard/users", .installationAdmin),
            RouteAccess(.post, "/dashboard/users/grant", .installationAdmin),
            RouteAccess(.post, "/dashboard/users/revoke", .installationAdmin),
            RouteAccess(.post, "/dashboard/users/delete", .installationAdmin),
            RouteAccess(.get, "/dashboard/account", .signedIn),
            RouteAccess(.post, "/dashboard/account/password", .signedIn),
        ]

    /// The row for a request: of the templates matching the path, the one the router picks
    /// (`RouteTemplate`: literal segments first, whatever the method), then its row for the
    /// method; nil when that template has no row for the method (the router then answers 405).
    static func lookup(_ method: HTTPRequest.Method, _ path: String) -> RouteAccess? {
        let candidates = routes.filter { $0.matchesPath(path) }
        let literalness = { (r: RouteAccess) in RouteTemplate.literalness(r.path.split(separator: "/")) }
        guard let best = candidates.map(literalness).max(by: RouteTemplate.lessLiteral) else { return nil }
        return candidates.first { literalness($0) == best && $0.matches(method, path) }
    }
}
