import BeaconEngine
import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

@Suite("Dashboard users and account pages")
struct DashboardUsersTests {
    static func post(_ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)], cookie: String)
        async throws -> TestResponse
    {
        try await client.execute(
            uri: uri, method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .origin: "http://localhost", .cookie: cookie],
            body: DashboardAuthTests.form(fields)) { $0 }
    }

    @Test("An admin adds a member with a workspace, grants and revokes another, removes them; bad input names the field")
    func manage() async throws {
        let server = try await DashboardTestServer.make(workspace: "demo")
        _ = try await server.runtime.workspaces.create(name: "second")
        let users = server.runtime.users
        try await server.app().test(.router) { client in
            let list = try await get(SessionClient(base: client, cookie: server.cookie), "/dashboard/users")
            #expect(list.status == .ok)
            #expect(list.body.contains("<label for=\"new-email\">Email</label>"))

            let added = try await Self.post(
                client, "/dashboard/users",
                [("email", "Mo@Example.com"), ("name", "Mo"), ("role", "member"), ("password", "a member password"),
                 ("workspaces[]", "demo")], cookie: server.cookie)
            #expect(added.status == .seeOther && added.headers[.location] == "/dashboard/users?done=created")
            let mo = try #require(try await users.store.user(email: "mo@example.com"))
            #expect(mo.role == .member)
            #expect(try await users.store.grantedWorkspaceIds(userId: mo.id) == [server.workspace!.id])
            _ = try await users.signIn(email: "mo@example.com", password: "a member password")

            _ = try await Self.post(client, "/dashboard/users/grant", [("user", mo.id), ("workspace", "second")], cookie: server.cookie)
            #expect(try await users.store.grantedWorkspaceIds(userId: mo.id).count == 2)
            _ = try await Self.post(client, "/dashboard/users/revoke", [("user", mo.id), ("workspace", "demo")], cookie: server.cookie)
            let page = try await get(SessionClient(base: client, cookie: server.cookie), "/dashboard/users?done=revoked")
            #expect(page.body.contains("Workspace revoked."))
            #expect(page.body.contains("aria-label=\"Revoke second from mo@example.com\""))

            let duplicate = try await Self.post(
                client, "/dashboard/users",
                [("email", "mo@example.com"), ("name", "Mo 2"), ("role", "member"), ("password", "a member password")],
                cookie: server.cookie)
            #expect(duplicate.status == .conflict)
            #expect(String(buffer: duplicate.body).contains("email: a user with email &#39;mo@example.com&#39; already exists") || String(buffer: duplicate.body).contains("already exists"))
            let short = try await Self.post(
                client, "/dashboard/users",
                [("email", "x@example.com"), ("name", "X"), ("role", "member"), ("password", "short")], cookie: server.cookie)
            #expect(short.status == .badRequest)
            #expect(String(buffer: short.body).contains("password: a password needs at least 10 characters"))
            #expect(String(buffer: short.body).contains("value=\"x@example.com\""), "the draft is kept")
            let badRole = try await Self.post(
                client, "/dashboard/users",
                [("email", "y@example.com"), ("name", "Y"), ("role", "owner"), ("password", "long enough pw")], cookie: server.cookie)
            #expect(badRole.status == .badRequest && String(buffer: badRole.body).contains("role: choose member or admin"))

            let removed = try await Self.post(client, "/dashboard/users/delete", [("user", mo.id)], cookie: server.cookie)
            #expect(removed.headers[.location] == "/dashboard/users?done=deleted")
            #expect(try await users.store.user(id: mo.id) == nil)
            let me = try #require(try await users.store.listUsers().first { $0.role == .admin })
            let selfRemoval = try await Self.post(client, "/dashboard/users/delete", [("user", me.id)], cookie: server.cookie)
            #expect(selfRemoval.status == .badRequest)
        }
    }

    @Test("Members cannot manage users; everyone can change their own password, which signs them out")
    func memberAndAccount() async throws {
        let server = try await DashboardTestServer.make(workspace: "demo")
        let memberCookie = try await DashboardTestServer.signedInCookie(
            server.runtime, role: .member, email: "me@example.com", password: "old password 1")
        try await server.app().test(.router) { client in
            let forbidden = try await get(SessionClient(base: client, cookie: memberCookie), "/dashboard/users")
            #expect(forbidden.status == .forbidden && forbidden.body.contains("Administrators only"))
            let attempt = try await Self.post(
                client, "/dashboard/users", [("email", "z@example.com"), ("name", "Z"), ("password", "long enough pw")],
                cookie: memberCookie)
            #expect(attempt.status == .forbidden)
            #expect(try await server.runtime.users.store.user(email: "z@example.com") == nil)

            let wrong = try await Self.post(
                client, "/dashboard/account/password",
                [("current", "not my password"), ("password", "new password 22"), ("repeat", "new password 22")],
                cookie: memberCookie)
            #expect(wrong.status == .badRequest && String(buffer: wrong.body).contains("current: the current password is not right"))
            let mismatch = try await Self.post(
                client, "/dashboard/account/password",
                [("current", "old password 1"), ("password", "new password 22"), ("repeat", "new password 23")],
                cookie: memberCookie)
            #expect(mismatch.status == .badRequest && String(buffer: mismatch.body).contains("repeat: the two new passwords differ"))
            let changed = try await Self.post(
                client, "/dashboard/account/password",
                [("current", "old password 1"), ("password", "new password 22"), ("repeat", "new password 22")],
                cookie: memberCookie)
            #expect(changed.status == .seeOther && changed.headers[.location]?.hasPrefix("/login") == true)
            let after = try await client.execute(uri: "/dashboard/account", method: .get, headers: [.cookie: memberCookie]) { $0 }
            #expect(after.status == .seeOther, "the old session ended")
        }
        _ = try await server.runtime.users.signIn(email: "me@example.com", password: "new password 22")
    }
}
