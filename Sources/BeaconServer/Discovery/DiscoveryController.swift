import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// Product recommendations and lookalike audiences over HTTP: a profile's recommended
/// products, the workspace's association rules, and growing a lookalike segment from a seed
/// segment, authenticated with a workspace API token. Every answer is as of a date (`as_of`,
/// default the workspace's today), never the wall clock.
struct DiscoveryController<Context: RequestContext> {
    let api: ProfileAPIRequest

    func addRoutes(to router: Router<Context>) {
        router.get("/api/profiles/:id/recommendations") { request, context -> Response in
            let (engine, ws) = try await api.authenticate(request)
            let key = try context.parameters.require("id")
            let k = try api.integer(request, "k", default: 5, range: 1...100)
            let strategy = request.uri.queryParameters["strategy"].map(String.init) ?? "co-occurrence"
            guard ProductRecommendations.strategies.contains(strategy) else {
                throw ProblemDetails(
                    .badRequest, detail: "strategy must be one of \(ProductRecommendations.strategies.joined(separator: ", "))",
                    field: "strategy")
            }
            let seed = try ProfileAPIRequest.cursor(request, "seed", of: "a seed") ?? 0
            let asOf = try await Self.asOf(request, engine, ws)
            let profile = try await Self.profile(engine, ws, key)
            let items = try await ProblemDetails.answering {
                try await api.runtime.recommendations.recommend(
                    workspaceId: ws.id, persons: Set(profile.identifiers.map(\.value)), asOf: asOf, k: k,
                    strategy: strategy, seed: UInt64(seed))
            }
            return ProfileAPIRequest.json([
                "profile": .string(profile.id), "strategy": .string(strategy), "asOf": .string(Timestamp.format(asOf)),
                "products": .array(items.map { r in
                    var o: [String: JSONValue] = ["item": .string(r.item), "score": .number(r.score)]
                    o["name"] = r.name.map(JSONValue.string)
                    return .object(o)
                }),
            ])
        }
        router.get("/api/recommendations/rules") { request, _ -> Response in
            let (engine, ws) = try await api.authenticate(request)
            let minSupport = try Self.number(request, "min_support", default: 0.05, range: 0.005...1)
            let metric = request.uri.queryParameters["metric"].map(String.init) ?? "lift"
            guard ProductRecommendations.metrics.contains(metric) else {
                throw ProblemDetails(
                    .badRequest, detail: "metric must be one of \(ProductRecommendations.metrics.joined(separator: ", "))",
                    field: "metric")
            }
            let threshold = try Self.number(request, "min_threshold", default: 1, range: -1e6...1e6)
            let maxLength = try api.integer(request, "max_length", default: 4, range: 2...6)
            let limit = try api.limit(request, default: 100, max: 1_000)
            let asOf = try await Self.asOf(request, engine, ws)
            let set = try await ProblemDetails.answering {
                try await api.runtime.recommendations.rules(
                    workspaceId: ws.id, asOf: asOf, minSupport: minSupport, metric: metric, minThreshold: threshold,
                    maxLength: maxLength, limit: limit)
            }
            func items(_ ids: [String]) -> JSONValue {
                .array(ids.map { id in
                    var o: [String: JSONValue] = ["item": .string(id)]
                    o["name"] = set.names[id].map(JSONValue.string)
                    return .object(o)
                })
            }
            return ProfileAPIRequest.json([
                "asOf": .string(Timestamp.format(asOf)), "baskets": .number(Double(set.basketCount)),
                "metric": .string(metric),
                "rules": .array(set.rules.map { r in
                    [
                        "antecedents": items(r.antecedents), "consequents": items(r.consequents),
                        "antecedentSupport": .number(r.antecedentSupport), "consequentSupport": .number(r.consequentSupport),
                        "support": .number(r.support), "confidence": .number(r.confidence), "lift": .number(r.lift),
                        "leverage": .number(r.leverage),
                        // JSON has no infinity: a rule that always holds has conviction null.
                        "conviction": r.conviction.isFinite ? .number(r.conviction) : .null,
                    ]
                }),
            ])
        }
        router.post("/api/segments/:id/lookalike") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let seedId = try context.parameters.require("id")
            let body = try await api.body(request)
            guard let percent = body["size_percent"]?.doubleValue, percent.isFinite else {
                throw ProblemDetails(.badRequest, detail: "size_percent is required: a number from 1 to 10", field: "size_percent")
            }
            var name: String?
            if let n = body["name"] {
                guard let text = n.stringValue else { throw ProblemDetails(.badRequest, detail: "name must be a string", field: "name") }
                name = text
            }
            var asOf: Date?
            if let a = body["as_of"] {
                guard let text = a.stringValue, let date = WorkspaceToday.endOfDay(parsing: text) else {
                    throw ProblemDetails(.badRequest, detail: "as_of must be a date, YYYY-MM-DD", field: "as_of")
                }
                asOf = date
            }
            let audience = try await ProblemDetails.answering {
                try await api.runtime.lookalike(
                    workspaceId: ws.id, seedSegmentId: seedId, sizePercent: percent, asOf: asOf, name: name)
            }
            RequestAccess.noteSubjects(audience.members.map(\.profileId))
            return ProfileAPIRequest.json([
                "segment": .object([
                    "id": .string(audience.segment.id), "name": .string(audience.segment.name),
                    "description": .string(audience.segment.description), "size": .number(Double(audience.members.count)),
                ]),
                "seedSegment": .string(audience.seedSegmentId), "sizePercent": .number(audience.sizePercent),
                "asOf": .string(Timestamp.format(audience.asOf)), "seedBuyers": .number(Double(audience.seedBuyers)),
                "population": .number(Double(audience.population)),
                "features": .array(audience.features.map(JSONValue.string)),
                "members": .array(audience.members.map { m in
                    [
                        "profile": .string(m.profileId), "rank": .number(Double(m.rank)), "score": .number(m.score),
                        "reasons": .array(m.reasons.map(JSONValue.string)),
                    ]
                }),
            ], status: .created)
        }
    }

    /// `as_of` (YYYY-MM-DD, the end of that day) or the workspace's today.
    static func asOf(_ request: Request, _ engine: ProfileEngine, _ ws: Workspace) async throws -> Date {
        guard let text = request.uri.queryParameters["as_of"].map(String.init) else {
            return try await engine.today(workspaceId: ws.id)
        }
        guard let date = WorkspaceToday.endOfDay(parsing: text) else {
            throw ProblemDetails(.badRequest, detail: "as_of must be a date, YYYY-MM-DD", field: "as_of")
        }
        return date
    }

    /// A finite decimal query parameter within `range`.
    static func number(_ request: Request, _ name: String, default value: Double, range: ClosedRange<Double>) throws
        -> Double
    {
        guard let text = request.uri.queryParameters[Substring(name)] else { return value }
        guard let n = Double(text), n.isFinite, range.contains(n) else {
            throw ProblemDetails(
                .badRequest, detail: "\(name) must be a number from \(range.lowerBound) to \(range.upperBound)", field: name)
        }
        return n
    }

    /// The profile a path names: a profile id or any identifier value.
    static func profile(_ engine: ProfileEngine, _ ws: Workspace, _ key: String) async throws -> Profile {
        let store = engine.profileStore
        var found = try await store.profile(workspaceId: ws.id, id: key)
        if found == nil, let id = try await store.profileId(workspaceId: ws.id, identifierValue: key, kind: nil) {
            found = try await store.profile(workspaceId: ws.id, id: id)
        }
        guard let found else { throw ProblemDetails(.notFound, detail: "no profile with id or identifier '\(key)'", field: "id") }
        RequestAccess.noteSubjects([found.id])
        return found
    }
}
