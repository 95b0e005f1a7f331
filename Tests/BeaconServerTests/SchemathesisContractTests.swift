import BeaconCore
import BeaconServer
import BeaconTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Locates schemathesis (`BEACON_SCHEMATHESIS`, set by `.ci/run`).
var schemathesis: String? { ProcessInfo.processInfo.environment["BEACON_SCHEMATHESIS"] }

/// The API against its own OpenAPI document, checked by schemathesis (a property-based API
/// tester, run as a peer over a real socket): no server error, every status and header
/// documented, schema-valid input accepted and invalid input refused, auth required where
/// declared, 405s that name the methods the router really takes.
@Suite("API contract under schemathesis", .liveSocket)
struct SchemathesisContractTests {
    @Test(
        "schemathesis runs every check against every documented operation and finds no failure",
        .enabled(if: schemathesis != nil, "set BEACON_SCHEMATHESIS to a schemathesis 4 executable (.ci/run does)"))
    func schemathesisFindsNothing() async throws {
        let server = try await TestServer.make()
        let token = try await server.runtime.profiles.createAPIToken(workspaceId: server.workspace.id, label: "schemathesis")
        let config = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("schemathesis.toml").path
        let output = try await server.app().test(.live) { client in
            let port = try #require(client.port)
            // Something to read: a tracked order, so profiles, events and segments are not empty.
            try await client.execute(
                uri: "/v1/track", method: .post,
                headers: [.authorization: server.basic(), .contentType: "application/json"],
                body: ByteBuffer(string: #"{"userId":"u1","event":"Order Completed","properties":{"revenue":10}}"#)
            ) { #expect($0.status == .ok) }
            return try await runProcess(
                schemathesis!,
                [
                    "--config-file", config, "--no-color", "run", "http://127.0.0.1:\(port)/openapi.json",
                    "-H", "Authorization: Bearer \(token)", "--max-examples", "12", "--workers", "1",
                    "--seed", "20261204",
                ])
        }
        let failures = output.stdout.split(separator: "\n").filter { $0.contains("❌") || $0.contains(" ST") }
        #expect(output.status == 0, "schemathesis failed:\n\(failures.joined(separator: "\n"))\n\(output.stdout.suffix(6000))\n\(output.stderr.suffix(2000))")
    }
}
