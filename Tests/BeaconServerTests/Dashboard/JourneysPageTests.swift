import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

@Suite("Journeys page")
struct JourneysPageTests {
    @Test("lists journeys with the people in them; a journey's page shows each version's steps with its funnel")
    func listAndDetail() async throws {
        let server = try await DashboardTestServer.make(workspace: "demo")
        let ws = try #require(server.workspace)
        let runtime = server.runtime
        try await runtime.stores.activations.createDestination(
            Destination(
                workspaceId: ws.id, id: "dst_page", name: "hook", kind: .webhook, url: "http://127.0.0.1:9/",
                sealedSecrets: [], createdAt: Date()))
        let d = JourneyDefinition(
            trigger: .event("signed_up"), start: "ab",
            steps: [
                JourneyStep(
                    id: "ab", type: .split, experiment: "welcome-copy",
                    variants: [JourneyVariant(name: "A", weight: 1, next: "w1"), JourneyVariant(name: "B", weight: 1, next: "w1")]),
                .wait("w1", seconds: 86_400, next: "s1"),
                .send("s1", to: "dst_page", message: ["name": "hi"], next: nil),
            ],
            goal: .event("purchased"), quietHours: JourneyQuietHours(start: "21:00", end: "08:00"))
        let j = try await runtime.journeys.create(workspaceId: ws.id, name: "Welcome", definition: d)
        try await runtime.journeys.publish(workspaceId: ws.id, id: j.id)
        let now = Date()
        try await server.append(
            ["ann", "ben", "cy"].map {
                Event(messageId: "su-\($0)", type: .track, userId: $0, event: "signed_up", timestamp: now, receivedAt: now)
            })
        try await runtime.profiles.catchUp(workspaceId: ws.id)
        // A runner of this workspace only (the store may be shared with other tests' journeys).
        let committer = runtime.committer
        try await JourneyRunner(
            stores: runtime.stores, audience: runtime.profiles,
            appendEvents: { batch in _ = try await committer.append(batch) }, workspaceId: ws.id
        ).runOnce()

        try await server.test { client in
            let list = try await get(client, "/dashboard/journeys?ws=demo")
            #expect(list.status == .ok)
            #expect(list.body.contains("href=\"/dashboard/journeys/\(j.id)?ws=demo\">Welcome</a>"))
            #expect(list.body.contains("<td class=\"state-live\">live</td><td>v1</td><td class=\"num\">1</td><td class=\"num\">3</td>"))
            #expect(list.body.contains("href=\"/dashboard/journeys?ws=demo\""))

            let page = try await get(client, "/dashboard/journeys/\(j.id)?ws=demo")
            #expect(page.status == .ok)
            // 3 entered the split and moved on; all 3 wait at w1, none reached s1 yet.
            #expect(page.body.contains("<tr data-step=\"ab\"><th scope=\"row\"><code>ab</code></th><td>split</td>"))
            #expect(page.body.contains("<td>s1</td><td class=\"num\">3</td><td class=\"num\">3</td><td class=\"num\">0</td>"))
            #expect(page.body.contains("<td>w1, w1</td><td class=\"num\">3</td><td class=\"num\">0</td><td class=\"num\">3</td>"))
            #expect(page.body.contains("Quiet hours 21:00–08:00 in the profile&#39;s time zone")
                || page.body.contains("Quiet hours 21:00–08:00 in the profile's time zone"))
            #expect(page.body.contains("Converts on event purchased"))
            #expect(page.body.contains("welcome-copy"))

            // The same tables as CSV: the list's row and the step rows, numbers as the page shows them.
            #expect(list.body.contains("href=\"/dashboard/journeys?ws=demo&amp;format=csv&amp;table=journeys\""))
            let journeys = CSVTable(text: try await get(client, "/dashboard/journeys?ws=demo&format=csv&table=journeys").body)
            #expect(journeys.rows.map(\.fields) == [["Welcome", j.id, "live", "v1", "1", "3", "0"]])
            let steps = try await get(client, "/dashboard/journeys/\(j.id)?ws=demo&format=csv&table=steps_v1")
            #expect(steps.status == .ok)
            #expect(steps.headers[.contentDisposition]?.contains("demo-journey-\(j.id)-steps_v1-") == true)
            let w1 = CSVTable(text: steps.body).rows.first { $0.fields[0] == "w1" }
            #expect(w1.map { Array($0.fields[3...6]) } == ["s1", "3", "3", "0"])
            #expect(page.body.contains("&amp;format=csv&amp;table=experiment_1\" download>"))

            let missing = try await get(client, "/dashboard/journeys/jrn_nope?ws=demo")
            #expect(missing.status == .notFound && missing.body.contains("\"field\":\"journey\""))
        }
        try await runtime.close()
    }
}
