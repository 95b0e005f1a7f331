import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// `GET /api/audit?profile=&from=&to=&actor=&limit=`: the workspace's audit entries, oldest
/// first — with `profile`, who read or changed that profile (by its profile id, also after
/// the profile was erased) between `from` (inclusive) and `to` (exclusive), ISO-8601 times.
///
/// Needs a token with `audit:read` (`AccessPolicy`); entries name subjects by pseudonym only.
struct AuditController<Context: RequestContext> {
    let runtime: BeaconRuntime
    static var maxLimit: Int { 10_000 }

    func addRoutes(to router: Router<Context>) {
        router.get("/api/audit") { request, _ -> Response in
            guard let workspace = RequestAccess.current?.workspace else {
                throw ProblemDetails(.unauthorized, detail: "send a workspace API token", field: "Authorization")
            }
            let q = request.uri.queryParameters
            let from = try Self.time(q["from"].map(String.init), "from")
            let to = try Self.time(q["to"].map(String.init), "to")
            if let from, let to, to < from {
                throw ProblemDetails(.badRequest, detail: "to must not be before from", field: "to")
            }
            let limit = try ProfileAPIRequest(runtime: runtime).limit(request, default: 1_000, max: Self.maxLimit)
            var subject: String?
            if let profile = q["profile"].map(String.init) {
                guard !profile.isEmpty else { throw ProblemDetails(.badRequest, detail: "profile must not be empty", field: "profile") }
                subject = try await runtime.audit.subjectReference(workspaceId: workspace.id, profileId: profile)
            }
            let entries = try await runtime.audit.store.entries(
                workspaceId: workspace.id, subject: subject, actor: q["actor"].map(String.init), from: from, to: to,
                limit: limit)
            return ProfileAPIRequest.json(.object(["entries": .array(entries.map(Self.json))]))
        }
    }

    static func time(_ text: String?, _ field: String) throws -> Date? {
        guard let text else { return nil }
        guard let date = Timestamp.parse(text) else {
            throw ProblemDetails(.badRequest, detail: "\(field) must be an ISO-8601 time such as 2026-01-31T00:00:00Z", field: field)
        }
        return date
    }

    static func json(_ e: AuditEntry) -> JSONValue {
        var o: [String: JSONValue] = [
            "sequence": .number(Double(e.sequence)), "at": .string(Timestamp.format(e.at)), "actor": .string(e.actor),
            "action": .string(e.action), "detail": .string(e.detail), "previousHash": .string(e.previousHash),
            "hash": .string(e.hash),
        ]
        o["subject"] = e.subject.map(JSONValue.string)
        return .object(o)
    }
}
