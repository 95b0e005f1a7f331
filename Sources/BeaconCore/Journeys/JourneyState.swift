import Foundation

/// One person's run through a journey (one entry): the version and step they are at, and when
/// the runner next has to look at them.
///
/// `moves` counts every change of the row; a runner writes its transition only if the row still
/// has the `moves` it claimed, so a publish that moved the person meanwhile, or a second runner,
/// makes the stale transition fail whole (its sends included) instead of applying twice.
public struct JourneyState: Sendable, Equatable {
    /// Where a run stands.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Inside the journey (at a step, possibly waiting).
        case active
        /// Reached an exit step or a step with nothing after it.
        case completed
        /// Taken out by an exit criterion.
        case exited
        /// Reached the goal.
        case converted
        /// A step could not run (its definition or profile is gone).
        case failed
    }

    /// The store's id of the row (0 before insert).
    public var id: Int64
    public var workspaceId: String
    public var journeyId: String
    public var profileId: String
    /// Which entry of the person this is (the signal that started it), unique per journey and profile.
    public var entry: Int64
    public var version: Int
    public var step: String
    public var status: Status
    /// Whether the person is parked at a wait step whose end is `dueAt` (false: `step` runs at `dueAt`).
    public var parked: Bool
    public var dueAt: Date
    /// The variant of the last split the person went through.
    public var variant: String?
    /// Sends are skipped until the next wait (set on resume with the `skip` policy).
    public var skipSends: Bool
    public var moves: Int
    public var enteredAt: Date
    public var updatedAt: Date

    public init(
        id: Int64 = 0, workspaceId: String, journeyId: String, profileId: String, entry: Int64, version: Int,
        step: String, status: Status = .active, parked: Bool = false, dueAt: Date, variant: String? = nil,
        skipSends: Bool = false, moves: Int = 0, enteredAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.workspaceId = workspaceId
        self.journeyId = journeyId
        self.profileId = profileId
        self.entry = entry
        self.version = version
        self.step = step
        self.status = status
        self.parked = parked
        self.dueAt = dueAt
        self.variant = variant
        self.skipSends = skipSends
        self.moves = moves
        self.enteredAt = enteredAt
        self.updatedAt = updatedAt
    }
}
