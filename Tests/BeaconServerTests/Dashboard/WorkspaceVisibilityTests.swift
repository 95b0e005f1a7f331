import BeaconCore
import BeaconEngine
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Testing

@testable import BeaconServer

/// The dashboard's workspace list is the signed-in user's: all for an admin, the granted ones
/// for a member, and nothing at all without a user (it once showed every workspace when the
/// store kept no users).
@Suite("Dashboard workspace visibility")
struct WorkspaceVisibilityTests {
    static func request(_ path: String) -> Request {
        Request(
            head: HTTPRequest(method: .get, scheme: "http", authority: "127.0.0.1", path: path),
            body: RequestBody(buffer: ByteBuffer()))
    }

    @Test("no signed-in user: 401 naming the session cookie; a member sees only granted workspaces; an admin sees all")
    func visibility() async throws {
        let server = try await TestServer.make()
        let runtime = server.runtime
        let (other, _) = try await runtime.workspaces.create(name: "other")
        let controller = DashboardController<BasicRequestContext>(runtime: runtime, settings: DashboardSettings())

        let refused = try await #require(throws: ProblemDetails.self) {
            _ = try await controller.workspaces(Self.request("/dashboard"))
        }
        #expect(refused.status == .unauthorized && refused.field == DashboardSession.cookieName)

        let member = try await runtime.users.createUser(
            email: "m-\(UUID().uuidString.prefix(6))@example.com", name: "M", password: "member password 1", role: .member)
        try await runtime.users.store.grantWorkspace(userId: member.id, workspaceId: other.id)
        let seen = try await DashboardSession.$user.withValue(member) {
            try await controller.workspaces(Self.request("/dashboard")).all.map(\.name)
        }
        #expect(seen == ["other"])
        await #expect(throws: ProblemDetails.self) {
            _ = try await DashboardSession.$user.withValue(member) {
                try await controller.workspaces(Self.request("/dashboard?ws=shop"))
            }
        }

        let admin = try await runtime.users.createUser(
            email: "a-\(UUID().uuidString.prefix(6))@example.com", name: "A", password: "admin password 1", role: .admin)
        let all = try await DashboardSession.$user.withValue(admin) {
            try await controller.workspaces(Self.request("/dashboard")).all.map(\.name)
        }
        #expect(all == ["other", "shop"])
    }
}
