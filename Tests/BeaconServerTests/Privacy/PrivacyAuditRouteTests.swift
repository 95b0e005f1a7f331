import BeaconCore
import BeaconEngine
import BeaconServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The privacy API in the audit log: each call leaves exactly one entry, with the privacy
/// action's own verb and the calling token as actor (not a second, generic entry of the route).
@Suite("Privacy API audit entries")
struct PrivacyAuditRouteTests {
    @Test("Export, consent, suppress, lift, retention and erasure calls each leave exactly one entry by the token")
    func oneEntryPerCall() async throws {
        let server = try await TestServer.make()
        let ws = server.workspace.id
        let token = try await server.runtime.profiles.createAPIToken(workspaceId: ws, label: "auditor")
        let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        let audit = server.runtime.audit
        @Sendable func entries() async throws -> [AuditEntry] {
            try await audit.store.entries(workspaceId: ws, after: 0, limit: 10_000)
        }
        try await server.app().test(.router) { client in
            let ingest: HTTPFields = [.authorization: server.basic(), .contentType: "application/json"]
            let identify = #"{"userId":"grace-7","anonymousId":"anon-grace","traits":{"email":"Grace@Example.com"}}"#
            #expect(try await client.execute(uri: "/v1/identify", method: .post, headers: ingest, body: ByteBuffer(string: identify)).status == .ok)

            /// Makes the call, expects `status`, and returns the entries it appended.
            func call(_ uri: String, _ method: HTTPRequest.Method, _ body: String? = nil, status: HTTPResponse.Status)
                async throws -> [AuditEntry]
            {
                let before = try await entries().count
                let r = try await client.execute(
                    uri: uri, method: method, headers: auth, body: body.map { ByteBuffer(string: $0) })
                #expect(r.status == status, "\(method) \(uri): \(String(buffer: r.body))")
                return Array(try await entries().dropFirst(before))
            }

            let export = try await call("/api/privacy/export?identifier=grace@example.com", .get, status: .ok)
            #expect(export.map(\.action) == ["privacy.export"])
            let consent = try await call("/api/privacy/consent?identifier=grace-7", .get, status: .ok)
            #expect(consent.map(\.action) == ["privacy.consent.read"])
            #expect(export.first?.subject != nil && export.first?.subject == consent.first?.subject)
            let suppress = try await call("/api/privacy/suppressions", .post, #"{"identifier":"anon-grace"}"#, status: .created)
            #expect(suppress.map(\.action) == ["privacy.suppress"])
            let id = try #require(suppress.first?.detail.split(separator: " ").dropFirst().first.map(String.init))
            let lift = try await call("/api/privacy/suppressions/\(id)", .delete, status: .noContent)
            #expect(lift.map(\.action) == ["privacy.suppression.lift"])
            let retention = try await call("/api/privacy/retention", .put, #"{"event":"*","days":400}"#, status: .ok)
            #expect(retention.map(\.action) == ["privacy.retention.set"])
            let run = try await call("/api/privacy/retention/run", .post, status: .ok)
            #expect(run.map(\.action) == ["privacy.retention.run"])
            // A refused call records nothing.
            #expect(try await call("/api/privacy/suppressions/\(id)", .delete, status: .notFound).isEmpty)

            let requested = try await call("/api/privacy/erasures", .post, #"{"identifier":"grace-7"}"#, status: .accepted)
            #expect(requested.map(\.action) == ["privacy.erasure.request"])
            var all: [AuditEntry] = []
            for _ in 0..<200 {
                all = try await entries()
                if all.contains(where: { $0.action.hasPrefix("privacy.erasure.") && $0.action != "privacy.erasure.request" }) {
                    break
                }
                try await Task.sleep(nanoseconds: 50_000_000)
            }
            let tail = all.drop { $0.sequence <= requested[0].sequence }.map(\.action)
            #expect(tail == ["privacy.suppress", "privacy.erasure.done"])
            let privacyEntries = all.filter { $0.action.hasPrefix("privacy.") }
            #expect(privacyEntries.count == 9)
            #expect(privacyEntries.allSatisfy { $0.actor.hasPrefix("token:") })
            #expect(!all.contains { $0.action.contains("/api/privacy") })
            #expect(try await audit.verify(workspaceId: ws).isIntact)
            let text = all.map { "\($0.actor) \($0.action) \($0.subject ?? "") \($0.detail)" }.joined(separator: "\n")
            for value in ["grace-7", "anon-grace", "grace@example.com", "Grace@Example.com"] {
                #expect(!text.contains(value), "'\(value)' is in the audit log")
            }
        }
    }
}
