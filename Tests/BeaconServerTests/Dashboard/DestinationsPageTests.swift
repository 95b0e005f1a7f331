import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

@Suite("Destinations page")
struct DestinationsPageTests {
    @Test("create a webhook (secret shown once), activate a segment from its page, test, pause, resume, rotate, replay")
    func manage() async throws {
        let server = try await DashboardTestServer.make(workspace: "demo")
        let ws = try #require(server.workspace)
        let segment = try await server.runtime.profiles.saveSegment(
            workspaceId: ws.id, name: "VIP", rule: ["plan": "gold"]
        )
        .segment
        try await server.app().test(.router) { client in
            let session = SessionClient(base: client, cookie: server.cookie)
            let empty = try await get(session, "/dashboard/destinations?ws=demo")
            #expect(empty.status == .ok && empty.body.contains("No destinations yet"))
            let detailPage = try await get(session, "/dashboard/segments/\(segment.id)?ws=demo")
            #expect(
                detailPage.body.contains(
                    "href=\"/dashboard/destinations?ws=demo&amp;segment=\(segment.id)#activate-heading\">Activate</a>"))

            let created = try await DashboardUsersTests.post(
                client, "/dashboard/destinations/webhook?ws=demo",
                [("name", "crm"), ("url", "http://127.0.0.1:9/hook")],
                cookie: server.cookie)
            #expect(created.status == .created)
            let html = String(buffer: created.body)
            let secret = try #require(
                html.range(of: #"whsec_[A-Za-z0-9+/=]+"#, options: .regularExpression).map { String(html[$0]) })
            let d = try #require(try await server.runtime.activation.destinations(workspaceId: ws.id).first)
            #expect(try SecretBox.fromEnvironment().open(d.sealedSecrets[0]) == secret)

            let bad = try await DashboardUsersTests.post(
                client, "/dashboard/destinations/webhook?ws=demo", [("name", "x"), ("url", "ftp://x")],
                cookie: server.cookie)
            #expect(bad.status == .badRequest && String(buffer: bad.body).contains("\"field\":\"url\""))
            let badEmail = try await DashboardUsersTests.post(
                client, "/dashboard/destinations/email?ws=demo",
                [
                    ("name", "news"), ("host", "smtp.example.com"), ("port", "587"), ("from", "news@shop.example"),
                    ("subject", "Hi {{nickname}}"), ("text", "t"), ("html", "h"),
                    ("unsubscribeUrl", "https://b.example"),
                ],
                cookie: server.cookie)
            #expect(badEmail.status == .badRequest && String(buffer: badEmail.body).contains("\"field\":\"subject\""))

            let preselected = try await get(session, "/dashboard/destinations?ws=demo&segment=\(segment.id)")
            #expect(preselected.body.contains("<option value=\"\(segment.id)\" selected>VIP</option>"))
            let activated = try await DashboardUsersTests.post(
                client, "/dashboard/destinations/activate?ws=demo",
                [("segment", segment.id), ("destination", d.id), ("entered", "on"), ("exited", "on")],
                cookie: server.cookie)
            #expect(activated.status == .seeOther)
            let activations = try await server.runtime.activation.activations(workspaceId: ws.id)
            #expect(activations.map(\.trigger) == [.segment(id: segment.id, on: [.entered, .exited])])

            for action in ["test", "pause"] {
                let r = try await DashboardUsersTests.post(
                    client, "/dashboard/destinations/\(d.id)/\(action)?ws=demo", [], cookie: server.cookie)
                #expect(r.status == .seeOther)
            }
            #expect(try await server.runtime.activation.destination(workspaceId: ws.id, id: d.id).state == .paused)
            let page = try await get(session, "/dashboard/destinations?ws=demo")
            #expect(page.body.contains("<td class=\"state-paused\">paused</td><td class=\"num\">1</td>"))
            #expect(page.body.contains("segment VIP entered, exited"))
            // The destinations and activations download as CSV with the page's values.
            #expect(page.body.contains("format=csv&amp;table=destinations\" download>"))
            let listed = CSVTable(text: try await get(session, "/dashboard/destinations?ws=demo&format=csv&table=destinations").body)
            #expect(listed.rows.map(\.fields) == [["crm", "webhook", "http://127.0.0.1:9/hook", "paused", "", "1", "0", "0"]])
            let activationsCSV = CSVTable(text: try await get(session, "/dashboard/destinations?ws=demo&format=csv&table=activations").body)
            #expect(activationsCSV.rows.map(\.fields) == [[activations[0].id, "segment VIP entered, exited", "crm"]])
            #expect(!page.body.contains(secret))
            _ = try await DashboardUsersTests.post(
                client, "/dashboard/destinations/\(d.id)/resume?ws=demo", [], cookie: server.cookie)
            #expect(try await server.runtime.activation.destination(workspaceId: ws.id, id: d.id).state == .active)
            let rotated = try await DashboardUsersTests.post(
                client, "/dashboard/destinations/\(d.id)/rotate-secret?ws=demo", [], cookie: server.cookie)
            #expect(rotated.status == .created && String(buffer: rotated.body).contains("whsec_"))
            #expect(
                try await server.runtime.activation.destination(workspaceId: ws.id, id: d.id).sealedSecrets.count == 2)
            let log = try await get(session, "/dashboard/destinations/\(d.id)?ws=demo")
            #expect(log.status == .ok && log.body.contains("destination.test") == false && log.body.contains("test:"))
            let replay = try await DashboardUsersTests.post(
                client, "/dashboard/destinations/\(d.id)/replay?ws=demo", [], cookie: server.cookie)
            #expect(replay.status == .seeOther)

            _ = try await DashboardUsersTests.post(
                client, "/dashboard/email-suppressions/add?ws=demo", [("address", "Ann@example.com")],
                cookie: server.cookie)
            #expect(
                try await get(session, "/dashboard/destinations?ws=demo").body.contains(
                    "<th scope=\"row\">ann@example.com</th><td>manual</td>"))
            _ = try await DashboardUsersTests.post(
                client, "/dashboard/email-suppressions/remove?ws=demo", [("address", "ann@example.com")],
                cookie: server.cookie)
            #expect(try await server.runtime.activation.emailSuppressions(workspaceId: ws.id).isEmpty)
        }
    }
}
