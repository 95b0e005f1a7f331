import BeaconTestSupport
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The Python webhook receiver (`Receiver/webhook_receiver.py`) run as a child process on
/// loopback: it verifies every signature with PyPI `standardwebhooks` and records each
/// `webhook-id`; tests script it per endpoint to fail, stall or answer 410.
final class WebhookReceiver: @unchecked Sendable {
    let server: LoopbackScriptServer
    var port: Int { server.port }

    /// A Python with `standardwebhooks` (`BEACON_WEBHOOK_PYTHON`, as `.ci/run` sets it, else
    /// `BEACON_PYTHON` or `python3`), or nil.
    static let python: String? = {
        let env = ProcessInfo.processInfo.environment
        for candidate in [env["BEACON_WEBHOOK_PYTHON"], env["BEACON_PYTHON"], "/usr/bin/python3"].compactMap({ $0 }) {
            if (try? runProcessBlocking(candidate, ["-c", "import standardwebhooks"]))?.status == 0 { return candidate }
        }
        return nil
    }()

    static let skipReason: Comment =
        "set BEACON_WEBHOOK_PYTHON to a Python with PyPI standardwebhooks (.ci/run does) to run the webhook receiver"

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Receiver/webhook_receiver.py")

    init() throws {
        guard let python = Self.python else { throw ReceiverError(message: "no Python with standardwebhooks") }
        server = try LoopbackScriptServer(interpreter: python, script: Self.script.path)
    }

    /// Stops the receiver (see `LoopbackScriptServer.stop`).
    func stop() { server.stop() }

    func url(_ endpoint: String) -> String { "http://127.0.0.1:\(port)/hooks/\(endpoint)" }

    /// Sets an endpoint's secrets and behaviour (`mode`: ok, fail, stall, gone; `status`,
    /// `stall` seconds, `retryAfter`, `failFirst` attempts per id; `closeAfterAnswer`: close each
    /// connection after its answer without a `Connection: close`).
    func control(_ endpoint: String, _ config: [String: Any]) async throws {
        var r = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/control/\(endpoint)")!)
        r.httpMethod = "POST"
        r.httpBody = try JSONSerialization.data(withJSONObject: config)
        _ = try await URLSession.shared.data(for: r)
    }

    /// What the endpoint has seen.
    func stats(_ endpoint: String) async throws -> Stats {
        let (data, _) = try await URLSession.shared.data(
            from: URL(string: "http://127.0.0.1:\(port)/stats/\(endpoint)")!)
        return try JSONDecoder().decode(Stats.self, from: data)
    }

    /// Waits until `condition` holds for the endpoint's stats, for at most `seconds`.
    @discardableResult
    func wait(_ endpoint: String, seconds: Double, until condition: (Stats) -> Bool) async throws -> Stats {
        let deadline = Date().addingTimeInterval(seconds)
        var s = try await stats(endpoint)
        while !condition(s), Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
            s = try await stats(endpoint)
        }
        return s
    }

    struct Stats: Decodable {
        /// Requests received, verified or not.
        var received: Int
        /// Distinct webhook-ids applied.
        var unique: Int
        /// Redeliveries of an applied id.
        var duplicates: Int
        var badSignatures: Int
        /// Applied ids with how often each arrived (after the first, answered 2xx).
        var ids: [String: Int]
        /// Each applied id's first body.
        var payloads: [String: String]
        /// Each id's arrival attempts, failed ones included.
        var attempts: [String: Int]
        var firstSeen: [String: Double]
        /// Connections that posted to the endpoint.
        var connections: Int
    }

    struct ReceiverError: Error { var message: String }
}
