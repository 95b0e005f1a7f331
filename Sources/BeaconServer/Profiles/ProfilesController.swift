import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// `GET /api/profiles` (search or page), `/api/profiles/{id}` (by profile id or any
/// identifier), `/api/profiles/{id}/timeline`, `/api/profiles/{id}/merges` and
/// `/api/identity/merges`, authenticated with a workspace API token.
struct ProfilesController<Context: RequestContext> {
    let api: ProfileAPIRequest

    func addRoutes(to router: Router<Context>) {
        router.get("/api/profiles") { request, _ -> Response in
            let (engine, ws) = try await api.authenticate(request)
            let limit = try api.limit(request)
            let now = try await engine.today(workspaceId: ws.id)
            let profiles: [Profile]
            if let q = request.uri.queryParameters["q"].map(String.init) {
                guard !q.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw ProblemDetails(.badRequest, detail: "q must not be empty", field: "q")
                }
                profiles = try await engine.profileStore.searchProfiles(workspaceId: ws.id, prefix: q, limit: limit)
            } else {
                let after = request.uri.queryParameters["after"].map(String.init)
                profiles = try await engine.profileStore.listProfiles(workspaceId: ws.id, after: after, limit: limit)
            }
            RequestAccess.noteSubjects(profiles.map(\.id))
            var body: [String: JSONValue] = ["profiles": .array(profiles.map { RequestAccess.masked($0.apiJSON(asOf: now)) })]
            if profiles.count == limit { body["next"] = profiles.last.map { .string($0.id) } }
            return ProfileAPIRequest.json(.object(body))
        }
        router.get("/api/profiles/:id") { request, context -> Response in
            let (engine, ws) = try await api.authenticate(request)
            let profile = try await find(engine, ws, request, context)
            return ProfileAPIRequest.json(RequestAccess.masked(profile.apiJSON(asOf: try await engine.today(workspaceId: ws.id))))
        }
        router.get("/api/profiles/:id/timeline") { request, context -> Response in
            let (engine, ws) = try await api.authenticate(request)
            let profile = try await find(engine, ws, request, context)
            let limit = try api.limit(request)
            let before = try ProfileAPIRequest.cursor(request, "before")
            let events = try await engine.profileStore.timeline(
                workspaceId: ws.id, userIds: profile.identifiers(Identifier.userId),
                anonymousIds: profile.identifiers(Identifier.anonymousId), before: before, limit: limit)
            let items = events.map { stored -> JSONValue in
                guard case .object(var o) = stored.event.json else { return stored.event.json }
                o["sequence"] = .number(Double(stored.sequence))
                return RequestAccess.masked(.object(o))
            }
            var body: [String: JSONValue] = ["profile": .string(profile.id), "events": .array(items)]
            if events.count == limit { body["next"] = events.last.map { .number(Double($0.sequence)) } }
            return ProfileAPIRequest.json(.object(body))
        }
        router.get("/api/profiles/:id/merges") { request, context -> Response in
            let (engine, ws) = try await api.authenticate(request)
            let profile = try await find(engine, ws, request, context)
            let merges = try await engine.profileStore.identityMerges(workspaceId: ws.id, profileId: profile.id, limit: try api.limit(request))
            return ProfileAPIRequest.json(
                .object(["profile": .string(profile.id), "merges": .array(merges.map { RequestAccess.masked($0.apiJSON) })]))
        }
        router.get("/api/identity/merges") { request, _ -> Response in
            let (engine, ws) = try await api.authenticate(request)
            let merges = try await engine.profileStore.identityMerges(workspaceId: ws.id, profileId: nil, limit: try api.limit(request))
            RequestAccess.noteSubjects(merges.flatMap { [$0.into, $0.from] })
            return ProfileAPIRequest.json(.object(["merges": .array(merges.map { RequestAccess.masked($0.apiJSON) })]))
        }
    }

    /// The profile named by the path: a profile id, or any identifier value (`?kind=email`
    /// to restrict the kind). Emails match case-insensitively.
    private func find(_ engine: ProfileEngine, _ ws: Workspace, _ request: Request, _ context: Context) async throws -> Profile {
        let key = try context.parameters.require("id")
        let store = engine.profileStore
        if let p = try await store.profile(workspaceId: ws.id, id: key) {
            RequestAccess.noteSubjects([p.id])
            return p
        }
        let kind = request.uri.queryParameters["kind"].map(String.init)
        var id = try await store.profileId(workspaceId: ws.id, identifierValue: key, kind: kind)
        if id == nil, let email = Identifier.normalisedEmail(key) {
            id = try await store.profileId(workspaceId: ws.id, identifierValue: email, kind: Identifier.email)
        }
        guard let id, let p = try await store.profile(workspaceId: ws.id, id: id) else {
            throw ProblemDetails(.notFound, detail: "no profile with id or identifier '\(key)'", field: "id")
        }
        RequestAccess.noteSubjects([p.id])
        return p
    }
}
