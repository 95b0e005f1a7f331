import BeaconCore
import BeaconTestSupport
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The recorded-reply server (`Fixtures/AudienceSync/vendor_replay.py`) run as a child
/// process on loopback: tests queue a vendor's recorded replies, point a destination at it,
/// and read back every request it received.
final class VendorReplayServer: @unchecked Sendable {
    let server: LoopbackScriptServer
    var port: Int { server.port }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/AudienceSync")

    /// A Python 3 (`BEACON_PYTHON` or `python3` on the path), or nil.
    static let python: String? = {
        let env = ProcessInfo.processInfo.environment
        for candidate in [env["BEACON_PYTHON"], "/usr/bin/python3", "/usr/local/bin/python3"].compactMap({ $0 })
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return nil
    }()

    static let skipReason: Comment = "the audience sync contract tests need python3 to serve the recorded vendor replies"

    init() throws {
        guard let python = Self.python else { throw ServerError(message: "no python3") }
        server = try LoopbackScriptServer(
            interpreter: python, script: Self.fixtures.appendingPathComponent("vendor_replay.py").path)
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// A vendor's recorded replies (`replies/<vendor>.json`) by name.
    static func replies(_ vendor: String) throws -> [String: JSONValue] {
        try JSONValue.parse(Data(contentsOf: fixtures.appendingPathComponent("replies/\(vendor).json"))).objectValue ?? [:]
    }

    /// Queues recorded replies, each for the next request with `method` whose path starts with `path`.
    func script(_ replies: [(method: String, path: String, reply: JSONValue)]) async throws {
        let items: [JSONValue] = replies.map { r in
            var o = r.reply.objectValue ?? [:]
            o["method"] = .string(r.method)
            o["path"] = .string(r.path)
            return .object(o)
        }
        try await post("/__script", JSONValue.array(items).serialized())
    }

    func reset() async throws { try await post("/__reset", "") }

    /// The requests received since the last reset, oldest first.
    func requests() async throws -> [Recorded] {
        let (data, _) = try await URLSession.shared.data(from: URL(string: baseURL + "/__requests")!)
        return try JSONDecoder().decode([Recorded].self, from: data)
    }

    private func post(_ path: String, _ body: String) async throws {
        var r = URLRequest(url: URL(string: baseURL + path)!)
        r.httpMethod = "POST"
        r.httpBody = Data(body.utf8)
        _ = try await URLSession.shared.data(for: r)
    }

    struct Recorded: Decodable {
        var method: String
        var path: String
        var headers: [String: String]
        var body: String

        var json: JSONValue? { try? JSONValue.parse(Data(body.utf8)) }
    }

    struct ServerError: Error { var message: String }
}
