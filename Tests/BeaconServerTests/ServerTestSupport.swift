import BeaconEngine
import BeaconServer
import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

/// A Beacon application on a fresh SQLite store with one workspace, ready for tests.
struct TestServer {
    let runtime: BeaconRuntime
    let workspace: Workspace
    let writeKey: String
    let metrics = BeaconMetrics()

    static func make() async throws -> TestServer {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-server-\(UUID().uuidString)")
        let runtime = try await BeaconRuntime.open(databaseURL: nil, dataDirectory: dir.path, logger: Logger(label: "test"))
        let (ws, key) = try await runtime.workspaces.create(name: "shop")
        return TestServer(runtime: runtime, workspace: ws, writeKey: key)
    }

    func app() -> some ApplicationProtocol {
        buildApplication(runtime: runtime, configuration: .init(host: "127.0.0.1", port: 0, journeyRunnerInterval: nil), logger: Logger(label: "test"), metrics: metrics)
    }

    func basic(_ key: String? = nil) -> String {
        "Basic " + Data("\(key ?? writeKey):".utf8).base64EncodedString()
    }

    func storedEvents() async throws -> [StoredEvent] {
        try await runtime.stores.events.events(in: workspace.id, after: nil, limit: 10_000)
    }
}

/// Decodes a problem+json body.
func problem(_ response: TestResponse) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
}

/// Locates a Python interpreter with the tracking SDKs (`BEACON_PYTHON`, set by `.ci/run`).
var sdkPython: String? { ProcessInfo.processInfo.environment["BEACON_PYTHON"] }
