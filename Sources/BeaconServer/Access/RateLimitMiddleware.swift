import BeaconCore
import BeaconEngine
import Foundation
import HTTPTypes
import Hummingbird

/// Token-bucket rate limits per credential and per workspace, with the standard headers.
///
/// Ingest (`/v1/*`) is limited per write key and per workspace, the token API per token and per
/// workspace, sign-in (`POST /login`) per client (the first `X-Forwarded-For` address a proxy
/// sets, else one bucket for direct clients). Each limited response carries the fields of the
/// IETF draft "RateLimit header fields for HTTP" (draft-ietf-httpapi-ratelimit-headers-09):
/// `RateLimit-Policy: "query-token";q=1200;w=60, "query-workspace";q=3000;w=60` (quota `q` per
/// window `w` seconds) and `RateLimit: "query-token";r=1199;t=1` (remaining `r` and seconds `t`
/// until the bucket is full again, for the policy closest to its limit). A refused request is
/// 429 Too Many Requests with `Retry-After` (RFC 9110 §10.2.3) in seconds and a problem naming
/// the credential; nothing of it is processed, and it takes nothing from the other buckets.
struct RateLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let runtime: BeaconRuntime
    let settings: RateLimitSettings
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let buckets = try await self.buckets(for: request)
        guard !buckets.isEmpty else { return try await next(request, context) }
        let now = Date()
        let taken = limiter.take(buckets.map { (policy: $0.policy, key: $0.key) }, now: now)
        let decisions = zip(buckets, taken).map { (policy: $0.policy, field: $0.field, decision: $1) }
        let tightest = decisions.min { a, b in
            (!a.decision.allowed ? -1 : a.decision.remaining) < (!b.decision.allowed ? -1 : b.decision.remaining)
        }!
        let policyField = decisions.map { "\"\($0.policy.name)\";q=\($0.policy.quota);w=\($0.policy.window)" }
            .joined(separator: ", ")
        let limitField = "\"\(tightest.policy.name)\";r=\(tightest.decision.remaining);t=\(tightest.decision.resetSeconds)"
        if let refused = decisions.first(where: { !$0.decision.allowed }) {
            let retry = decisions.compactMap(\.decision.retryAfterSeconds).max() ?? 1
            let body: [String: Any] = [
                "type": "about:blank", "title": "Too Many Requests", "status": 429,
                "detail": "rate limit '\(refused.policy.name)' of \(refused.policy.quota) requests per \(refused.policy.window) s reached; retry in \(retry) s",
                "field": refused.field,
            ]
            let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data()
            return Response(
                status: .tooManyRequests,
                headers: [
                    .contentType: "application/problem+json", .retryAfter: String(retry),
                    Self.rateLimitPolicy: policyField, Self.rateLimit: limitField,
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        var response = try await next(request, context)
        response.headers[Self.rateLimitPolicy] = policyField
        response.headers[Self.rateLimit] = limitField
        return response
    }

    static var rateLimitPolicy: HTTPField.Name { HTTPField.Name("RateLimit-Policy")! }
    static var rateLimit: HTTPField.Name { HTTPField.Name("RateLimit")! }

    private struct Bucket {
        var policy: RateLimitPolicy
        var key: String
        var field: String
    }

    /// The buckets a request takes from (none for unlimited routes or settings).
    private func buckets(for request: Request) async throws -> [Bucket] {
        guard let route = AccessPolicy.lookup(request.method, request.uri.path) else { return [] }
        var out: [Bucket] = []
        switch route.requirement {
        case .writeKey:
            guard let key = request.basicAuthUser else { return [] }
            if let p = settings.ingestPerKey { out.append(Bucket(policy: p, key: WriteKey.hash(key), field: "writeKey")) }
            if let p = settings.ingestPerWorkspace, let ws = try await runtime.workspaces.workspace(forWriteKey: key) {
                out.append(Bucket(policy: p, key: ws.id, field: "writeKey"))
            }
        case .token:
            guard let access = RequestAccess.current else { return [] }
            if let p = settings.queryPerToken { out.append(Bucket(policy: p, key: access.actor, field: "Authorization")) }
            if let p = settings.queryPerWorkspace, let ws = access.workspace {
                out.append(Bucket(policy: p, key: ws.id, field: "Authorization"))
            }
        case .open where route.path == "/login" && request.method == .post:
            if let p = settings.signInPerClient {
                let client = request.headers[HTTPField.Name("X-Forwarded-For")!]?
                    .split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "direct"
                out.append(Bucket(policy: p, key: client, field: "email"))
            }
        default:
            break
        }
        return out
    }
}
