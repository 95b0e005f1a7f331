import BeaconCore
import BeaconEngine
import BeaconServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Privacy API")
struct PrivacyRouteTests {
    func json(_ r: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: r.body))) as? [String: Any] ?? [:]
    }

    @Test("Export as JSON and CSV, erasure job to done, suppression counted in /metrics and lifted; bad input names the field")
    func lifecycle() async throws {
        let server = try await TestServer.make()
        let ws = server.workspace.id
        let token = try await server.runtime.profiles.createAPIToken(workspaceId: ws, label: "test")
        let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        try await server.app().test(.router) { client in
            let ingest: HTTPFields = [.authorization: server.basic(), .contentType: "application/json"]
            for body in [
                #"{"userId":"ada-1","anonymousId":"anon-ada","traits":{"email":"Ada@Example.com"}}"#,
            ] {
                #expect(try await client.execute(uri: "/v1/identify", method: .post, headers: ingest, body: ByteBuffer(string: body)).status == .ok)
            }
            let track = #"{"userId":"ada-1","event":"Viewed","context":{"consent":{"categoryPreferences":{"marketing":false}}}}"#
            #expect(try await client.execute(uri: "/v1/track", method: .post, headers: ingest, body: ByteBuffer(string: track)).status == .ok)

            for (uri, field) in [("/api/privacy/export", "identifier"), ("/api/privacy/export?identifier=%20", "identifier"),
                                 ("/api/privacy/export?identifier=ada-1&format=xml", "format")] {
                let r = try await client.execute(uri: uri, method: .get, headers: auth)
                #expect(r.status == .badRequest, "\(uri)")
                #expect(problem(r)["field"] as? String == field, "\(uri)")
            }
            let missing = try await client.execute(uri: "/api/privacy/export?identifier=nobody", method: .get, headers: auth)
            #expect(missing.status == .notFound)

            let export = try await client.execute(uri: "/api/privacy/export?identifier=ada@example.com", method: .get, headers: auth)
            #expect(export.status == .ok)
            #expect((json(export)["events"] as? [Any])?.count == 2)
            #expect((json(export)["consent"] as? [Any])?.count == 1)
            let csv = try await client.execute(uri: "/api/privacy/export?identifier=ada-1&format=csv", method: .get, headers: auth)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let lines = String(buffer: csv.body).split(separator: "\n")
            #expect(lines.first == "section,table,row,column,value")
            #expect(lines.contains { $0.hasPrefix("consent,consent_records,0,category,marketing") })

            let consent = try await client.execute(uri: "/api/privacy/consent?identifier=anon-ada", method: .get, headers: auth)
            #expect((json(consent)["history"] as? [[String: Any]])?.first?["granted"] as? Bool == false)

            let bad = try await client.execute(uri: "/api/privacy/erasures", method: .post, headers: auth, body: ByteBuffer(string: "{}"))
            #expect(problem(bad)["field"] as? String == "identifier")
            let started = try await client.execute(
                uri: "/api/privacy/erasures", method: .post, headers: auth, body: ByteBuffer(string: #"{"identifier":"anon-ada"}"#))
            #expect(started.status == .accepted)
            let id = try #require(json(started)["id"] as? String)
            var state = ""
            for _ in 0..<200 {
                let r = try await client.execute(uri: "/api/privacy/erasures/\(id)", method: .get, headers: auth)
                state = json(r)["state"] as? String ?? ""
                if state != "running" { break }
                try await Task.sleep(nanoseconds: 50_000_000)
            }
            #expect(state == "done")
            #expect(try await client.execute(uri: "/api/privacy/erasures/era_nope", method: .get, headers: auth).status == .notFound)
            #expect(try await server.storedEvents().isEmpty)

            // Re-ingest is dropped and counted.
            #expect(try await client.execute(uri: "/v1/track", method: .post, headers: ingest, body: ByteBuffer(string: track)).status == .ok)
            #expect(try await server.storedEvents().isEmpty)
            let metrics = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            #expect(metrics.contains("beacon_events_suppressed_total{workspace=\"\(ws)\"} 1"))

            let list = try await client.execute(uri: "/api/privacy/suppressions", method: .get, headers: auth)
            let sup = try #require((json(list)["suppressions"] as? [[String: Any]])?.first?["id"] as? String)
            #expect(try await client.execute(uri: "/api/privacy/suppressions/\(sup)", method: .delete, headers: auth).status == .noContent)
            #expect(try await client.execute(uri: "/api/privacy/suppressions/\(sup)", method: .delete, headers: auth).status == .notFound)
            #expect(try await client.execute(uri: "/v1/track", method: .post, headers: ingest, body: ByteBuffer(string: track)).status == .ok)
            #expect(try await server.storedEvents().count == 1)

            let rules = try await client.execute(
                uri: "/api/privacy/retention", method: .put, headers: auth, body: ByteBuffer(string: #"{"event":"*","days":"long"}"#))
            #expect(problem(rules)["field"] as? String == "days")
            let set = try await client.execute(
                uri: "/api/privacy/retention", method: .put, headers: auth, body: ByteBuffer(string: #"{"event":"*","days":365}"#))
            #expect((json(set)["rules"] as? [[String: Any]])?.first?["days"] as? Double == 365)
        }
    }
}
