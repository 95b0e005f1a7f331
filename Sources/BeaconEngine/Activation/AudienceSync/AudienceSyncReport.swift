/// What one reconciliation of a segment with an audience destination queued: members added
/// (unknown to the destination or last removed), updated (synced fields changed), removed
/// (confirmed but no longer in the segment), unchanged, and waiting (a message for them is
/// still pending, so the destination's state is not settled yet).
public struct AudienceSyncReport: Sendable, Equatable {
    public var added = 0
    public var updated = 0
    public var removed = 0
    public var unchanged = 0
    public var waiting = 0

    public init(added: Int = 0, updated: Int = 0, removed: Int = 0, unchanged: Int = 0, waiting: Int = 0) {
        self.added = added
        self.updated = updated
        self.removed = removed
        self.unchanged = unchanged
        self.waiting = waiting
    }

    /// Messages queued.
    public var queued: Int { added + updated + removed }
}
