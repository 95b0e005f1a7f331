import BeaconCore
import BeaconServer
import BeaconTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The official Segment and RudderStack Python SDKs, unchanged, talk to a running Beacon
/// over a real socket; the store must then hold exactly the calls they made.
@Suite("Tracking SDKs end to end", .liveSocket)
struct SDKEndToEndTests {
    @Test("segment-analytics-python and rudder-sdk-python: identify, track, page, screen, group, alias, gzip batches",
          .enabled(if: sdkPython != nil, "set BEACON_PYTHON to a Python with segment-analytics-python and rudder-sdk-python (.ci/run does)"))
    func sdks() async throws {
        let server = try await TestServer.make()
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("sdk_e2e.py").path
        let output = try await server.app().test(.live) { client in
            let port = try #require(client.port)
            return try await runProcess(sdkPython!, [script, "http://127.0.0.1:\(port)", server.writeKey])
        }
        #expect(output.status == 0, "SDK script failed: \(output.stderr)")
        let sent = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: String]])
        #expect(sent.count == 18)
        let stored = try await server.storedEvents().map(\.event)
        #expect(stored.count == sent.count)
        let byId = Dictionary(uniqueKeysWithValues: stored.map { ($0.messageId, $0) })
        for call in sent {
            let event = try #require(byId[call["messageId"]!], "missing \(call)")
            #expect(event.type.rawValue == call["type"])
            #expect(event.userId == call["userId"])
            if let name = call["event"] { #expect(event.event == name) }
        }
        let order = try #require(byId["seg-gzip-track"])
        #expect(order.properties?["revenue"] == .number(42.5))
        #expect(order.context?["library"]?["name"]?.stringValue?.contains("analytics-python") == true)
        #expect(byId["rudder-alias"]?.previousId == "anon-7")
        #expect(byId["seg-sync-group"]?.groupId == "org-9")
        #expect(byId["seg-sync-identify"]?.traits?["email"] == .string("ada@example.com"))
    }
}
