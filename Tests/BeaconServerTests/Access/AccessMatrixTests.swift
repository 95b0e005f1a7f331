import BeaconCore
import BeaconEngine
import BeaconServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import BeaconServer

/// The route × role × scope matrix, generated from the one policy table (`AccessPolicy`): every
/// routed path has exactly one row, every token route refuses a token without its scope and
/// admits one with it, and every dashboard route refuses roles below its row and admits the rest.
@Suite("Access: route × role × scope matrix")
struct AccessMatrixTests {
    /// A router path (`/api/profiles/{id}`) in the policy's form (`/api/profiles/:id`).
    static func template(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : String(segment)
        }.joined(separator: "/")
    }

    /// A concrete path for a template, with ids nobody has.
    static func concrete(_ template: String) -> String {
        template.split(separator: "/", omittingEmptySubsequences: false).map {
            $0.hasPrefix(":") ? "missing-\($0.dropFirst())" : String($0)
        }.joined(separator: "/")
    }

    @Test("Every routed method and path has exactly one policy row, and every row is routed")
    func everyRouteHasARow() async throws {
        let server = try await AccessTestServer.make()
        let router = buildRouter(runtime: server.runtime, metrics: server.metrics, logger: Logger(label: "test"))
        let routed = Set(router.routes.map { "\($0.method.rawValue) \(Self.template("\($0.path)"))" })
        let rows = AccessPolicy.routes.map { "\($0.method.rawValue) \($0.path)" }
        #expect(routed.count > 60)
        for route in routed.sorted() {
            #expect(rows.filter { $0 == route }.count == 1, "\(route) needs exactly one row in AccessPolicy.routes")
        }
        for row in Set(rows).subtracting(routed).sorted() {
            Issue.record("\(row) is in AccessPolicy.routes but no route serves it")
        }
    }

    @Test("A routed request without a policy row is refused (access fails closed)")
    func failsClosed() async throws {
        let server = try await AccessTestServer.make()
        let router = Router(context: BasicRequestContext.self)
        let routes = MethodNotAllowedMiddleware<BasicRequestContext>.Routes()
        router.add(middleware: AccessMiddleware(runtime: server.runtime, routed: routes))
        router.get("/api/unlisted") { _, _ in "secret" }
        routes.load(router.routes.map { ("\($0.path)", $0.method) })
        let app = Application(router: router)
        try await app.test(.router) { client in
            let r = try await client.execute(uri: "/api/unlisted", method: .get)
            #expect(r.status == .forbidden)
            #expect(problem(r)["field"] as? String == "route")
            #expect(!text(r).contains("secret"))
        }
    }

    /// Scopes that do not reach `resource` at all (every other resource, written).
    static func allBut(_ resource: AccessScope.Resource) -> String {
        AccessScope.Resource.allCases.filter { $0 != resource }
            .map { $0 == .personal ? "personal:read" : "\($0.rawValue):write" }.joined(separator: ",")
    }

    @Test("Token routes: no token 401, a token without the scope 403 naming scope, read for write 403, the scope admits", arguments: AccessBackend.available)
    func tokenMatrix(_ backend: AccessBackend) async throws {
        let server = try await AccessTestServer.make(backend)
        let (ws, _) = try await server.workspace("matrix")
        var tokens: [String: String] = [:]
        for resource in AccessScope.Resource.allCases {
            for action in AccessScope.Action.allCases where !(resource == .personal && action == .write) {
                tokens["\(resource.rawValue):\(action.rawValue)"] = try await server.token(ws, "\(resource.rawValue):\(action.rawValue)")
            }
            tokens["not-\(resource.rawValue)"] = try await server.token(ws, Self.allBut(resource))
        }
        let rows = AccessPolicy.routes.compactMap { row -> (RouteAccess, AccessScope)? in
            if case .token(let scope) = row.requirement { return (row, scope) }
            return nil
        }
        #expect(rows.count > 35)
        let all = tokens
        try await server.app().test(.router) { client in
            for (row, scope) in rows {
                let uri = Self.concrete(row.path)
                func call(_ token: String?) async throws -> TestResponse {
                    var headers: HTTPFields = [.contentType: "application/json"]
                    if let token { headers[.authorization] = "Bearer \(token)" }
                    let body = row.method == .get || row.method == .delete ? nil : ByteBuffer(string: "{}")
                    return try await client.execute(uri: uri, method: row.method, headers: headers, body: body)
                }
                let none = try await call(nil)
                #expect(none.status == .unauthorized, "\(row.method) \(row.path) without a token: \(none.status)")
                let without = try await call(all["not-\(scope.resource.rawValue)"])
                #expect(without.status == .forbidden, "\(row.method) \(row.path) without \(scope): \(without.status)")
                #expect(problem(without)["field"] as? String == "scope")
                if scope.action == .write {
                    let readOnly = try await call(all["\(scope.resource.rawValue):read"])
                    #expect(readOnly.status == .forbidden, "\(row.method) \(row.path) with only read: \(readOnly.status)")
                }
                let with = try await call(all[scope.description])
                #expect(
                    with.status != .forbidden && with.status != .unauthorized,
                    "\(row.method) \(row.path) with \(scope): \(with.status) \(text(with))")
            }
        }
    }

    @Test("Dashboard routes: each role below the row's is 403 naming role, the row's role and above pass", arguments: AccessBackend.available)
    func roleMatrix(_ backend: AccessBackend) async throws {
        let server = try await AccessTestServer.make(backend)
        let (ws, _) = try await server.workspace("roles")
        var cookies: [WorkspaceRole: String] = [:]
        for role in WorkspaceRole.allCases { cookies[role] = try await server.user(role: role, in: ws).cookie }
        let admin = try await server.user(admin: true, role: nil, in: nil).cookie
        let owner = try #require(cookies[.owner])
        let all = cookies
        try await server.app().test(.router) { client in
            for row in AccessPolicy.routes {
                let sep = row.path.contains("?") ? "&" : "?"
                let uri = Self.concrete(row.path) + sep + "ws=" + ws.name
                func call(_ cookie: String) async throws -> TestResponse {
                    var headers: HTTPFields = [.cookie: cookie, .origin: "http://localhost"]
                    var body: ByteBuffer?
                    if row.method != .get {
                        headers[.contentType] = row.path.hasPrefix("/dashboard/api/") ? "application/json" : "application/x-www-form-urlencoded"
                        body = ByteBuffer(string: row.path.hasPrefix("/dashboard/api/") ? "{}" : "")
                    }
                    return try await client.execute(uri: uri, method: row.method, headers: headers, body: body)
                }
                switch row.requirement {
                case .role(let needed):
                    for role in WorkspaceRole.allCases {
                        let r = try await call(all[role]!)
                        if role < needed {
                            #expect(r.status == .forbidden, "\(row.method) \(row.path) as \(role): \(r.status)")
                            #expect(problem(r)["field"] as? String == "role")
                        } else {
                            #expect(
                                r.status != .forbidden && r.status != .unauthorized,
                                "\(row.method) \(row.path) as \(role): \(r.status) \(text(r).prefix(200))")
                        }
                    }
                case .installationAdmin:
                    let r = try await call(owner)
                    #expect(r.status == .forbidden, "\(row.method) \(row.path) as a workspace owner: \(r.status)")
                    let a = try await call(admin)
                    #expect(a.status != .forbidden && a.status != .unauthorized, "\(row.method) \(row.path) as admin: \(a.status)")
                case .signedIn:
                    let r = try await call(all[.viewer]!)
                    #expect(r.status != .forbidden && r.status != .unauthorized, "\(row.method) \(row.path) signed in: \(r.status)")
                default:
                    continue
                }
            }
        }
    }

    @Test("Nobody grants above their own role, nor the personal-data permission they lack", arguments: AccessBackend.available)
    func noGrantAboveOwnRole(_ backend: AccessBackend) async throws {
        let server = try await AccessTestServer.make(backend)
        let (ws, _) = try await server.workspace("grants")
        let access = server.runtime.access
        let (target, _) = try await server.user(role: nil, in: nil)
        for granterRole in WorkspaceRole.allCases {
            for personal in [false, true] {
                let (granter, _) = try await server.user(role: granterRole, in: ws, personalData: personal)
                for role in WorkspaceRole.allCases {
                    for give in [false, true] {
                        let allowed = granterRole >= .admin && role <= granterRole && (!give || personal)
                        do {
                            try await access.grant(WorkspaceAccess(role: role, personalData: give), to: target, in: ws, by: granter)
                            #expect(allowed, "\(granterRole) (personal \(personal)) granted \(role) personal \(give)")
                            #expect(try await access.access(of: target, in: ws.id) == WorkspaceAccess(role: role, personalData: give))
                        } catch let e as AuditError {
                            #expect(!allowed, "\(granterRole) refused \(role) personal \(give): \(e)")
                        }
                    }
                }
            }
        }
        // An installation admin is an admin: it may make admins but not owners.
        let (admin, _) = try await server.user(admin: true, role: nil, in: nil)
        await #expect(throws: AuditError.self) {
            try await access.grant(WorkspaceAccess(role: .owner, personalData: false), to: target, in: ws, by: admin)
        }
        try await access.grant(WorkspaceAccess(role: .admin, personalData: true), to: target, in: ws, by: admin)
    }

    @Test("Expired tokens are refused; use is recorded; masked fields without personal:read", arguments: AccessBackend.available)
    func tokenLifecycle(_ backend: AccessBackend) async throws {
        let server = try await AccessTestServer.make(backend)
        let (ws, key) = try await server.workspace("life")
        try await server.ingest(
            #"{"batch": [{"type": "identify", "userId": "u-1", "traits": {"email": "ada@example.com", "name": "Ada", "plan": "pro"}, "timestamp": "2025-03-01T10:00:00Z"}]}"#,
            writeKey: key, workspace: ws)
        let shortLived = try await server.token(ws, "*", expiresAt: Date().addingTimeInterval(1))
        let masked = try await server.token(ws, "profiles:read")
        let open = try await server.token(ws, "profiles:read,personal:read")
        try await Task.sleep(for: .milliseconds(1_100))
        try await server.app().test(.router) { client in
            let expired = try await client.execute(uri: "/api/profiles", method: .get, headers: [.authorization: "Bearer \(shortLived)"])
            #expect(expired.status == .unauthorized)
            #expect((problem(expired)["detail"] as? String)?.contains("expired") == true)
            let m = try await client.execute(uri: "/api/profiles/u-1", method: .get, headers: [.authorization: "Bearer \(masked)"])
            #expect(m.status == .ok)
            #expect(!text(m).contains("ada@example.com") && !text(m).contains("Ada"))
            #expect(text(m).contains(PersonalDataMask.masked) && text(m).contains("pro"))
            let o = try await client.execute(uri: "/api/profiles/u-1", method: .get, headers: [.authorization: "Bearer \(open)"])
            #expect(text(o).contains("ada@example.com"))
        }
        let listed = try await server.runtime.access.tokens(of: ws)
        #expect(listed.first { $0.hash == WriteKey.hash(masked) }?.lastUsedAt != nil)
        #expect(listed.first { $0.hash == WriteKey.hash(shortLived) }?.lastUsedAt == nil)
    }
}
