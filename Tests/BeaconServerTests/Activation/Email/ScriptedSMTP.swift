import Foundation
import Testing

/// The scripted SMTP server (`bench/smtp/scripted_smtp.py`, PyPI aiosmtpd) that `.ci/run`
/// starts on loopback: `BEACON_SMTP_PORT` is its port, `BEACON_SMTP_SPOOL` the folder where
/// it records every `RCPT TO` and every accepted message (decoded by Python's email package).
///
/// Recipients script its answers through their local part: `rcpt550-…` (a hard bounce at
/// RCPT), `data554-…`, `once451-…` (a 451 the first time only); others are accepted. Tests
/// use unique addresses, so they can share one server.
enum ScriptedSMTP {
    static let environment = ProcessInfo.processInfo.environment
    static let port: Int? = environment["BEACON_SMTP_PORT"].flatMap { Int($0) }
    static let spool: String? = environment["BEACON_SMTP_SPOOL"]
    static var available: Bool { port != nil && spool != nil }
    static let skipReason: Comment =
        "set BEACON_SMTP_PORT and BEACON_SMTP_SPOOL to a running bench/smtp/scripted_smtp.py (.ci/run starts it)"

    /// A message as the server received it.
    struct Received: Decodable {
        var mailFrom: String
        var rcptTos: [String]
        var contentType: String
        var headers: [String: String]
        var text: String?
        var html: String?
        var raw: String
    }

    struct Attempt: Decodable {
        var address: String
        var code: Int
    }

    private static func lines<T: Decodable>(_ file: String, as type: T.Type) -> [T] {
        guard let spool, let data = FileManager.default.contents(atPath: spool + "/" + file) else { return [] }
        return data.split(separator: UInt8(ascii: "\n")).compactMap {
            try? JSONDecoder().decode(T.self, from: Data($0))
        }
    }

    /// The accepted messages to `address`.
    static func messages(to address: String) -> [Received] {
        lines("messages.jsonl", as: Received.self).filter { $0.rcptTos.contains(address) }
    }

    /// The codes the server answered `RCPT TO:<address>` with, in order.
    static func attempts(_ address: String) -> [Int] {
        lines("rcpt.jsonl", as: Attempt.self).filter { $0.address == address }.map(\.code)
    }

    /// Waits until `condition` holds, for at most `seconds`.
    static func wait(seconds: Double, until condition: () -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition(), Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
    }
}
