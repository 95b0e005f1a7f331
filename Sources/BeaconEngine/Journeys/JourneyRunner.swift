import BeaconCore
import BeaconStore
import Foundation
import Logging

/// Moves people through journeys: starts, converts and exits them on the signals the profile
/// projection leaves, and runs the steps that have come due.
///
/// Due states and signals are claimed under a lease, as delivery workers claim outbox messages,
/// so several runners (or a restarted one) never work on the same person at once. Each person's
/// transition commits with its sends in one transaction (shared with other people's, a chunk at a
/// time: `commitTogether`), whose outbox ids derive from (journey, version, profile, entry, step):
/// a runner killed after committing has nothing to redo, one killed before redoes the same sends
/// under the same ids, which the outbox stores once. Time is the injected
/// clock's, so tests drive a 30-day wait in an instant.
///
/// A claimed batch is worked `parallelism` people at a time (each transition is a few round trips
/// to the store, which dominate on PostgreSQL), one person's runs in order. A send that falls in
/// the version's quiet hours or over its frequency cap is not dropped: the person stays at the
/// send, due again when it is allowed.
public actor JourneyRunner {
    let store: any JourneyStore
    let audience: any JourneyAudience
    let appendEvents: @Sendable (EventBatch) async throws -> Void
    let clock: @Sendable () -> Date
    let logger: Logger
    /// The name this runner's leases carry.
    public nonisolated let owner: String
    let lease: TimeInterval
    /// How many people are moved side by side.
    let parallelism: Int
    /// The only workspace this runner serves (nil: every workspace).
    let workspaceId: String?
    private var definitions: [String: JourneyDefinition] = [:]

    /// A runner over `stores.journeys` asking `audience` about people; trait updates are appended
    /// with `appendEvents` (the group committer, so the projection picks them up).
    public init(
        stores: Stores, audience: any JourneyAudience, appendEvents: @escaping @Sendable (EventBatch) async throws -> Void,
        owner: String = "journeys-\(UUID().uuidString.prefix(8))", lease: TimeInterval = 60, parallelism: Int = 8,
        workspaceId: String? = nil,
        logger: Logger = Logger(label: "beacon.journeys"), clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = stores.journeys
        self.audience = audience
        self.appendEvents = appendEvents
        self.owner = owner
        self.lease = lease
        self.parallelism = max(1, parallelism)
        self.workspaceId = workspaceId
        self.logger = logger
        self.clock = clock
    }

    /// What one pass did.
    public struct Pass: Sendable, Equatable {
        public var signals = 0
        public var transitions = 0
        public var stale = 0
        public init() {}
    }

    /// Processes every pending signal, then every due state, until none is left.
    @discardableResult
    public func runOnce(batch: Int = 500) async throws -> Pass {
        var pass = Pass()
        while true {
            let n = try await processSignals(limit: batch, into: &pass)
            if n == 0 { break }
        }
        while true {
            let n = try await advanceDue(limit: batch, into: &pass)
            if n == 0 { break }
        }
        return pass
    }

    // MARK: Signals

    func processSignals(limit: Int, into pass: inout Pass) async throws -> Int {
        let now = clock()
        let signals = try await store.claimSignals(workspaceId: workspaceId, owner: owner, now: now, leaseUntil: now + lease, limit: limit)
        var running: [String: [(journey: Journey, versions: [JourneyVersion])]] = [:]
        for signal in signals where running[signal.workspaceId] == nil {
            running[signal.workspaceId] = try await store.runningVersions(workspaceId: signal.workspaceId)
            for (_, versions) in running[signal.workspaceId]! {
                for v in versions { definitions[Self.key(v.workspaceId, v.journeyId, v.version)] = v.definition }
            }
        }
        // A claim holds at most one signal per profile, so the signals are independent of each
        // other; their people's runs are read in one query per workspace.
        var runs: [String: [JourneyState]] = [:]
        for (workspace, claimed) in Dictionary(grouping: signals, by: \.workspaceId) {
            for state in try await store.states(workspaceId: workspace, profileIds: claimed.map(\.profileId)) {
                runs[Self.person(state.workspaceId, state.profileId), default: []].append(state)
            }
        }
        let versions = running, known = runs
        let commits = try await concurrently(signals.map { [$0] }) { signal in
            try await self.react(
                to: signal, runs: known[Self.person(signal.workspaceId, signal.profileId)] ?? [],
                running: versions[signal.workspaceId]!, now: now)
        }
        let outcomes = try await commitTogether(commits)
        pass.signals += outcomes.filter { $0 }.count
        pass.stale += outcomes.filter { !$0 }.count
        return signals.count
    }

    /// Commits independent transitions (of different people) a chunk at a time: those of one
    /// workspace in one transaction, their funnel increments summed, so a chunk costs one commit
    /// and one upsert per funnel row instead of one per person (on PostgreSQL the per-person
    /// commits and the funnel row they all updated were what bounded the runner). When a guard
    /// refuses the joint commit (a stale read of one person), each is committed on its own, so
    /// only the stale ones are refused.
    /// - Returns: whether each transition was committed (in no particular order).
    func commitTogether(_ commits: [JourneyCommit]) async throws -> [Bool] {
        let empty = commits.filter(\.isEmpty).count
        // Chunks of one workspace, committed side by side like the transitions were computed
        // (on PostgreSQL each transaction is a round trip per statement; several connections
        // overlap them). Funnel rows are upserted in one order in every chunk, so they cannot deadlock.
        var chunks: [[JourneyCommit]] = []
        for (_, group) in Dictionary(grouping: commits.filter { !$0.isEmpty }, by: \.workspaceId).sorted(by: { $0.key < $1.key }) {
            let size = min(Self.commitBatch, max(1, (group.count + parallelism - 1) / parallelism))
            for start in stride(from: 0, to: group.count, by: size) {
                chunks.append(Array(group[start..<min(group.count, start + size)]))
            }
        }
        let outcomes = try await concurrently(chunks.map { [$0] }) { chunk in
            // A token of its own: a guard must never take the joint commit for one of its parts.
            var joint = JourneyCommit(workspaceId: chunk[0].workspaceId, owner: chunk[0].owner)
            for c in chunk { joint.absorb(c) }
            if chunk.count > 1, try await self.store.commit(joint) { return Array(repeating: true, count: chunk.count) }
            var each: [Bool] = []
            for c in chunk { each.append(try await self.store.commit(c)) }
            return each
        }
        return Array(repeating: true, count: empty) + outcomes.flatMap { $0 }
    }

    /// Transitions committed in one transaction at most.
    static let commitBatch = 100

    /// The key of a person across workspaces.
    static func person(_ workspaceId: String, _ profileId: String) -> String { workspaceId + "/" + profileId }

    /// Runs `body` on every item, the groups side by side (at most `parallelism` at once) and the
    /// items of one group in order, and returns what each returned (in no particular order).
    ///
    /// The store's round trips dominate a transition (PostgreSQL over a socket: a claim, a read and
    /// a transaction of several statements), so people are moved side by side; one person's runs
    /// (a group) stay in order, so a frequency cap sees the sends of the run before.
    private func concurrently<T: Sendable, R: Sendable>(
        _ groups: [[T]], _ body: @escaping @Sendable (T) async throws -> R
    ) async throws -> [R] {
        try await withThrowingTaskGroup(of: [R].self) { tasks in
            var out: [R] = []
            var started = 0
            for group in groups {
                if started >= parallelism, let results = try await tasks.next() { out += results }
                tasks.addTask {
                    var results: [R] = []
                    for item in group { results.append(try await body(item)) }
                    return results
                }
                started += 1
            }
            while let results = try await tasks.next() { out += results }
            return out
        }
    }

    /// The effects of one signal on the person's `runs` (every run of theirs, as read): goals,
    /// exit criteria and event waits of the active ones, then entries into live journeys it triggers.
    func react(
        to signal: JourneySignal, runs: [JourneyState], running: [(journey: Journey, versions: [JourneyVersion])], now: Date
    ) async throws -> JourneyCommit {
        var commit = JourneyCommit(workspaceId: signal.workspaceId, owner: owner)
        commit.signals = [signal.sequence]
        var runs = runs
        for (i, run) in runs.enumerated() where run.status == .active {
            guard let d = try await definition(run.workspaceId, run.journeyId, run.version) else { continue }
            var s = run
            let counted: JourneyFunnelCounter
            if d.goal?.matches(signal) == true {
                s.status = .converted
                counted = .converted
            } else if (d.exitWhen ?? []).contains(where: { $0.matches(signal) }) {
                s.status = .exited
                counted = .exited
            } else if let step = d.step(s.step), step.type == .waitForEvent, s.parked,
                JourneyTrigger.event(step.event ?? "", where: step.properties).matches(signal)
            {
                s.parked = false
                s.dueAt = now
                if let next = step.next {
                    s.step = next
                    commit.count(.entered, journeyId: s.journeyId, version: s.version, step: next)
                    counted = .advanced
                } else {
                    s.status = .completed
                    counted = .completed
                }
            } else {
                continue
            }
            commit.count(counted, journeyId: run.journeyId, version: run.version, step: run.step)
            s.updatedAt = now
            commit.updates.append(JourneyStateUpdate(s, readMoves: run.moves, leased: false))
            runs[i] = s
        }
        for (journey, versions) in running where journey.status == .live {
            guard let live = journey.liveVersion, let d = versions.first(where: { $0.version == live })?.definition,
                d.trigger.matches(signal)
            else { continue }
            let earlier = runs.filter { $0.journeyId == journey.id }
            switch d.reentry {
            case .once where !earlier.isEmpty: continue
            case .afterExit where earlier.contains(where: { $0.status == .active }): continue
            default: break
            }
            let s = JourneyState(
                workspaceId: signal.workspaceId, journeyId: journey.id, profileId: signal.profileId,
                entry: signal.sequence, version: live, step: d.start, dueAt: now, enteredAt: now, updatedAt: now)
            commit.inserts.append(s)
            commit.count(.entered, journeyId: journey.id, version: live, step: d.start)
            runs.append(s)
        }
        return commit
    }

    // MARK: Due steps

    func advanceDue(limit: Int, into pass: inout Pass) async throws -> Int {
        let now = clock()
        let due = try await store.claimDue(workspaceId: workspaceId, owner: owner, now: now, leaseUntil: now + lease, limit: limit)
        // A failure (the store is unreachable) ends the pass; the claimed states' leases run out and
        // they are tried again, their sends under the same ids.
        var groups: [String: [JourneyState]] = [:]
        var order: [String] = []
        for state in due {
            let person = Self.person(state.workspaceId, state.profileId)
            if groups[person] == nil { order.append(person) }
            groups[person, default: []].append(state)
        }
        // A person with one due run (the usual case) is independent of everyone else: their
        // transitions are committed together. Several runs of one person move in order, each
        // committed before the next is worked, so a frequency cap sees the sends of the one before.
        let single = order.filter { groups[$0]!.count == 1 }.map { groups[$0]! }
        let several = order.filter { groups[$0]!.count > 1 }.map { groups[$0]! }
        let commits = try await concurrently(single) { state in
            let (commit, events) = try await self.advance(state, now: now)
            for batch in events { try await self.appendEvents(batch) }
            return commit
        }
        var outcomes = try await commitTogether(commits)
        outcomes += try await concurrently(several) { state in
            let (commit, events) = try await self.advance(state, now: now)
            for batch in events { try await self.appendEvents(batch) }
            return try await self.store.commit(commit)
        }
        pass.transitions += outcomes.filter { $0 }.count
        pass.stale += outcomes.filter { !$0 }.count
        return due.count
    }

    /// Runs a claimed state's steps from where it is until it parks at a wait or ends.
    func advance(_ state: JourneyState, now: Date) async throws -> (JourneyCommit, [EventBatch]) {
        var commit = JourneyCommit(workspaceId: state.workspaceId, owner: owner)
        var events: [EventBatch] = []
        var s = state
        func count(_ c: JourneyFunnelCounter, _ step: String) {
            commit.count(c, journeyId: s.journeyId, version: s.version, step: step)
        }
        /// Moves to `target`, or ends the run when there is none; false when the run ended.
        func go(_ target: String?) -> Bool {
            guard let target else {
                count(.completed, s.step)
                s.status = .completed
                return false
            }
            count(.advanced, s.step)
            count(.entered, target)
            s.step = target
            return true
        }
        func fail(_ reason: String) {
            logger.warning("journey \(s.journeyId) v\(s.version) step \(s.step) for \(s.profileId): \(reason)")
            count(.failed, s.step)
            s.status = .failed
        }
        // Read at most once per transition, and only by the steps that need the person.
        var profile: Profile?
        let (workspaceId, profileId) = (s.workspaceId, s.profileId)
        guard let d = try await definition(s.workspaceId, s.journeyId, s.version) else {
            fail("the version is gone")
            return (finish(commit, s, state, now), events)
        }
        run: for _ in 0...d.steps.count {
            guard let step = d.step(s.step) else {
                fail("the step is not in the version")
                break
            }
            switch step.type {
            case .wait, .waitUntil, .waitForEvent:
                if s.parked {
                    s.parked = false
                    guard go(step.type == .waitForEvent ? step.timeoutNext : step.next) else { break run }
                } else {
                    s.parked = true
                    s.skipSends = false
                    if step.type == .waitUntil, profile == nil {
                        profile = try await audience.journeyProfile(workspaceId: workspaceId, id: profileId)
                    }
                    s.dueAt = end(of: step, from: now, definition: d, profile: profile)
                    break run
                }
            case .branch:
                let rule = try SegmentRule.parse(step.rule ?? .null)
                let matches = try await audience.journeyMatches(
                    rule, workspaceId: s.workspaceId, profileId: s.profileId, asOf: now)
                guard go(matches ? step.next : step.elseNext) else { break run }
            case .split:
                let variants = step.variants ?? []
                let i = JourneyExperimentAssignment.variant(
                    profileId: s.profileId, experiment: step.experiment ?? step.id, weights: variants.map(\.weight))
                s.variant = variants[i].name
                guard go(variants[i].next) else { break run }
            case .send:
                if !s.skipSends {
                    if profile == nil {
                        profile = try await audience.journeyProfile(workspaceId: workspaceId, id: profileId)
                    }
                    guard let p = profile else {
                        fail("the profile is gone")
                        break run
                    }
                    // Quiet hours or a full cap: the person waits at the send, which runs when allowed.
                    if let later = try await deferral(d, workspaceId: workspaceId, profile: p, queued: commit.outbox.map(\.createdAt), now: now) {
                        s.parked = false
                        s.dueAt = later
                        break run
                    }
                    commit.outbox.append(message(step, s, profile: p, now: now))
                }
                guard go(step.next) else { break run }
            case .updateTrait:
                let id = OutboxMessage.key(cause: cause(s, step.id), profile: s.profileId, destination: "trait")
                // The identify names the person as their events do, so the projection folds it into them.
                if profile == nil {
                    profile = try await audience.journeyProfile(workspaceId: workspaceId, id: profileId)
                }
                let p = profile
                let userId = p?.identifier(Identifier.userId)
                let anonymousId = userId == nil ? p?.identifier(Identifier.anonymousId) : nil
                guard userId != nil || anonymousId != nil else {
                    fail("the profile is gone")
                    break run
                }
                let traits = JSONValue.object([step.trait ?? "": step.value ?? .null])
                events.append(
                    EventBatch(
                        workspaceId: s.workspaceId,
                        events: [
                            Event(
                                messageId: "journey-\(id)", type: .identify, userId: userId,
                                anonymousId: anonymousId, timestamp: now, receivedAt: now,
                                traits: traits)
                        ]))
                guard go(step.next) else { break run }
            case .exit:
                count(.completed, s.step)
                s.status = .completed
                break run
            }
        }
        return (finish(commit, s, state, now), events)
    }

    private func finish(_ commit: JourneyCommit, _ s: JourneyState, _ read: JourneyState, _ now: Date) -> JourneyCommit {
        var commit = commit
        var s = s
        s.updatedAt = now
        commit.updates.append(JourneyStateUpdate(s, readMoves: read.moves, leased: true))
        return commit
    }

    /// When a send due `now` may go instead (nil: now): the end of the definition's quiet hours in
    /// the profile's time zone, or when the frequency cap frees a slot, counting the profile's sends
    /// from every journey and those `queued` in this transition; the later of the two when both hold.
    func deferral(_ d: JourneyDefinition, workspaceId: String, profile: Profile, queued: [Date], now: Date)
        async throws -> Date?
    {
        var at = now
        // A cap's slot may open inside quiet hours and quiet hours may end with the cap still full,
        // so both are checked again from the later time until neither defers (bounded: each moves forward).
        for _ in 0..<8 {
            var moved = false
            if let quiet = d.quietHours, let end = quiet.deferral(at: at, in: zone(of: profile, d)) {
                at = end
                moved = true
            }
            if let cap = d.frequencyCap {
                let recent = try await store.sendTimes(
                    workspaceId: workspaceId, profileId: profile.id, since: at - cap.seconds)
                if let free = cap.deferral(at: at, recent: recent + queued) {
                    at = free
                    moved = true
                }
            }
            if !moved { break }
        }
        return at > now ? at : nil
    }

    /// The profile's time zone: its `timezone` trait, else the definition's, else UTC.
    func zone(of profile: Profile?, _ d: JourneyDefinition) -> TimeZone {
        let zoneName = profile?.traits["timezone"]?.value.stringValue ?? d.timeZone ?? "UTC"
        return TimeZone(identifier: zoneName) ?? TimeZone(identifier: d.timeZone ?? "UTC") ?? TimeZone(secondsFromGMT: 0)!
    }

    /// When a wait that starts at `start` ends for this person.
    func end(of step: JourneyStep, from start: Date, definition d: JourneyDefinition, profile: Profile?) -> Date {
        switch step.type {
        case .wait: return start + (step.seconds ?? 0)
        case .waitForEvent: return start + (step.timeoutSeconds ?? 0)
        default:
            let zone = zone(of: profile, d)
            let time = JourneyTimeOfDay(step.at ?? "") ?? JourneyTimeOfDay("09:00")!
            return time.next(after: start, in: zone, weekdays: step.weekdays.map(Set.init))
        }
    }

    /// The cause of a step's effect, the part of its idempotency key that names (journey, version, entry, step).
    nonisolated func cause(_ s: JourneyState, _ step: String) -> String {
        "journey:\(s.journeyId):v\(s.version):e\(s.entry):\(step)"
    }

    /// The outbox message of a send step.
    func message(_ step: JourneyStep, _ s: JourneyState, profile: Profile, now: Date) -> OutboxMessage {
        let destination = step.destination ?? ""
        let payload = JSONValue.object([
            "type": .string("journey.step"),
            "timestamp": .string(Timestamp.format(now)),
            "workspace": .string(s.workspaceId),
            "journey": .object([
                "id": .string(s.journeyId), "version": .number(Double(s.version)), "step": .string(step.id),
                "entry": .number(Double(s.entry)), "variant": s.variant.map(JSONValue.string) ?? .null,
            ]),
            "message": step.message ?? .object([:]),
            "profile": ActivationPayload.person(profile),
        ]).serialized()
        return OutboxMessage(
            workspaceId: s.workspaceId,
            id: OutboxMessage.key(cause: cause(s, step.id), profile: s.profileId, destination: destination),
            destinationId: destination, orderKey: s.profileId, cause: cause(s, step.id), payload: payload,
            nextAttemptAt: now, createdAt: now)
    }

    /// A version's definition (versions never change once published, so they are kept).
    func definition(_ workspaceId: String, _ journeyId: String, _ version: Int) async throws -> JourneyDefinition? {
        let key = Self.key(workspaceId, journeyId, version)
        if let d = definitions[key] { return d }
        guard let v = try await store.version(workspaceId: workspaceId, journeyId: journeyId, version: version) else {
            return nil
        }
        if v.publishedAt != nil { definitions[key] = v.definition }
        return v.definition
    }

    static func key(_ workspaceId: String, _ journeyId: String, _ version: Int) -> String {
        "\(workspaceId)/\(journeyId)/\(version)"
    }
}
