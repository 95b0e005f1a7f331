import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A script run as a child process that serves on loopback and announces its port as its
/// first line of output (`PORT 40123`): the webhook receiver, the audience sync vendor replay,
/// the STARTTLS mail server.
///
/// Stopped with SIGKILL; stopping twice is harmless, and the server stops when it is released.
public final class LoopbackScriptServer: @unchecked Sendable {
    public let process: ChildProcess
    public let port: Int
    private let output: String

    /// Starts `interpreter script arguments…` and waits (up to `timeout`) for its `PORT` line.
    /// - Throws: `LoopbackScriptServerError` when the script ends, prints something else first
    ///   or says nothing in time.
    public init(interpreter: String, script: String, arguments: [String] = [], timeout: Duration = .seconds(60)) throws {
        output = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-server-\(UUID().uuidString).out").path
        process = try ChildProcess(interpreter, [script] + arguments, stdout: .file(output))
        let deadline = ContinuousClock.now + timeout
        var text = ""
        while !text.contains("\n"), process.isRunning, ContinuousClock.now < deadline {
            usleep(20_000)
            text = String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self)
        }
        text = String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5).trimmingCharacters(in: .whitespaces)) else {
            process.kill()
            try? FileManager.default.removeItem(atPath: output)
            throw LoopbackScriptServerError(message: "\(script) did not start: \(text.isEmpty ? "no output" : text)")
        }
        self.port = port
    }

    deinit { stop() }

    /// Stops the server (SIGKILL) and waits for it to end.
    public func stop() {
        process.kill()
        try? FileManager.default.removeItem(atPath: output)
    }
}

/// A loopback script server that could not be started, with what it printed.
public struct LoopbackScriptServerError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
}
