import Foundation

/// How far one sink has copied one workspace's event log.
///
/// `lastSequence` is the last event the sink's destination has confirmed; every event after
/// it is still to copy. `pendingThrough`, when set, is the last event of the batch being
/// written now: a sink that restarts finds it and writes exactly that batch again (its objects
/// or rows are keyed by the batch, so a second write replaces the first) before it moves on.
public struct SinkCursor: Sendable, Equatable {
    public var sinkId: String
    public var workspaceId: String
    public var lastSequence: Int64
    public var pendingThrough: Int64?
    /// Events confirmed so far (a running total for `status` displays).
    public var eventsCopied: Int64
    public var updatedAt: Date

    public init(
        sinkId: String, workspaceId: String, lastSequence: Int64 = 0, pendingThrough: Int64? = nil,
        eventsCopied: Int64 = 0, updatedAt: Date = Date(timeIntervalSince1970: 0)
    ) {
        self.sinkId = sinkId
        self.workspaceId = workspaceId
        self.lastSequence = lastSequence
        self.pendingThrough = pendingThrough
        self.eventsCopied = eventsCopied
        self.updatedAt = updatedAt
    }
}
