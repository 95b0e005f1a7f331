import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// `GET /api/identity/rules` and `PUT /api/identity/rules`: the token's workspace's identity
/// rules (which identifier kinds may merge profiles, per-kind limits, extra blocked values).
/// New rules apply to events from now on; `beacon rebuild` (or `POST /api/rebuild`) applies
/// them to the whole log.
struct IdentityRulesController<Context: RequestContext> {
    let api: ProfileAPIRequest

    func addRoutes(to router: Router<Context>) {
        router.get("/api/identity/rules") { request, _ -> Response in
            let (engine, ws) = try await api.authenticate(request)
            let current = try await engine.identityRules(workspaceId: ws.id)
            return ProfileAPIRequest.json(Self.json(current.rules, current.version))
        }
        router.put("/api/identity/rules") { request, _ -> Response in
            let (engine, ws) = try await api.authenticate(request)
            let body = try await api.body(request)
            let rules: IdentityRules
            do {
                rules = try IdentityRules.parse(.object(body))
            } catch let e as IdentityRulesError {
                throw ProblemDetails(.badRequest, detail: e.description, field: e.field)
            }
            let version = try await engine.setIdentityRules(workspaceId: ws.id, rules: rules)
            return ProfileAPIRequest.json(Self.json(rules, version))
        }
    }

    static func json(_ rules: IdentityRules, _ version: IdentityRulesVersion?) -> JSONValue {
        .object([
            "rules": rules.json,
            "builtInBlockedValues": .array(IdentityRules.defaultBlockedValues.sorted().map(JSONValue.string)),
            "inForceAfterSequence": version.map { .number(Double($0.afterSeq)) } ?? .null,
            "updatedAt": version.map { .string(Timestamp.format($0.updatedAt)) } ?? .null,
        ])
    }
}
