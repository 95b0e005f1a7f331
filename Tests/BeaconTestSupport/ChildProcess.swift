import Foundation

/// Runs a process to completion without blocking Swift's cooperative thread pool.
///
/// Every test target runs in one process whose pool has one thread per core (two on the CI
/// machine); a blocking pipe read or `waitUntilExit()` holds one of them for as long as the
/// child runs, and in-process servers of other tests stop answering. Output goes to temporary
/// files and the exit is awaited by polling.
/// - Parameter input: written to the child's standard input (from a file), if given.
public func runProcess(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil, input: Data? = nil
) async throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-proc-\(UUID().uuidString)")
    let outURL = base.appendingPathExtension("out"), errURL = base.appendingPathExtension("err")
    let inURL = base.appendingPathExtension("in")
    defer {
        for url in [outURL, errURL, inURL] { try? FileManager.default.removeItem(at: url) }
    }
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    var stdin: FileHandle?
    if let input {
        try input.write(to: inURL)
        stdin = try FileHandle(forReadingFrom: inURL)
        process.standardInput = stdin
    }
    try process.runSerialized()
    await process.exited()
    try out.close()
    try err.close()
    try stdin?.close()
    // Decoded leniently: a stray invalid byte must not turn the whole output into "".
    return (process.terminationStatus, String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}

extension Process {
    /// Waits for the process to end without holding a thread of the cooperative pool
    /// (`waitUntilExit()` would hold one for as long as the child runs).
    public func exited() async {
        while isRunning { try? await Task.sleep(for: .milliseconds(20)) }
    }
}

/// One `Process.run()` at a time in the test process.
private let spawning = NSLock()

extension Process {
    /// `run()`, one spawn at a time across the test process: two test runs crashed inside
    /// Foundation's `Process.run()` (a read past a buffer in `memmove`) while suites on other
    /// threads were spawning peers, so every test spawns through here.
    ///
    /// The child gets an explicit copy of the environment: without one, `run()` walks the live
    /// `environ` array while it copies it, and a third run crashed there again (in `memmove`)
    /// although no two spawns overlapped; a copy taken here is read by nothing else.
    public func runSerialized() throws {
        spawning.lock()
        defer { spawning.unlock() }
        if environment == nil { environment = ProcessInfo.processInfo.environment }
        try run()
    }
}
