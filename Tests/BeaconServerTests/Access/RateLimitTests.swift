import BeaconCore
import BeaconEngine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Token buckets (hand-computed) and the HTTP behaviour: 429 with `Retry-After`, `RateLimit`
/// and `RateLimit-Policy` (draft-ietf-httpapi-ratelimit-headers-09), ingest apart from queries
/// and sign-in, per token and per workspace, and nothing when limits are off.
@Suite("Rate limits")
struct RateLimitTests {
    static let policy = HTTPField.Name("RateLimit-Policy")!
    static let limit = HTTPField.Name("RateLimit")!

    @Test("A bucket of 3 refilled at 0.05/s: three pass, the fourth waits 20 s, one token is back after 20 s")
    func bucket() {
        let t0 = Date(timeIntervalSince1970: 1_000)
        var b = TokenBucket(capacity: 3, refillPerSecond: 0.05, now: t0)
        // remaining 2, 1, 0; full again in (3 − r) / 0.05 s = 20, 40, 60.
        #expect(b.take(at: t0) == .init(allowed: true, remaining: 2, resetSeconds: 20, retryAfterSeconds: nil))
        #expect(b.take(at: t0) == .init(allowed: true, remaining: 1, resetSeconds: 40, retryAfterSeconds: nil))
        #expect(b.take(at: t0) == .init(allowed: true, remaining: 0, resetSeconds: 60, retryAfterSeconds: nil))
        #expect(b.take(at: t0) == .init(allowed: false, remaining: 0, resetSeconds: 60, retryAfterSeconds: 20))
        // 10 s later half a token: still refused, 10 s to wait.
        #expect(b.take(at: t0 + 10) == .init(allowed: false, remaining: 0, resetSeconds: 50, retryAfterSeconds: 10))
        #expect(b.take(at: t0 + 20).allowed)
        // A clock stepping back refills nothing.
        #expect(!b.take(at: t0).allowed)
    }

    @Test("Policies parse N/Ws, N/Wm, N/Wh and name the variable when they do not")
    func parsing() throws {
        #expect(try RateLimitPolicy(name: "x", parsing: "600/1m", variable: "V") == RateLimitPolicy(name: "x", quota: 600, window: 60))
        #expect(try RateLimitPolicy(name: "x", parsing: "5/2h", variable: "V").window == 7_200)
        #expect(throws: AuditError.self) { try RateLimitPolicy(name: "x", parsing: "ten/1s", variable: "V") }
        let settings = try RateLimitSettings.fromEnvironment(["BEACON_RATE_LIMIT_QUERY_TOKEN": "10/1s", "BEACON_RATE_LIMIT_SIGN_IN": "off"])
        #expect(settings.queryPerToken == RateLimitPolicy(name: "query-token", quota: 10, window: 1))
        #expect(settings.signInPerClient == nil)
        #expect(settings.ingestPerKey == RateLimitSettings.standard.ingestPerKey)
        #expect(try RateLimitSettings.fromEnvironment(["BEACON_RATE_LIMITS": "off"]) == .off)
    }

    /// `"name";r=R;t=T` split into its parts.
    static func field(_ text: String?) -> (name: String, remaining: Int, reset: Int)? {
        guard let text else { return nil }
        let parts = text.split(separator: ";")
        guard parts.count == 3, let r = Int(parts[1].dropFirst(2)), let t = Int(parts[2].dropFirst(2)) else { return nil }
        return (String(parts[0]).trimmingCharacters(in: CharacterSet(charactersIn: "\"")), r, t)
    }

    /// Whether `value` is `expected` seconds, less what a slow machine may have spent since (≤ 10 minutes).
    static func near(_ value: Int?, _ expected: Int) -> Bool {
        guard let value else { return false }
        return value <= expected && value >= expected - 600
    }

    @Test("Queries: headers on every answer, 429 with Retry-After after the quota, per token; ingest and sign-in apart")
    func http() async throws {
        let server = try await AccessTestServer.make()
        let (ws, key) = try await server.workspace("limits")
        let (other, _) = try await server.workspace("limits-other")
        let a = try await server.token(ws, "*"), b = try await server.token(ws, "*"), c = try await server.token(other, "*")
        // Day-long windows, so the refill while the test runs (even on a loaded machine) stays far below one request.
        let limits = RateLimitSettings(
            ingestPerKey: RateLimitPolicy(name: "ingest-key", quota: 2, window: 86_400),
            queryPerToken: RateLimitPolicy(name: "query-token", quota: 3, window: 86_400),
            queryPerWorkspace: RateLimitPolicy(name: "query-workspace", quota: 5, window: 86_400),
            signInPerClient: RateLimitPolicy(name: "sign-in", quota: 1, window: 86_400))
        try await server.app(rateLimits: limits).test(.router) { client in
            func query(_ token: String) async throws -> TestResponse {
                try await client.execute(uri: "/api/segments", method: .get, headers: [.authorization: "Bearer \(token)"])
            }
            let first = try await query(a)
            #expect(first.status == .ok)
            #expect(first.headers[Self.policy] == #""query-token";q=3;w=86400, "query-workspace";q=5;w=86400"#)
            // Token bucket 3 → 2 left, full again after (3 − 2) / (3/86400) = 28,800 s.
            let f1 = Self.field(first.headers[Self.limit])
            #expect(f1?.name == "query-token" && f1?.remaining == 2 && Self.near(f1?.reset, 28_800))
            _ = try await query(a)
            let third = try await query(a)
            let f3 = Self.field(third.headers[Self.limit])
            #expect(f3?.name == "query-token" && f3?.remaining == 0 && Self.near(f3?.reset, 86_400))
            let refused = try await query(a)
            #expect(refused.status == .tooManyRequests)
            // One token takes 1 / (3/86400) = 28,800 s.
            #expect(Self.near(refused.headers[.retryAfter].flatMap { Int($0) }, 28_800))
            #expect(Self.field(refused.headers[Self.limit])?.remaining == 0)
            #expect(problem(refused)["field"] as? String == "Authorization")
            // Another token of the same workspace has its own bucket but shares the workspace's 5;
            // the refused request took nothing from the workspace (3 used, 2 left).
            let b1 = try await query(b)
            #expect(b1.status == .ok)
            let fb1 = Self.field(b1.headers[Self.limit])
            #expect(fb1?.name == "query-workspace" && fb1?.remaining == 1)
            let shared = try await query(b)
            #expect(shared.status == .ok)
            let fs = Self.field(shared.headers[Self.limit])
            #expect(fs?.name == "query-workspace" && fs?.remaining == 0 && Self.near(fs?.reset, 86_400))
            let workspaceRefused = try await query(b)
            #expect(workspaceRefused.status == .tooManyRequests)
            #expect(Self.near(workspaceRefused.headers[.retryAfter].flatMap { Int($0) }, 17_280))  // 1 / (5/86400)
            // Another workspace is untouched.
            #expect(try await query(c).status == .ok)

            // Ingest has its own buckets: queries being refused does not stop tracking.
            func track() async throws -> TestResponse {
                try await client.execute(
                    uri: "/v1/track", method: .post,
                    headers: [.authorization: "Basic " + Data("\(key):".utf8).base64EncodedString(), .contentType: "application/json"],
                    body: ByteBuffer(string: #"{"userId": "u", "event": "E"}"#))
            }
            #expect(try await track().status == .ok)
            let second = try await track()
            #expect(Self.field(second.headers[Self.limit])?.name == "ingest-key")
            #expect(Self.field(second.headers[Self.limit])?.remaining == 0)
            let ingestRefused = try await track()
            #expect(ingestRefused.status == .tooManyRequests)
            #expect(Self.near(ingestRefused.headers[.retryAfter].flatMap { Int($0) }, 43_200))
            #expect(problem(ingestRefused)["field"] as? String == "writeKey")

            // Sign-in: one attempt here, then 429 before the password is even checked.
            func signIn() async throws -> TestResponse {
                try await client.execute(
                    uri: "/login", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .origin: "http://localhost"],
                    body: ByteBuffer(string: "email=nobody%40example.com&password=wrong"))
            }
            #expect(try await signIn().status != .tooManyRequests)
            let signInRefused = try await signIn()
            #expect(signInRefused.status == .tooManyRequests)
            #expect(Self.near(signInRefused.headers[.retryAfter].flatMap { Int($0) }, 86_400))
        }
        // Two events stored: the refused request stored nothing.
        #expect(try await server.runtime.stores.events.eventCount(in: ws.id) == 2)
    }

    @Test("With limits off (the tests' default) there are no headers and no 429")
    func off() async throws {
        let server = try await AccessTestServer.make()
        let (ws, _) = try await server.workspace("unlimited")
        let token = try await server.token(ws, "*")
        try await server.app().test(.router) { client in
            for _ in 0..<50 {
                let r = try await client.execute(uri: "/api/segments", method: .get, headers: [.authorization: "Bearer \(token)"])
                #expect(r.status == .ok)
                #expect(r.headers[Self.limit] == nil)
            }
        }
    }
}
