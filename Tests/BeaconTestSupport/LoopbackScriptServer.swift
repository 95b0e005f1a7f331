import Foundation

/// A script run as a child process that serves HTTP on loopback and announces its port as its
/// first line of output (`PORT 40123`): the webhook receiver, the audience sync vendor replay.
///
/// Stopped with SIGKILL, because a child may inherit a blocked SIGTERM from the test process;
/// stopping twice is harmless, and the server stops when it is released.
public final class LoopbackScriptServer: @unchecked Sendable {
    public let process: Process
    public let port: Int

    /// Starts `interpreter script` and waits for its `PORT` line.
    /// - Throws: `LoopbackScriptServerError` when the script ends or prints something else first.
    public init(interpreter: String, script: String) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = [script]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.runSerialized()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            throw LoopbackScriptServerError(message: "\(script) did not start: \(text)")
        }
        self.port = port
    }

    deinit { stop() }

    /// Stops the server (SIGKILL) and waits for it to end.
    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// A loopback script server that could not be started, with what it printed.
public struct LoopbackScriptServerError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
}
