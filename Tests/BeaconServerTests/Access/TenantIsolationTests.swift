import BeaconCore
import BeaconEngine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

/// Tenant isolation as a property over three workspaces with canaries: no response, export or
/// CSV one tenant can get contains another tenant's canary, and a foreign id (profile, segment,
/// destination, identifier, workspace name) answers exactly like an id nobody has.
@Suite("Access: tenant isolation")
struct TenantIsolationTests {
    struct Tenant {
        var workspace: Workspace
        var canary: String
        var token: String
        var profileId: String
        var segmentId: String
        var destinationId: String
        var email: String { "\(canary)@example.com" }
        var ids: [String: String] { ["profiles": profileId, "segments": segmentId, "destinations": destinationId, "activations": segmentId] }
    }

    static func tenant(_ server: AccessTestServer, _ n: Int) async throws -> Tenant {
        let canary = "canary\(n)x\(UUID().uuidString.prefix(8).lowercased())"
        let (ws, key) = try await server.workspace("tenant\(n)")
        try await server.ingest(
            """
            {"batch": [
              {"type": "identify", "userId": "user-\(canary)", "anonymousId": "anon-\(canary)",
               "traits": {"email": "\(canary)@example.com", "name": "Name \(canary)", "note": "\(canary)"}, "timestamp": "2025-03-01T10:00:00Z"},
              {"type": "track", "userId": "user-\(canary)", "event": "Order Completed",
               "properties": {"revenue": 10, "memo": "\(canary)"}, "timestamp": "2025-03-02T10:00:00Z"}
            ]}
            """, writeKey: key, workspace: ws)
        let profile = try #require(
            try await server.runtime.profiles.profileStore.profileId(workspaceId: ws.id, identifierValue: "user-\(canary)", kind: nil))
        let segment = try await server.runtime.profiles.saveSegment(
            workspaceId: ws.id, id: nil, name: "Everyone \(canary)", description: "", rule: .object(["lifetime_value": .object(["gte": .number(0)])]))
        let destination = try await server.runtime.activation.createDestination(
            workspaceId: ws.id, name: "dest-\(canary)", type: "webhook", url: "https://hooks.example.com/\(canary)", secret: nil)
        return Tenant(
            workspace: ws, canary: canary, token: try await server.token(ws, "*"), profileId: profile,
            segmentId: segment.segment.id, destinationId: destination.destination.id)
    }

    /// The id kind a route's `:id` names, from its path.
    static func kind(_ template: String) -> String {
        template.split(separator: "/").dropFirst().first.map(String.init) ?? ""
    }

    @Test("No response of one tenant holds another's canary; foreign ids answer like missing ones", arguments: AccessBackend.available)
    func isolation(_ backend: AccessBackend) async throws {
        let server = try await AccessTestServer.make(backend)
        var tenants: [Tenant] = []
        for n in 0..<3 { tenants.append(try await Self.tenant(server, n)) }
        let all = tenants
        let reads = AccessPolicy.routes.filter { row in
            if case .token = row.requirement { return row.method == .get }
            return false
        }
        #expect(reads.count > 15)
        try await server.app().test(.router) { client in
            for tenant in all {
                let others = all.filter { $0.canary != tenant.canary }
                func get(_ uri: String) async throws -> TestResponse {
                    try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(tenant.token)"])
                }
                func expectClean(_ r: TestResponse, _ uri: String) {
                    for other in others {
                        #expect(!text(r).contains(other.canary), "\(uri) as \(tenant.workspace.name) shows \(other.canary)")
                    }
                }
                for row in reads {
                    let kind = Self.kind(row.path)
                    if !row.path.contains(":") {
                        var uris = [row.path]
                        if row.path == "/api/profiles" { uris += others.map { "/api/profiles?q=\($0.canary.prefix(12))" } }
                        for uri in uris {
                            let r = try await get(uri)
                            #expect(r.status != .forbidden && r.status != .unauthorized, "\(uri): \(r.status)")
                            expectClean(r, uri)
                        }
                        continue
                    }
                    // Own id: it works and stays clean (the CSV export with personal traits too).
                    let own = row.path.replacingOccurrences(of: ":id", with: tenant.ids[kind] ?? "x")
                        + (row.path.hasSuffix("export.csv") ? "?traits=email,name,note" : "")
                    expectClean(try await get(own), own)
                    // A foreign id (and, for profiles, a foreign email and user id) against an id nobody has.
                    let missing = "missing-\(UUID().uuidString.prefix(8).lowercased())"
                    for other in others {
                        var foreign = [other.ids[kind] ?? "x"]
                        if kind == "profiles" { foreign += [other.email, "user-\(other.canary)"] }
                        for id in foreign {
                            let a = try await get(row.path.replacingOccurrences(of: ":id", with: id))
                            let b = try await get(row.path.replacingOccurrences(of: ":id", with: missing))
                            #expect(a.status == b.status, "\(row.path) foreign \(a.status) vs missing \(b.status)")
                            #expect(
                                text(a).replacingOccurrences(of: id, with: "ID") == text(b).replacingOccurrences(of: missing, with: "ID"),
                                "\(row.path): a foreign id answers differently from a missing one")
                            // The answer may echo the id the caller sent (which it knew); nothing else of the tenant.
                            let echoed = text(a).replacingOccurrences(of: id, with: "ID")
                            #expect(!echoed.contains(other.canary), "\(row.path) with a foreign id shows \(other.canary)")
                        }
                    }
                }
                // "Who touched this profile" for a foreign profile answers like for a missing one: nothing.
                for other in others {
                    let a = try await get("/api/audit?profile=\(other.profileId)")
                    let b = try await get("/api/audit?profile=missing")
                    #expect(text(a) == text(b))
                    #expect(text(a) == #"{"entries":[]}"#)
                }
            }
        }
    }

    @Test("Dashboard: a user of one workspace sees another's name, customers and exports like missing ones", arguments: AccessBackend.available)
    func dashboardIsolation(_ backend: AccessBackend) async throws {
        let server = try await AccessTestServer.make(backend)
        var tenants: [Tenant] = []
        for n in 0..<3 { tenants.append(try await Self.tenant(server, n)) }
        let mine = tenants[0]
        let (_, cookie) = try await server.user(role: .owner, in: mine.workspace, personalData: true)
        let all = tenants
        try await server.app().test(.router) { client in
            func get(_ uri: String) async throws -> TestResponse {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie])
            }
            let ws = mine.workspace.name
            let pages = [
                "/dashboard?ws=\(ws)", "/dashboard/customers?ws=\(ws)", "/dashboard/customers?ws=\(ws)&id=\(mine.profileId)",
                "/dashboard/segments?ws=\(ws)", "/dashboard/segments/\(mine.segmentId)?ws=\(ws)",
                "/dashboard/segments/\(mine.segmentId)/export.csv?ws=\(ws)&traits=email,name,note", "/dashboard/data?ws=\(ws)",
                "/dashboard/api/events?ws=\(ws)",
            ]
            for uri in pages {
                let r = try await get(uri)
                #expect(r.status == .ok, "\(uri): \(r.status)")
                #expect(text(r).contains(mine.canary) || !uri.contains("export.csv"), "\(uri) lacks the own canary")
                for other in all.dropFirst() {
                    #expect(!text(r).contains(other.canary), "\(uri) shows \(other.canary)")
                    #expect(!text(r).contains(other.workspace.name), "\(uri) names workspace \(other.workspace.name)")
                }
            }
            for other in all.dropFirst() {
                let missingName = "\(server.prefix)-nothing"
                let a = try await get("/dashboard/customers?ws=\(other.workspace.name)")
                let b = try await get("/dashboard/customers?ws=\(missingName)")
                #expect(a.status == b.status)
                #expect(text(a).replacingOccurrences(of: other.workspace.name, with: "W") == text(b).replacingOccurrences(of: missingName, with: "W"))
                let c = try await get("/dashboard/customers?ws=\(ws)&id=\(other.profileId)")
                let d = try await get("/dashboard/customers?ws=\(ws)&id=missing-profile")
                #expect(c.status == d.status)
                #expect(text(c).replacingOccurrences(of: other.profileId, with: "P") == text(d).replacingOccurrences(of: "missing-profile", with: "P"))
                let e = try await get("/dashboard/segments/\(other.segmentId)/export.csv?ws=\(ws)&traits=email")
                let f = try await get("/dashboard/segments/missing-seg/export.csv?ws=\(ws)&traits=email")
                #expect(e.status == f.status)
                #expect(text(e).replacingOccurrences(of: other.segmentId, with: "S") == text(f).replacingOccurrences(of: "missing-seg", with: "S"))
            }
        }
    }

    @Test("Reads of personal data are in the audit log by pseudonym, answerable per profile and time span", arguments: AccessBackend.available)
    func auditedReads(_ backend: AccessBackend) async throws {
        let server = try await AccessTestServer.make(backend)
        let tenant = try await Self.tenant(server, 0)
        let auditor = try await server.token(tenant.workspace, "audit:read")
        let before = Date()
        try await server.app().test(.router) { client in
            let auth: HTTPFields = [.authorization: "Bearer \(tenant.token)"]
            #expect(try await client.execute(uri: "/api/profiles/\(tenant.email)", method: .get, headers: auth).status == .ok)
            #expect(try await client.execute(uri: "/api/profiles/\(tenant.profileId)/timeline", method: .get, headers: auth).status == .ok)
            #expect(try await client.execute(uri: "/api/profiles", method: .get, headers: auth).status == .ok)
            // A missing profile is not a read of anyone.
            #expect(try await client.execute(uri: "/api/profiles/nobody", method: .get, headers: auth).status == .notFound)
            let r = try await client.execute(
                uri: "/api/audit?profile=\(tenant.profileId)&from=\(Timestamp.format(before.addingTimeInterval(-1)))",
                method: .get, headers: [.authorization: "Bearer \(auditor)"])
            #expect(r.status == .ok)
            let entries = try #require((try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any])?["entries"] as? [[String: Any]])
            #expect(entries.map { $0["action"] as? String } == [
                "read GET /api/profiles/:id", "read GET /api/profiles/:id/timeline", "read GET /api/profiles",
            ])
            let fingerprint = String(WriteKey.hash(tenant.token).prefix(12))
            #expect(entries.allSatisfy { $0["actor"] as? String == "token:\(fingerprint)" })
            // Pseudonyms only: neither the profile id nor any canary is in the log.
            #expect(!text(r).contains(tenant.canary) && !text(r).contains(tenant.profileId))
            let later = try await client.execute(
                uri: "/api/audit?profile=\(tenant.profileId)&from=\(Timestamp.format(Date().addingTimeInterval(60)))",
                method: .get, headers: [.authorization: "Bearer \(auditor)"])
            #expect(text(later) == #"{"entries":[]}"#)
            let badTime = try await client.execute(uri: "/api/audit?from=yesterday", method: .get, headers: [.authorization: "Bearer \(auditor)"])
            #expect(badTime.status == .badRequest)
            #expect(problem(badTime)["field"] as? String == "from")
        }
        #expect(try await server.runtime.audit.verify(workspaceId: tenant.workspace.id).isIntact)
    }
}
