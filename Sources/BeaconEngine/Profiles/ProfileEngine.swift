import BeaconCore
import BeaconStore
import Foundation
import Logging

/// Keeps profiles, identities and segment memberships current with the event log.
///
/// The log stays the source of truth: ingest commits events first (and acknowledges them),
/// then the engine folds everything after its stored checkpoint into profiles and writes the
/// result with the new checkpoint in one transaction. If that fails, nothing acknowledged is
/// lost — the next catch-up (or `rebuild`) redoes it from the log. A workspace's in-memory
/// state is loaded on first use by replaying the log up to the checkpoint (deterministic, so
/// it equals what was stored). All work on one workspace runs in order, one step at a time.
public actor ProfileEngine {
    let events: any EventStore
    let store: any ProfileStore
    let ruleStore: any IdentityRuleStore
    let credentials: any WorkspaceStore
    let activationStore: any ActivationStore
    let journeyStore: any JourneyStore
    let rules: IdentityRules
    let clock: @Sendable () -> Date
    let logger: Logger
    /// Events read per projection step.
    let pageSize: Int
    var states: [String: WorkspaceState] = [:]
    /// Signalled after a commit that queued journey signals, so the journey runner starts the
    /// entries they trigger at once instead of at its next pass.
    public nonisolated let journeySignalsQueued = Wakeup()
    /// The running or last rebuild per workspace (`RebuildStatus`).
    var rebuilds: [String: RebuildStatus] = [:]
    /// The last customer insights computed per workspace, keyed by log position and as-of date.
    var insightCache: [String: (key: String, value: CustomerInsights)] = [:]
    private var tails: [String: Task<Void, Never>] = [:]

    /// An engine folding `stores.events` into `stores.profiles` under the identity rules
    /// kept in `stores.identityRules` (or `rules` for a workspace that never set any).
    public init(stores: Stores, rules: IdentityRules = IdentityRules(),
                pageSize: Int = 5_000, logger: Logger = Logger(label: "beacon.profiles"),
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.events = stores.events
        self.store = stores.profiles
        self.ruleStore = stores.identityRules
        self.credentials = stores.workspaces
        self.activationStore = stores.activations
        self.journeyStore = stores.journeys
        self.rules = rules
        self.pageSize = pageSize
        self.logger = logger
        self.clock = clock
    }

    /// Asks for a catch-up of these workspaces without waiting (called after each commit).
    public nonisolated func schedule(_ workspaceIds: [String]) {
        Task {
            for id in Set(workspaceIds) {
                do {
                    _ = try await self.catchUp(workspaceId: id)
                } catch {
                    self.logger.error("profile projection failed for workspace \(id): \(error); will retry on next event")
                }
            }
        }
    }

    /// Folds every event after the checkpoint into profiles and memberships.
    ///
    /// When another engine on the same database committed some of these events first, the
    /// rest are folded after a reload (`committing`). The count is then what this engine
    /// folded after its last refusal.
    /// - Returns: how many events were folded.
    @discardableResult
    public func catchUp(workspaceId: String) async throws -> Int {
        try await committing(workspaceId) { try await self.step(workspaceId) }
    }

    /// Runs `body` in order like `serialized`, for work that commits a change set. The store
    /// refuses a change set folded from a checkpoint that has moved (`ProfileChangeSet.foldedFrom`:
    /// a second server on the same database folded those events first); then the workspace's
    /// state is reloaded from the store and `body` runs again, so no merge, entry, signal or
    /// message is committed twice.
    func committing<T: Sendable>(_ workspaceId: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        // Each refusal means the other engine moved the checkpoint on; the bound only guards
        // against a store that keeps refusing.
        var refusals = 0
        while true {
            do {
                return try await serialized(workspaceId) {
                    do {
                        return try await body()
                    } catch let error as StoreError where error.code == .conflict {
                        await self.forget(workspaceId)
                        throw error
                    }
                }
            } catch let error as StoreError where error.code == .conflict && refusals < 100 {
                refusals += 1
                logger.debug("\(error.message)")
            }
        }
    }

    /// Writes a change set; wakes the journey runner when it queued journey signals.
    func commit(_ changes: ProfileChangeSet) async throws {
        try await store.apply(changes)
        if !changes.journeySignals.isEmpty { journeySignalsQueued.signal() }
    }

    /// Drops the workspace's in-memory state; the next operation reloads it from the store.
    private func forget(_ workspaceId: String) { states[workspaceId] = nil }

    /// Runs `body` after every earlier operation on the workspace has finished.
    func serialized<T: Sendable>(_ workspaceId: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let previous = tails[workspaceId]
        let task = Task<T, any Error> {
            await previous?.value
            return try await body()
        }
        tails[workspaceId] = Task { _ = try? await task.value }
        return try await task.value
    }

    /// The workspace's state, loading it when needed.
    func state(_ workspaceId: String) async throws -> WorkspaceState {
        if let s = states[workspaceId] { return s }
        let checkpoint = try await store.profileCheckpoint(workspaceId: workspaceId)
        let versions = try await ruleStore.identityRules(workspaceId: workspaceId)
        var s = WorkspaceState(profiles: WorkspaceProfiles(rules: rules, versions: versions), mergeCount: checkpoint.mergeCount)
        var after: Int64? = nil
        replay: while true {
            let page = try await events.events(in: workspaceId, after: after, limit: pageSize)
            var effect = WorkspaceProfiles.Effect()
            for stored in page {
                if stored.sequence > checkpoint.lastSeq { break replay }
                s.profiles.apply(stored, into: &effect)
            }
            guard page.count == pageSize, let last = page.last else { break }
            after = last.sequence
        }
        s.profiles.lastSeq = checkpoint.lastSeq
        // Predictions come from the batch refresh, not the log: take them from the stored profiles.
        var cursor: String? = nil
        while true {
            let page = try await store.listProfiles(workspaceId: workspaceId, after: cursor, limit: 5_000)
            for stored in page where stored.predictions != nil {
                if let node = s.profiles.nodeOfProfile[stored.id] { s.profiles.profiles[node]?.predictions = stored.predictions }
            }
            guard page.count == 5_000, let last = page.last else { break }
            cursor = last.id
        }
        s.members = try await store.allSegmentMembers(workspaceId: workspaceId)
        s.segments = try await store.segments(workspaceId: workspaceId).compactMap { d in
            (try? d.parsedRule()).map { CompiledSegment(id: d.id, rule: $0) }
        }
        s.activations = try await activationStore.activations(workspaceId: workspaceId)
        s.activationsReadAt = clock()
        if checkpoint.lastSeq == 0, s.segments.isEmpty {
            s.segments = try await installSystemSegments(workspaceId)
        }
        states[workspaceId] = s
        return s
    }

    /// A workspace that was never projected starts with the system segments (VIP Customers,
    /// At Risk, Prime for Subscription, the RFM named segments); it has no profiles yet, so
    /// they start empty.
    private func installSystemSegments(_ workspaceId: String) async throws -> [CompiledSegment] {
        let now = clock()
        var out: [CompiledSegment] = []
        for s in SystemSegments.all {
            try await store.saveSegment(SegmentDefinition(
                workspaceId: workspaceId, id: s.id, name: s.name, description: s.description, rule: s.rule, system: true,
                createdAt: now, updatedAt: now))
            out.append(CompiledSegment(id: s.id, rule: try SegmentRule.parse(s.rule)))
        }
        return out.sorted { $0.id < $1.id }
    }

    /// One or more pages of new events, each written as one change set.
    func step(_ workspaceId: String) async throws -> Int {
        _ = try await state(workspaceId)
        // Taken out while mutated, so copy-on-write does not copy every profile per step;
        // operations on one workspace are serialized, so nothing reads it meanwhile.
        // If anything below throws, the state stays out and is reloaded from the checkpoint.
        var s = states.removeValue(forKey: workspaceId)!
        try await refreshActivations(workspaceId, &s)
        try await refreshJourneyInterest(workspaceId, &s)
        var folded = 0
        while true {
            let from = s.profiles.lastSeq
            let page = try await events.events(in: workspaceId, after: from, limit: pageSize)
            guard !page.isEmpty else { break }
            var effect = WorkspaceProfiles.Effect()
            for stored in page { s.profiles.apply(stored, into: &effect) }
            for m in effect.merges where !m.merged {
                logger.info("identity merge refused by \(m.rule ?? "a rule"): \(m.refusal ?? "")",
                            metadata: ["workspace": "\(workspaceId)", "messageId": "\(m.messageId)", "identifier": "\(m.identifier)"])
            }
            folded += page.count
            var changes = ProfileChangeSet(workspaceId: workspaceId, lastSeq: s.profiles.lastSeq,
                                           mergeCount: s.mergeCount + effect.merges.count)
            changes.foldedFrom = from
            changes.upserts = effect.touched.sorted().compactMap { s.profiles.profile(id: $0) }
            changes.deletes = effect.deleted.sorted()
            changes.merges = effect.merges
            let now = clock()
            changes.changedAt = now
            // Rules are evaluated as of the workspace's today (its last event), not the wall clock.
            s.updateMemberships(of: effect.touched, deleted: effect.deleted, asOf: s.today(wallClock: now), into: &changes)
            s.queueActivations(into: &changes, events: page, workspaceId: workspaceId)
            s.queueJourneySignals(into: &changes, events: page, workspaceId: workspaceId)
            try await commit(changes)
            s.mergeCount = changes.mergeCount
            if page.count < pageSize { break }
        }
        states[workspaceId] = s
        return folded
    }
}

/// A segment ready to evaluate.
struct CompiledSegment: Sendable {
    var id: String
    var rule: SegmentRule
}

/// Everything the engine keeps in memory for one workspace.
struct WorkspaceState: Sendable {
    var profiles: WorkspaceProfiles
    var mergeCount: Int
    var segments: [CompiledSegment] = []
    var members: [String: Set<String>] = [:]
    /// The workspace's activations: what membership changes and tracked events send.
    var activations: [Activation] = []
    var activationsReadAt = Date.distantPast
    /// The audience sync destinations among the activations' (they get `profile.updated` too).
    var audienceDestinations: Set<String> = []
    /// The synced fields last queued per audience activation and member (`activation/profile`).
    var audienceFields: [String: JSONValue] = [:]
    /// What the workspace's running journeys listen for: which signals the projection leaves.
    var journeyInterest = JourneyInterest()
    var journeyInterestReadAt = Date.distantPast

    /// Re-evaluates every segment for the touched profiles only (live update) and removes
    /// merged-away profiles, recording who entered and who exited.
    mutating func updateMemberships(of touched: Set<String>, deleted: Set<String>, asOf: Date,
                                    into changes: inout ProfileChangeSet) {
        for segment in segments {
            for id in deleted.sorted() where members[segment.id]?.remove(id) != nil {
                changes.exited.append((segment.id, id))
            }
            for id in touched.sorted() {
                guard let p = profiles.profile(id: id) else { continue }
                let now = segment.rule.matches(ProfileSubject(profile: p, history: profiles.activities(of: id), asOf: asOf), asOf: asOf)
                let was = members[segment.id]?.contains(id) ?? false
                if now && !was {
                    members[segment.id, default: []].insert(id)
                    changes.entered.append((segment.id, id))
                } else if !now && was {
                    members[segment.id]?.remove(id)
                    changes.exited.append((segment.id, id))
                }
            }
        }
    }

    /// Every profile matching a rule at `asOf`, by id: each profile as it stood then
    /// (``Profile/replayed(asOf:history:)``, itself when nothing in it is newer), so an earlier
    /// as-of date neither sees later orders nor counts people first seen after it.
    func evaluate(_ rule: SegmentRule, asOf: Date) -> Set<String> {
        var out: Set<String> = []
        for (node, p) in profiles.profiles {
            let history = profiles.activities[node] ?? [:]
            guard let then = p.replayed(asOf: asOf, history: history) else { continue }
            let subject = ProfileSubject(profile: then, history: history, asOf: asOf, replaying: true)
            if rule.matches(subject, asOf: asOf) { out.insert(p.id) }
        }
        return out
    }
}
