import BeaconCore
import Foundation

/// Journeys, their versions, the people running through them, the signals that move them and
/// their per-step funnels.
///
/// The runner claims due states and pending signals under a lease (as delivery workers claim
/// outbox messages) and writes each transition with `commit`, one transaction holding the state
/// change, its sends (outbox rows with idempotency keys) and its funnel counts; a transition whose
/// state was changed meanwhile (a publish moved the person, another runner got there first) fails
/// whole and changes nothing.
public protocol JourneyStore: Sendable {
    /// Stores a new journey with its first (draft) version.
    /// - Throws: `StoreError.conflict` when the workspace already has a journey of that name.
    func createJourney(_ journey: Journey, version: JourneyVersion) async throws
    func journey(workspaceId: String, id: String) async throws -> Journey?
    func journeys(workspaceId: String) async throws -> [Journey]
    /// Replaces a journey's name, status, live version, history and pause time.
    func saveJourney(_ journey: Journey) async throws
    /// Deletes a journey with its versions, states and funnel. Returns false when there was none.
    func deleteJourney(workspaceId: String, id: String) async throws -> Bool
    /// Inserts or replaces a version.
    func saveVersion(_ version: JourneyVersion) async throws
    func version(workspaceId: String, journeyId: String, version: Int) async throws -> JourneyVersion?
    func versions(workspaceId: String, journeyId: String) async throws -> [JourneyVersion]
    /// Every journey of the workspace that is live or paused, with every published version's definition.
    func runningVersions(workspaceId: String) async throws -> [(journey: Journey, versions: [JourneyVersion])]

    /// Appends signals (the projection writes them in its own transaction through `ProfileChangeSet`).
    func enqueueSignals(_ signals: [JourneySignal]) async throws
    /// Leases up to `limit` signals to `owner`, oldest first and at most one per profile, so a
    /// profile's signals are processed in order; only `workspaceId`'s when given.
    func claimSignals(workspaceId: String?, owner: String, now: Date, leaseUntil: Date, limit: Int) async throws
        -> [JourneySignal]
    /// How many signals wait to be processed.
    func pendingSignalCount() async throws -> Int

    /// Leases up to `limit` active states due at `now` of live journeys to `owner`, earliest first;
    /// only `workspaceId`'s when given.
    func claimDue(workspaceId: String?, owner: String, now: Date, leaseUntil: Date, limit: Int) async throws
        -> [JourneyState]
    /// Every run of these profiles (all journeys, all statuses), in one read.
    func states(workspaceId: String, profileIds: [String]) async throws -> [JourneyState]
    /// The runs of a journey, of one status or all.
    func states(workspaceId: String, journeyId: String, status: JourneyState.Status?) async throws -> [JourneyState]
    /// Writes a transition in one transaction.
    /// - Returns: false when a state or signal it guards was changed meanwhile (nothing was written).
    @discardableResult
    func commit(_ commit: JourneyCommit) async throws -> Bool

    /// Moves the active people at `fromStep` of `fromVersion` to `toStep` of `toVersion`, counting
    /// them as migrated out of the old step and entered into the new one. With `keepTiming` the
    /// parked people keep their due time; otherwise the new step runs at `now`. Returns how many moved.
    func move(
        workspaceId: String, journeyId: String, fromVersion: Int, fromStep: String, toVersion: Int, toStep: String,
        keepTiming: Bool, now: Date
    ) async throws -> Int
    /// Active people per version and step (for a dry run and the "people at each step" view).
    func activeCounts(workspaceId: String, journeyId: String) async throws -> [Int: [String: Int]]
    /// Pushes every active person's due time `seconds` later (resume with `retime`).
    func shiftDue(workspaceId: String, journeyId: String, seconds: Double) async throws
    /// Marks active people due by `dueBy` to skip sends until their next wait (resume with `skip`).
    func markSkipSends(workspaceId: String, journeyId: String, dueBy: Date) async throws
    /// The journey's funnel counters per version and step.
    func funnel(workspaceId: String, journeyId: String) async throws -> [JourneyFunnelStep]
    /// When the profile was sent something by any journey since `since` (a frequency cap's window);
    /// every send a `commit` queues is recorded with it.
    func sendTimes(workspaceId: String, profileId: String, since: Date) async throws -> [Date]
}

/// One runner transition written in a single transaction: state changes guarded by the `moves`
/// they were read with, new entries, sends, funnel counts and the signals it consumed.
public struct JourneyCommit: Sendable {
    /// A unique token for this transition, recorded on the rows it changes (its guard).
    public var token: String
    /// The lease holder the consumed signals and the leased states must still belong to.
    public var owner: String?
    /// New values of states, each with the `moves` it was read with.
    public var updates: [JourneyStateUpdate] = []
    public var inserts: [JourneyState] = []
    public var outbox: [OutboxMessage] = []
    /// Funnel increments per (journey, version, step).
    public var counts: [JourneyFunnelKey: [JourneyFunnelCounter: Int]] = [:]
    /// Signals processed by this transition (deleted with it).
    public var signals: [Int64] = []
    /// The workspace of the changed rows.
    public var workspaceId: String

    public init(workspaceId: String, token: String = UUID().uuidString, owner: String?) {
        self.workspaceId = workspaceId
        self.token = token
        self.owner = owner
    }

    /// Adds `n` to one counter.
    public mutating func count(_ counter: JourneyFunnelCounter, journeyId: String, version: Int, step: String, _ n: Int = 1) {
        counts[JourneyFunnelKey(journeyId: journeyId, version: version, step: step), default: [:]][counter, default: 0] += n
    }

    public var isEmpty: Bool { updates.isEmpty && inserts.isEmpty && outbox.isEmpty && counts.isEmpty && signals.isEmpty }

    /// Adds another transition of the same workspace and lease holder, to be committed in one
    /// transaction with this one under this one's token: its rows and sends, and its funnel
    /// increments summed into this one's (one upsert per funnel row).
    public mutating func absorb(_ other: JourneyCommit) {
        precondition(other.workspaceId == workspaceId && other.owner == owner, "one workspace and lease holder per commit")
        updates += other.updates
        inserts += other.inserts
        outbox += other.outbox
        signals += other.signals
        for (key, counters) in other.counts {
            for (counter, n) in counters { counts[key, default: [:]][counter, default: 0] += n }
        }
    }
}

/// A state's new values, guarded by the `moves` it was read with and, when it was claimed
/// under a lease, by the lease (a state changed by a signal is not leased; `moves` guards it).
public struct JourneyStateUpdate: Sendable {
    public var state: JourneyState
    public var readMoves: Int
    public var leased: Bool

    public init(_ state: JourneyState, readMoves: Int, leased: Bool) {
        self.state = state
        self.readMoves = readMoves
        self.leased = leased
    }
}

/// The funnel row a counter belongs to.
public struct JourneyFunnelKey: Sendable, Hashable {
    public var journeyId: String
    public var version: Int
    public var step: String

    public init(journeyId: String, version: Int, step: String) {
        self.journeyId = journeyId
        self.version = version
        self.step = step
    }
}
