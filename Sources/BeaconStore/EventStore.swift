import BeaconCore
import Foundation

/// The append-only event log: the source of truth every projection is derived from.
///
/// Two real backends implement it, `SQLiteEventStore` (the embedded default) and
/// `PostgresEventStore` (production); one test suite runs against both. Every method takes
/// the workspace, so one tenant can never see another's events through this port.
public protocol EventStore: Sendable {
    /// Appends several batches of events in **one** transaction (one fsync), skipping any
    /// event whose `(workspace, messageId)` is already stored. Returns, per batch, how many
    /// events were new and how many were duplicates. Returns only after the commit.
    func append(_ batches: [EventBatch]) async throws -> [AppendResult]

    /// Events of a workspace in the order they were stored, after sequence number `after`,
    /// optionally only those whose (corrected) event time is in `[from, to)`.
    func events(in workspaceId: String, from: Date?, to: Date?, after: Int64?, limit: Int) async throws -> [StoredEvent]
    /// The newest `limit` events of a workspace, newest first (the dashboard's event debugger).
    func newestEvents(in workspaceId: String, limit: Int) async throws -> [StoredEvent]
    /// The number of events stored for a workspace.
    func eventCount(in workspaceId: String) async throws -> Int
    /// Whether the event `(workspace, messageId)` is stored.
    func containsEvent(workspaceId: String, messageId: String) async throws -> Bool
    /// Replaces, in **one** transaction, the workspace's events whose `messageId` starts with
    /// one of `messageIdPrefixes` (with their projection rows) by `events`: either the old
    /// events are gone and the new ones stored, or nothing changed. Derived state (profiles,
    /// memberships) is the caller's to rebuild.
    func replaceEvents(in workspaceId: String, messageIdPrefixes: [String], with events: [Event]) async throws
        -> EventReplacement
}

/// Events to append for one workspace (typically one HTTP request).
public struct EventBatch: Sendable {
    public var workspaceId: String
    public var events: [Event]

    public init(workspaceId: String, events: [Event]) {
        self.workspaceId = workspaceId
        self.events = events
    }
}

/// The outcome of appending one batch.
public struct AppendResult: Sendable, Equatable {
    public var inserted: Int
    public var duplicates: Int

    public init(inserted: Int, duplicates: Int) {
        self.inserted = inserted
        self.duplicates = duplicates
    }
}

extension EventStore {
    /// Stores without a transaction spanning a removal and an append (test wrappers) refuse.
    public func replaceEvents(in workspaceId: String, messageIdPrefixes: [String], with events: [Event]) async throws
        -> EventReplacement
    {
        throw StoreError(.invalidConfiguration, "this event store cannot replace events in one transaction")
    }

    /// Events of a workspace in the order they were stored, after sequence number `after`.
    public func events(in workspaceId: String, after: Int64?, limit: Int) async throws -> [StoredEvent] {
        try await events(in: workspaceId, from: nil, to: nil, after: after, limit: limit)
    }

    /// The newest `limit` events, found by paging through the whole log: for wrappers in tests
    /// only; both backends answer with one indexed query.
    public func newestEvents(in workspaceId: String, limit: Int) async throws -> [StoredEvent] {
        var newest: [StoredEvent] = []
        var after: Int64? = nil
        while true {
            let page = try await events(in: workspaceId, after: after, limit: 5_000)
            newest = Array((newest + page).suffix(limit))
            guard page.count == 5_000, let last = page.last else { return newest.reversed() }
            after = last.sequence
        }
    }

    /// Every event of a workspace in `[from, to)`, read in pages of `pageSize`.
    public func allEvents(in workspaceId: String, from: Date? = nil, to: Date? = nil, pageSize: Int = 5_000) async throws -> [StoredEvent] {
        var out: [StoredEvent] = []
        var after: Int64? = nil
        while true {
            let page = try await events(in: workspaceId, from: from, to: to, after: after, limit: pageSize)
            out += page
            guard page.count == pageSize, let last = page.last else { return out }
            after = last.sequence
        }
    }
}

extension Event {
    /// The row values every backend stores besides the JSON payload.
    var storedColumns: (type: String, userId: String?, anonymousId: String?, event: String?, timestamp: Int64, receivedAt: Int64) {
        (type.rawValue, userId, anonymousId, event, Timestamp.milliseconds(timestamp), Timestamp.milliseconds(receivedAt))
    }

    /// Decodes the payload column.
    static func fromPayload(_ payload: String) throws -> Event {
        do {
            return try Event(json: JSONValue.parse(Data(payload.utf8)))
        } catch {
            throw StoreError(.corrupt, "stored event payload cannot be read: \(error)")
        }
    }
}
