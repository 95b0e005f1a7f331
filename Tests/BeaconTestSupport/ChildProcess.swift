import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child process of a test: a CLI run, a Python peer, a loopback server, a server killed
/// with SIGKILL.
///
/// Started with `posix_spawn` directly, not Foundation's `Process`: on this toolchain
/// `Process.run()` lists `/proc/self/fd` by copying whole `dirent` records, which reads past the
/// end of glibc's `readdir` buffer (fixed upstream in swift-corelibs-foundation's `Process.swift`,
/// "Don't bulk-copy pointee.d_name"). It crashed the test process in `memmove` four times, once
/// with every spawn serialised and the environment copied, so no test spawns through it.
///
/// The child's standard streams are files (or `/dev/null`), never pipes: nothing in the test
/// process blocks on a read, and a child that prints more than a pipe holds never stalls. Every
/// other descriptor is closed in the child, its signal mask is emptied and SIGTERM, SIGINT,
/// SIGHUP and SIGPIPE get their default actions, whatever the test process blocks or ignores.
/// The exit is awaited by polling `waitpid(WNOHANG)`, so no thread of Swift's cooperative pool
/// (one per core) is held while a child runs.
public final class ChildProcess: @unchecked Sendable {
    /// The child's process id.
    public let pid: pid_t
    private let lock = NSLock()
    private var status: Int32?

    /// Where one of the child's standard streams goes.
    public enum Stream: Sendable {
        /// `/dev/null`.
        case null
        /// This file (created or truncated for output, read for input).
        case file(String)
        /// The same file as the child's standard output (standard error only).
        case standardOutput
    }

    /// Starts `executable` (an absolute path) with `arguments`.
    /// - Parameter environment: the child's whole environment; the test process's own if nil.
    /// - Throws: `ChildProcessError` naming the executable when it cannot be started.
    public init(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
        stdin: Stream = .null, stdout: Stream = .null, stderr: Stream = .null
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        try Self.redirect(&actions, fd: 0, stdin, write: false)
        try Self.redirect(&actions, fd: 1, stdout, write: true)
        if case .standardOutput = stderr {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        } else {
            try Self.redirect(&actions, fd: 2, stderr, write: true)
        }
        Self.closeTheRest(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), defaults = sigset_t()
        sigemptyset(&empty)
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + env { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, env)
        guard result == 0 else {
            throw ChildProcessError(message: "\(executable) could not be started: \(String(cString: strerror(result)))")
        }
        self.pid = pid
    }

    deinit {
        // A child nobody waited for is reaped here, so none is left a zombie.
        if status == nil {
            var raw: Int32 = 0
            _ = waitpid(pid, &raw, WNOHANG)
        }
    }

    private static func redirect(
        _ actions: inout posix_spawn_file_actions_t, fd: Int32, _ stream: Stream, write: Bool
    ) throws {
        let path: String
        switch stream {
        case .null, .standardOutput: path = "/dev/null"
        case .file(let file): path = file
        }
        let flags = write ? (O_WRONLY | O_CREAT | O_TRUNC) : O_RDONLY
        let result = posix_spawn_file_actions_addopen(&actions, fd, path, flags, 0o644)
        guard result == 0 else {
            throw ChildProcessError(message: "\(path) cannot be the child's descriptor \(fd): \(String(cString: strerror(result)))")
        }
    }

    /// Closes every descriptor above standard error in the child: glibc's
    /// `posix_spawn_file_actions_addclosefrom_np` (2.34 and later; Swift's Glibc module does not
    /// import it, hence `dlsym`), else each descriptor `/proc/self/fd` lists now.
    private static func closeTheRest(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbol = closeFrom {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
            return
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap({ Int32($0) }) where fd > 2 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
    }

    nonisolated(unsafe) private static let closeFrom = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np")

    /// Whether the child is still running (reaps it once it has ended).
    public var isRunning: Bool { reap(blocking: false) == nil }

    /// The exit code, or the number of the signal that ended the child; nil while it runs.
    public var terminationStatus: Int32? { reap(blocking: false) }

    /// Waits for the child to end without holding a thread, and returns `terminationStatus`.
    @discardableResult
    public func exited() async -> Int32 {
        while true {
            if let status = reap(blocking: false) { return status }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Waits for the child to end, blocking this thread: for synchronous callers only (a
    /// static initialiser, a `deinit`), and only for children that end promptly.
    @discardableResult
    public func waitBlocking() -> Int32 { reap(blocking: true)! }

    /// Sends `signal` to the child if it still runs.
    public func send(_ signal: Int32) {
        if isRunning { _ = Glibc.kill(pid, signal) }
    }

    /// Ends the child with SIGKILL and waits for it.
    public func kill() {
        send(SIGKILL)
        waitBlocking()
    }

    private func reap(blocking: Bool) -> Int32? {
        lock.withLock {
            if let status { return status }
            var raw: Int32 = 0
            var result: pid_t
            repeat { result = waitpid(pid, &raw, blocking ? 0 : WNOHANG) } while result == -1 && errno == EINTR
            if result == pid {
                // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import (they are macros).
                let signal = raw & 0x7f
                status = signal == 0 ? (raw >> 8) & 0xff : signal
            } else if result == -1 {
                status = -1  // not our child any more (already reaped): report it ended
            }
            return status
        }
    }
}

/// A child process that could not be started, naming the executable or file.
public struct ChildProcessError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
}

/// Runs a process to completion without blocking Swift's cooperative thread pool, and returns
/// its exit status and what it printed.
///
/// Every test target runs in one process whose pool has one thread per core (two on the CI
/// machine); a blocking wait would hold one of them for as long as the child runs, and
/// in-process servers of other tests would stop answering. Output goes to temporary files.
/// - Parameter input: written to the child's standard input (from a file), if given.
/// - Parameter mergeErrors: standard error goes to standard output (as a terminal shows both).
public func runProcess(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil, input: Data? = nil,
    mergeErrors: Bool = false
) async throws -> (status: Int32, stdout: String, stderr: String) {
    let run = try CapturedRun(executable, arguments, environment: environment, input: input, mergeErrors: mergeErrors)
    return run.finish(status: await run.child.exited())
}

/// `runProcess`, blocking this thread until the child ends: for synchronous callers only (a
/// static initialiser, a `defer`, a peer script a synchronous test reads), and only for
/// children that end promptly.
public func runProcessBlocking(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil, input: Data? = nil
) throws -> (status: Int32, stdout: String, stderr: String) {
    let run = try CapturedRun(executable, arguments, environment: environment, input: input, mergeErrors: false)
    return run.finish(status: run.child.waitBlocking())
}

/// A child whose standard streams are temporary files, read and removed when it has ended.
private struct CapturedRun {
    let child: ChildProcess
    let outPath: String, errPath: String, inPath: String
    let mergeErrors: Bool

    init(_ executable: String, _ arguments: [String], environment: [String: String]?, input: Data?, mergeErrors: Bool) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-proc-\(UUID().uuidString)").path
        (outPath, errPath, inPath) = (base + ".out", base + ".err", base + ".in")
        self.mergeErrors = mergeErrors
        if let input { try input.write(to: URL(fileURLWithPath: inPath)) }
        do {
            child = try ChildProcess(
                executable, arguments, environment: environment,
                stdin: input == nil ? .null : .file(inPath), stdout: .file(outPath),
                stderr: mergeErrors ? .standardOutput : .file(errPath))
        } catch {
            try? FileManager.default.removeItem(atPath: inPath)
            throw error
        }
    }

    func finish(status: Int32) -> (status: Int32, stdout: String, stderr: String) {
        // Decoded leniently: a stray invalid byte must not turn the whole output into "".
        func text(_ path: String) -> String {
            String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        }
        defer { for path in [outPath, errPath, inPath] { try? FileManager.default.removeItem(atPath: path) } }
        return (status, text(outPath), mergeErrors ? "" : text(errPath))
    }
}
