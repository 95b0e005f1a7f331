import BeaconCore
import BeaconEngine
import BeaconServer
import BeaconTestSupport
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite("Segment recompute API", .liveSocket)
struct RecomputeRouteTests {
    func json(_ r: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: r.body))) as? [String: Any] ?? [:]
    }

    @Test("POST recomputes the token's workspace; GET shows the last result; a token is required")
    func onDemand() async throws {
        let server = try await TestServer.make()
        let engine = server.runtime.profiles
        let token = try await engine.createAPIToken(workspaceId: server.workspace.id, label: "test")
        let body =
            #"{"batch": [{"type": "track", "userId": "u-1", "event": "Order Completed", "properties": {"revenue": 1500}, "timestamp": "2025-03-02T10:00:00Z"}]}"#
        _ = try await server.runtime.ingest.ingest(body: Array(body.utf8), endpoint: .batch, writeKey: server.writeKey)
        let auth: HTTPFields = [.authorization: "Bearer \(token)"]
        try await server.app().test(.router) { client in
            let before = json(try await client.execute(uri: "/api/segments/recompute", method: .get, headers: auth))
            #expect(before["workspace"] is NSNull)
            #expect(before["lastRun"] is NSNull)
            #expect(before["intervalSeconds"] is NSNull)
            let r = try await client.execute(uri: "/api/segments/recompute", method: .post, headers: auth)
            #expect(r.status == .ok)
            let ws = try #require(json(r)["workspace"] as? [String: Any])
            #expect(ws["segments"] as? Double == Double(SystemSegments.all.count))
            #expect(ws["scheduled"] as? Bool == false)
            #expect((ws["predictions"] as? [String: Any])?["customers"] as? Double == 1)
            let after = json(try await client.execute(uri: "/api/segments/recompute", method: .get, headers: auth))
            #expect((after["workspace"] as? [String: Any])?["startedAt"] as? String == ws["startedAt"] as? String)
            // The on-demand run is not the scheduled one.
            #expect(after["runs"] as? Double == 0)

            for method in [HTTPRequest.Method.get, .post] {
                let missing = try await client.execute(uri: "/api/segments/recompute", method: method)
                #expect(missing.status == .unauthorized)
                #expect(problem(missing)["field"] as? String == "Authorization")
                let wrong = try await client.execute(
                    uri: "/api/segments/recompute", method: method, headers: [.authorization: "Bearer bt_nope"])
                #expect(wrong.status == .unauthorized)
            }
            let doc = json(try await client.execute(uri: "/openapi.json", method: .get))
            let path = (doc["paths"] as? [String: Any])?["/api/segments/recompute"] as? [String: Any]
            #expect(path?["get"] != nil && path?["post"] != nil)
        }
    }

    @Test("the server runs the recompute on its schedule and exports it as metrics")
    func scheduled() async throws {
        let server = try await TestServer.make()
        let engine = server.runtime.profiles
        let token = try await engine.createAPIToken(workspaceId: server.workspace.id, label: "test")
        let app = buildApplication(
            runtime: server.runtime,
            configuration: .init(host: "127.0.0.1", port: 0, recomputeInterval: .seconds(3_600), journeyRunnerInterval: nil),
            logger: Logger(label: "test"), metrics: server.metrics)
        try await app.test(.live) { client in
            // The first run starts with the server; wait for it.
            var status: [String: Any] = [:]
            for _ in 0..<100 {
                status = json(
                    try await client.execute(
                        uri: "/api/segments/recompute", method: .get, headers: [.authorization: "Bearer \(token)"]))
                if status["runs"] as? Double == 1 { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(status["runs"] as? Double == 1)
            #expect(status["intervalSeconds"] as? Double == 3_600)
            let last = try #require(status["lastRun"] as? [String: Any])
            #expect(last["workspaces"] as? Double == 1)
            #expect((status["workspace"] as? [String: Any])?["scheduled"] as? Bool == true)
            let metrics = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            #expect(metrics.contains("beacon_segment_recompute_runs_total 1"))
            #expect(metrics.contains("beacon_segment_recompute_duration_seconds"))
            #expect(metrics.contains("beacon_segment_recompute_last_run_timestamp_seconds"))
        }
    }
}
