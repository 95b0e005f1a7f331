import BeaconEngine
import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

@Suite("Sources and write keys on the data page")
struct WriteKeyRoutesTests {
    static func track(_ client: some TestClientProtocol, key: String) async throws -> HTTPResponse.Status {
        try await client.execute(
            uri: "/v1/track", method: .post,
            headers: [.contentType: "application/json", .authorization: "Basic " + Data("\(key):".utf8).base64EncodedString()],
            body: ByteBuffer(string: #"{"userId":"u1","event":"Signed Up"}"#)
        ) { $0.status }
    }

    @Test("An admin creates a key (shown once, works at once), sees it listed by fingerprint, and revokes it (refused at once)")
    func createAndRevoke() async throws {
        let server = try await DashboardTestServer.make(workspace: "demo")
        try await server.app().test(.router) { client in
            let created = try await DashboardUsersTests.post(
                client, "/dashboard/data/keys?ws=demo", [("label", "ios-app")], cookie: server.cookie)
            #expect(created.status == .created)
            let html = String(buffer: created.body)
            let key = try #require(html.range(of: #"bk_[0-9a-f]{64}"#, options: .regularExpression).map { String(html[$0]) })
            #expect(try await Self.track(client, key: key) == .ok)

            let data = try await get(SessionClient(base: client, cookie: server.cookie), "/dashboard/data?ws=demo").body
            let fingerprint = String(WriteKey.hash(key).prefix(12))
            #expect(data.contains("<th scope=\"row\">ios-app</th><td><code>\(fingerprint)</code>"))
            #expect(data.contains("<th scope=\"row\">default</th>"))
            #expect(!data.contains(key), "the key is never shown again")

            let revoked = try await DashboardUsersTests.post(
                client, "/dashboard/data/keys/revoke?ws=demo", [("fingerprint", fingerprint)], cookie: server.cookie)
            #expect(revoked.status == .seeOther)
            #expect(try await Self.track(client, key: key) == .unauthorized, "the ingest cache forgets a revoked key at once")
            #expect(try await Self.track(client, key: server.writeKey!) == .ok, "other keys keep working")

            for (fields, status) in [([("fingerprint", "abc")], HTTPResponse.Status.badRequest), ([("fingerprint", fingerprint)], .badRequest)] {
                let r = try await DashboardUsersTests.post(client, "/dashboard/data/keys/revoke?ws=demo", fields, cookie: server.cookie)
                #expect(r.status == status)
                #expect(String(buffer: r.body).contains("\"field\":\"fingerprint\""))
            }
            let noLabel = try await DashboardUsersTests.post(client, "/dashboard/data/keys?ws=demo", [("label", "  ")], cookie: server.cookie)
            #expect(noLabel.status == .badRequest && String(buffer: noLabel.body).contains("\"field\":\"label\""))
        }
    }

    @Test("Members see the keys but cannot add or revoke them")
    func memberReadOnly() async throws {
        let server = try await DashboardTestServer.make(workspace: "demo")
        let cookie = try await DashboardTestServer.signedInCookie(server.runtime, role: .member, email: "m@example.com")
        let member = try #require(try await server.runtime.users.store.user(email: "m@example.com"))
        try await server.runtime.users.store.grantWorkspace(userId: member.id, workspaceId: server.workspace!.id)
        try await server.app().test(.router) { client in
            let data = try await get(SessionClient(base: client, cookie: cookie), "/dashboard/data").body
            #expect(data.contains("<th scope=\"row\">default</th>"))
            #expect(!data.contains("Create write key") && data.contains("An administrator can add or revoke keys"))
            let r = try await DashboardUsersTests.post(client, "/dashboard/data/keys?ws=demo", [("label", "x")], cookie: cookie)
            #expect(r.status == .forbidden)
            #expect(try await server.runtime.workspaces.writeKeys(of: server.workspace!).count == 1)
        }
    }
}
