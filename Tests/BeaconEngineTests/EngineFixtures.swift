import BeaconCore
import BeaconStore
import Foundation
import Logging

/// A migrated SQLite store in a fresh temporary directory.
func makeSQLiteStore() async throws -> Stores {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-engine-\(UUID().uuidString)")
    return try await StoreFactory.open(databaseURL: nil, dataDirectory: dir.path, logger: Logger(label: "test"))
}

/// Writes `text` to a temporary file and returns its path.
func temporaryFile(_ text: String, suffix: String = ".csv") throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-\(UUID().uuidString)\(suffix)").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// Locates `../shared/` from this file, or `BEACON_SHARED_DIR`; nil when absent.
enum SharedData {
    static let directory: URL? = {
        if let env = ProcessInfo.processInfo.environment["BEACON_SHARED_DIR"] { return URL(fileURLWithPath: env) }
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<8 {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("shared/datasets").path) {
                return dir.appendingPathComponent("shared")
            }
            dir.deleteLastPathComponent()
        }
        return nil
    }()

    static var available: Bool { directory != nil }

    static func dataset(_ relative: String) -> String {
        (directory ?? URL(fileURLWithPath: "/nonexistent")).appendingPathComponent("datasets/\(relative)").path
    }
}

/// Wraps a store, counting `append` calls and slowing each down, to observe group commit.
final class SlowCountingStore: EventStore, @unchecked Sendable {
    let base: any EventStore
    let delay: Duration
    private let lock = NSLock()
    private var _appendCalls = 0
    var appendCalls: Int { lock.withLock { _appendCalls } }

    init(base: any EventStore, delay: Duration) {
        self.base = base
        self.delay = delay
    }

    func append(_ batches: [EventBatch]) async throws -> [AppendResult] {
        lock.withLock { _appendCalls += 1 }
        try await Task.sleep(for: delay)
        return try await base.append(batches)
    }

    func events(in workspaceId: String, from: Date?, to: Date?, after: Int64?, limit: Int) async throws -> [StoredEvent] {
        try await base.events(in: workspaceId, from: from, to: to, after: after, limit: limit)
    }
    func eventCount(in workspaceId: String) async throws -> Int { try await base.eventCount(in: workspaceId) }
    func containsEvent(workspaceId: String, messageId: String) async throws -> Bool {
        try await base.containsEvent(workspaceId: workspaceId, messageId: messageId)
    }
}
