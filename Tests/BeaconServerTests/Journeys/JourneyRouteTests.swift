import BeaconCore
import BeaconEngine
import BeaconServer
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite("Journeys API")
struct JourneyRouteTests {
    func json(_ r: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: r.body))) as? [String: Any] ?? [:]
    }

    func definition(_ destination: String, label: String = "v1") -> String {
        """
        {"trigger":{"type":"event","event":"signed_up"},"start":"w1","reentry":"once","resume":"retime",
         "goal":{"type":"event","event":"purchased"},
         "steps":[{"id":"w1","type":"wait","seconds":86400,"next":"s1"},
                  {"id":"s1","type":"send","destination":"\(destination)","message":{"name":"\(label)"}}]}
        """
    }

    @Test("Bad journeys are refused with a problem naming the field; a journey goes draft → live → v2 → rollback")
    func lifecycle() async throws {
        let server = try await TestServer.make()
        let ws = server.workspace.id
        let token = try await server.runtime.profiles.createAPIToken(workspaceId: ws, label: "test")
        let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        let destination = "dst_api"
        try await server.runtime.stores.activations.createDestination(
            Destination(
                workspaceId: ws, id: destination, name: "hook", kind: .webhook, url: "https://example.com/h",
                sealedSecrets: [], createdAt: Date()))
        try await server.app().test(.router) { client in
            let bad: [(String, String)] = [
                (#"{"definition":{}}"#, "name"),
                (#"{"name":"x"}"#, "definition"),
                (#"{"name":"x","definition":{"trigger":{"type":"event"},"start":"a","steps":[],"reentry":"once","resume":"skip"}}"#,
                 "definition.trigger.event"),
                (#"{"name":"x","definition":{"trigger":{"type":"event","event":"e"},"start":"a","reentry":"once","resume":"skip","steps":[{"id":"a","type":"wait","seconds":-1}]}}"#,
                 "definition.steps[a].seconds"),
                (#"{"name":"x","definition":{"trigger":{"type":"event","event":"e"},"start":"a","reentry":"once","resume":"skip","steps":[{"id":"a","type":"wait","seconds":"soon"}]}}"#,
                 "definition.steps[0].seconds"),
                (#"{"name":"x","definition":{"trigger":{"type":"event","event":"e"},"start":"a","reentry":"often","resume":"skip","steps":[{"id":"a","type":"exit"}]}}"#,
                 "definition.reentry"),
            ]
            for (body, field) in bad {
                let r = try await client.execute(uri: "/api/journeys", method: .post, headers: auth, body: ByteBuffer(string: body))
                #expect(r.status == .badRequest, "\(body)")
                #expect(problem(r)["field"] as? String == field, "\(body): \(problem(r))")
            }
            #expect(try await server.runtime.journeys.list(workspaceId: ws).isEmpty)

            let created = try await client.execute(
                uri: "/api/journeys", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"name":"welcome","definition":\#(definition(destination))}"#))
            #expect(created.status == .created)
            let id = try #require(json(created)["id"] as? String)
            #expect(json(created)["status"] as? String == "draft")
            let again = try await client.execute(
                uri: "/api/journeys", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"name":"welcome","definition":\#(definition(destination))}"#))
            #expect(again.status == .conflict)
            #expect(problem(again)["field"] as? String == "name")

            let published = try await client.execute(uri: "/api/journeys/\(id)/publish", method: .post, headers: auth, body: ByteBuffer(string: "{}"))
            #expect(published.status == .ok)
            // Over a live version a mapping is required, and must name every live step.
            let v2 = definition(destination, label: "v2")
            let noMapping = try await client.execute(
                uri: "/api/journeys/\(id)/publish", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"definition":\#(v2)}"#))
            #expect(noMapping.status == .badRequest)
            #expect(problem(noMapping)["field"] as? String == "mapping")
            let partial = try await client.execute(
                uri: "/api/journeys/\(id)/dry-run", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"definition":\#(v2),"mapping":{"w1":{"step":"w1"}}}"#))
            #expect(problem(partial)["field"] as? String == "mapping[s1]")
            let dry = try await client.execute(
                uri: "/api/journeys/\(id)/dry-run", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"definition":\#(v2),"mapping":"sameIds"}"#))
            #expect(dry.status == .ok)
            #expect((json(dry)["moves"] as? [[String: Any]])?.count == 2)
            let second = try await client.execute(
                uri: "/api/journeys/\(id)/publish", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"definition":\#(v2),"mapping":{"w1":{"step":"w1"},"s1":{"finish":true}}}"#))
            #expect(second.status == .ok)
            let shown = try await client.execute(uri: "/api/journeys/\(id)", method: .get, headers: auth)
            #expect(json(shown)["liveVersion"] as? Int == 2)
            #expect((json(shown)["versions"] as? [Any])?.count == 2)

            let rolled = try await client.execute(
                uri: "/api/journeys/\(id)/rollback", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"mapping":"sameIds"}"#))
            #expect(rolled.status == .ok)
            let tooFar = try await client.execute(
                uri: "/api/journeys/\(id)/rollback", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"mapping":"sameIds"}"#))
            #expect(tooFar.status == .conflict)
            #expect(problem(tooFar)["field"] as? String == "version")

            let paused = try await client.execute(uri: "/api/journeys/\(id)/pause", method: .post, headers: auth)
            #expect(json(paused)["status"] as? String == "paused")
            let resumed = try await client.execute(uri: "/api/journeys/\(id)/resume", method: .post, headers: auth)
            #expect(json(resumed)["status"] as? String == "live")
            let funnel = try await client.execute(uri: "/api/journeys/\(id)/funnel", method: .get, headers: auth)
            #expect(funnel.status == .ok)
            #expect(json(funnel)["steps"] is [Any])
            let experiments = try await client.execute(uri: "/api/journeys/\(id)/experiments", method: .get, headers: auth)
            #expect(experiments.status == .ok)
            let missing = try await client.execute(uri: "/api/journeys/jrn_nope/funnel", method: .get, headers: auth)
            #expect(missing.status == .notFound)
            let deleted = try await client.execute(uri: "/api/journeys/\(id)", method: .delete, headers: auth)
            #expect(deleted.status == .noContent)
        }
    }
}
