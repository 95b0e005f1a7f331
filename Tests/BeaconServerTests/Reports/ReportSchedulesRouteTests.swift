import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import BeaconServer

/// The scheduled-report routes with scoped tokens on both backends, and the Reports page.
@Suite("Report schedule routes")
struct ReportSchedulesRouteTests {
    @Test("the schedule API: create, problems naming the field, pause, runs, delete", arguments: AccessBackend.available)
    func api(_ backend: AccessBackend) async throws {
        let server = try await AccessTestServer.make(backend)
        let (ws, _) = try await server.workspace("sched-api")
        let (user, cookie) = try await server.user(admin: true, role: nil, in: nil)
        let destination = try await server.runtime.activation.createEmailDestination(
            workspaceId: ws.id, name: "reports",
            settings: EmailSettings(
                host: "127.0.0.1", port: 2525, security: .none, from: "reports@shop.example", subject: "s", text: "t",
                html: "h", unsubscribeBase: "https://beacon.test"),
            password: nil, verify: false)
        let writer = try await server.token(ws, "destinations:write,destinations:read")
        let reader = try await server.token(ws, "destinations:read")
        try await server.app().test(.router) { client in
            func call(_ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil, token: String) async throws
                -> (HTTPResponse.Status, [String: Any])
            {
                let r = try await client.execute(
                    uri: uri, method: method,
                    headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                    body: body.map { ByteBuffer(string: $0) })
                let json = (try? JSONSerialization.jsonObject(with: Data([UInt8](buffer: r.body)))) as? [String: Any]
                return (r.status, json ?? [:])
            }
            let good = #"{"name":"Daily","user":"\#(user.email)","schedule":"daily","time":"06:15","timeZone":"America/New_York","destination":"\#(destination.id)"}"#
            for (body, field) in [
                (good.replacingOccurrences(of: #""daily","time":"06:15""#, with: #""0 25 * * *""#), "schedule"),
                (good.replacingOccurrences(of: "\"daily\"", with: "\"0 6 * * *\""), "time"),
                (good.replacingOccurrences(of: "06:15", with: "6pm"), "time"),
                (good.replacingOccurrences(of: "America/New_York", with: "Moon/Base"), "timeZone"),
                (good.replacingOccurrences(of: destination.id, with: "dst_nope"), "destination"),
                (good.replacingOccurrences(of: "\"name\":\"Daily\",", with: ""), "name"),
            ] {
                let (status, problem) = try await call(.post, "/api/reports/schedules", body, token: writer)
                #expect(status == .badRequest && problem["field"] as? String == field, "\(field): \(problem)")
            }
            let (forbidden, _) = try await call(.post, "/api/reports/schedules", good, token: reader)
            #expect(forbidden == .forbidden)
            let (created, s) = try await call(.post, "/api/reports/schedules", good, token: writer)
            #expect(created == .created && s["schedule"] as? String == "15 6 * * *" && s["state"] as? String == "active")
            let id = try #require(s["id"] as? String)
            let (_, list) = try await call(.get, "/api/reports/schedules", token: reader)
            #expect((list["schedules"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])
            let (_, paused) = try await call(.post, "/api/reports/schedules/\(id)/pause", token: writer)
            #expect(paused["state"] as? String == "paused" && paused["nextRunAt"] is NSNull)
            let (_, runs) = try await call(.get, "/api/reports/schedules/\(id)/runs", token: reader)
            #expect((runs["runs"] as? [Any])?.isEmpty == true)
            let (missing, problem) = try await call(.get, "/api/reports/schedules/rsc_0000000000000000", token: reader)
            #expect(missing == .notFound && problem["field"] as? String == "id")
            // The dashboard's Reports page lists it for a signed-in user.
            let page = try await client.execute(
                uri: "/dashboard/reports?ws=\(ws.name)", method: .get, headers: [.cookie: cookie])
            #expect(page.status == .ok && String(buffer: page.body).contains("<code>15 6 * * *</code>"))
            #expect(String(buffer: page.body).contains("format=csv&amp;table=schedules\" download>"))
            // No run yet: the runs table's empty message in its place, with no table or download.
            #expect(String(buffer: page.body).contains("<p class=\"empty\">Nothing sent yet.</p>"))
            #expect(!String(buffer: page.body).contains("id=\"table-runs\""))
            // Its schedules download as CSV (paused, so no next run), with the same cells.
            let csv = try await client.execute(
                uri: "/dashboard/reports?ws=\(ws.name)&format=csv&table=schedules", method: .get, headers: [.cookie: cookie])
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(
                CSVTable(text: String(buffer: csv.body)).rows.map(\.fields)
                    == [["Daily", user.email, "15 6 * * *", "America/New_York", "reports", "—", "paused"]],
                "\(String(buffer: csv.body))")
            let runsCSV = try await client.execute(
                uri: "/dashboard/reports?ws=\(ws.name)&format=csv&table=runs", method: .get, headers: [.cookie: cookie])
            // Nothing sent yet: the page shows no runs table, so there is none to download.
            #expect(runsCSV.status == .notFound && String(buffer: runsCSV.body).contains("\"field\":\"table\""))
            let (deleted, _) = try await call(.delete, "/api/reports/schedules/\(id)", token: writer)
            #expect(deleted == .noContent)
        }
        try await server.runtime.close()
    }
}
