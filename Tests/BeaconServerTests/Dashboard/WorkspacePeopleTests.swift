import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

/// Roles given on the dashboard's People page: a workspace admin who is no installation
/// administrator gives roles up to their own, is refused above it and for a permission they do
/// not hold (naming the field), every role given leaves one `grant.set` audit entry, and a
/// member cannot open the page.
@Suite("Dashboard workspace roles")
struct WorkspacePeopleTests {
    @Test("A workspace admin gives member, is refused owner and personal data, and each grant is audited once")
    func grants() async throws {
        let server = try await DashboardTestServer.make(workspace: "demo")
        let ws = try #require(server.workspace)
        let runtime = server.runtime
        let adminCookie = try await DashboardTestServer.signedInCookie(runtime, role: .member, email: "lead@example.com")
        let memberCookie = try await DashboardTestServer.signedInCookie(runtime, role: .member, email: "mo@example.com")
        let lead = try #require(try await runtime.users.store.user(email: "lead@example.com"))
        let mo = try #require(try await runtime.users.store.user(email: "mo@example.com"))
        try await runtime.access.grant(WorkspaceAccess(role: .admin, personalData: false), to: lead, in: ws, by: nil)
        let before = try await runtime.audit.store.entries(workspaceId: ws.id, after: 0, limit: 1_000).count

        try await server.app().test(.router) { client in
            let page = try await get(SessionClient(base: client, cookie: adminCookie), "/dashboard/people?ws=demo")
            #expect(page.status == .ok)
            #expect(page.body.contains("<th scope=\"row\">lead@example.com</th>"))
            #expect(page.body.contains("<option>admin</option>") && page.body.contains("<option>viewer</option>"))
            #expect(!page.body.contains("<option>owner</option>"))
            #expect(!page.body.contains("name=\"personalData\""), "the permission is offered only to those who hold it")

            let saved = try await DashboardUsersTests.post(
                client, "/dashboard/people?ws=demo", [("email", "Mo@Example.com"), ("role", "member")], cookie: adminCookie)
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/dashboard/people?ws=demo&done=saved")
            #expect(try await runtime.access.access(of: mo, in: ws.id) == WorkspaceAccess(role: .member, personalData: false))

            let owner = try await DashboardUsersTests.post(
                client, "/dashboard/people?ws=demo", [("email", "mo@example.com"), ("role", "owner")], cookie: adminCookie)
            #expect(owner.status == .forbidden)
            #expect(String(buffer: owner.body).contains("role: you may not grant"))
            let personal = try await DashboardUsersTests.post(
                client, "/dashboard/people?ws=demo", [("email", "mo@example.com"), ("role", "viewer"), ("personalData", "on")],
                cookie: adminCookie)
            #expect(personal.status == .forbidden)
            #expect(String(buffer: personal.body).contains("personalData: "))
            let badRole = try await DashboardUsersTests.post(
                client, "/dashboard/people?ws=demo", [("email", "mo@example.com"), ("role", "boss")], cookie: adminCookie)
            #expect(badRole.status == .badRequest)
            #expect(String(buffer: badRole.body).contains("role: choose one of"))
            let nobody = try await DashboardUsersTests.post(
                client, "/dashboard/people?ws=demo", [("email", "nobody@example.com"), ("role", "viewer")], cookie: adminCookie)
            #expect(nobody.status == .notFound)
            #expect(try await runtime.access.access(of: mo, in: ws.id)?.role == .member, "refused grants changed nothing")

            // A member may not open the page or give roles.
            #expect(try await get(SessionClient(base: client, cookie: memberCookie), "/dashboard/people?ws=demo").status == .forbidden)
            let escalate = try await DashboardUsersTests.post(
                client, "/dashboard/people?ws=demo", [("email", "mo@example.com"), ("role", "admin")], cookie: memberCookie)
            #expect(escalate.status == .forbidden)

            // The installation administrator (an admin of every workspace, with the permission) may give it.
            let byAdmin = try await DashboardUsersTests.post(
                client, "/dashboard/people?ws=demo", [("email", "lead@example.com"), ("role", "admin"), ("personalData", "on")],
                cookie: server.cookie)
            #expect(byAdmin.status == .seeOther)
            #expect(try await runtime.access.access(of: lead, in: ws.id) == WorkspaceAccess(role: .admin, personalData: true))
        }
        let added = Array(try await runtime.audit.store.entries(workspaceId: ws.id, after: 0, limit: 1_000).dropFirst(before))
        #expect(added.map(\.action) == ["grant.set", "grant.set"])
        #expect(added.first?.actor == "user:\(lead.id)")
        #expect(added.first?.detail == "user \(mo.id) role member personal-data no")
        #expect(try await runtime.audit.verify(workspaceId: ws.id).isIntact)
    }
}
