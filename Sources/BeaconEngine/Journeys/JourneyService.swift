import BeaconCore
import BeaconStore
import Foundation

/// Creating, editing, publishing, pausing and rolling back journeys, and reading their funnels.
///
/// Publishing over a live version takes a `JourneyStepMapping` naming where the people at each
/// of its steps go (a step of the new version, or finish on the old one); `dryRun` counts how
/// many that moves without changing anything. Rollback makes the version below the live one in
/// the history live again with the same kind of mapping, so nobody is dropped or sent twice:
/// a send's idempotency key names its version, entry and step, and the outbox keeps one per key.
public struct JourneyService: Sendable {
    let store: any JourneyStore
    let destinations: any ActivationStore
    let clock: @Sendable () -> Date
    /// Called after a publish, pause or resume, so the projection reads what journeys listen for again.
    let onChange: @Sendable (String) async -> Void

    public init(
        stores: Stores, clock: @escaping @Sendable () -> Date = { Date() },
        onChange: @escaping @Sendable (String) async -> Void = { _ in }
    ) {
        store = stores.journeys
        destinations = stores.activations
        self.clock = clock
        self.onChange = onChange
    }

    /// Creates a draft journey whose version 1 is `definition`.
    public func create(workspaceId: String, name: String, definition: JourneyDefinition) async throws -> Journey {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw JourneyError(field: "name", "must not be empty") }
        try definition.validate()
        let now = clock()
        let j = Journey(
            workspaceId: workspaceId, id: "jrn_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased(),
            name: name, createdAt: now, updatedAt: now)
        do {
            try await store.createJourney(
                j, version: JourneyVersion(workspaceId: workspaceId, journeyId: j.id, version: 1, definition: definition, createdAt: now))
        } catch let e as StoreError where e.code == .conflict {
            throw JourneyError(.conflict, field: "name", "is taken by another journey (\(name))")
        }
        return j
    }

    /// The journey, or `JourneyError.notFound` naming it.
    public func journey(workspaceId: String, id: String) async throws -> Journey {
        guard let j = try await store.journey(workspaceId: workspaceId, id: id) else {
            throw JourneyError(.notFound, field: "journey", "no journey \(id) in this workspace")
        }
        return j
    }

    public func list(workspaceId: String) async throws -> [Journey] { try await store.journeys(workspaceId: workspaceId) }

    public func versions(workspaceId: String, id: String) async throws -> [JourneyVersion] {
        _ = try await journey(workspaceId: workspaceId, id: id)
        return try await store.versions(workspaceId: workspaceId, journeyId: id)
    }

    /// Sets the draft: replaces the newest version while unpublished, else adds a new unpublished one.
    @discardableResult
    public func saveDraft(workspaceId: String, id: String, definition: JourneyDefinition) async throws -> JourneyVersion {
        try definition.validate()
        _ = try await journey(workspaceId: workspaceId, id: id)
        let versions = try await store.versions(workspaceId: workspaceId, journeyId: id)
        let now = clock()
        var v = JourneyVersion(
            workspaceId: workspaceId, journeyId: id, version: (versions.last?.version ?? 0) + 1, definition: definition,
            createdAt: now)
        if let last = versions.last, last.publishedAt == nil { v.version = last.version }
        try await store.saveVersion(v)
        return v
    }

    public func delete(workspaceId: String, id: String) async throws {
        guard try await store.deleteJourney(workspaceId: workspaceId, id: id) else {
            throw JourneyError(.notFound, field: "journey", "no journey \(id) in this workspace")
        }
        await onChange(workspaceId)
    }

    /// Where each step's people would go under `mapping`, and how many there are now.
    public struct MoveCount: Sendable, Equatable, Codable {
        public var fromVersion: Int
        public var fromStep: String
        public var to: JourneyStepMapping.Target
        public var people: Int
    }

    /// Publishes the draft (or `definition`, saved as a new version first). Over a live version
    /// `mapping` is required and moves the people at each live step as it says.
    /// - Returns: the people moved per old step.
    @discardableResult
    public func publish(
        workspaceId: String, id: String, definition: JourneyDefinition? = nil, mapping: JourneyStepMapping? = nil
    ) async throws -> [MoveCount] {
        if let definition { try await saveDraft(workspaceId: workspaceId, id: id, definition: definition) }
        var j = try await journey(workspaceId: workspaceId, id: id)
        guard let draft = try await store.versions(workspaceId: workspaceId, journeyId: id).last, draft.publishedAt == nil
        else { throw JourneyError(.conflict, field: "version", "there is no unpublished draft to publish") }
        try await checkDestinations(draft.definition, workspaceId: workspaceId)
        let now = clock()
        var moves: [MoveCount] = []
        if let live = j.liveVersion {
            guard let mapping else {
                throw JourneyError(field: "mapping", "is required: say where the people at each step of v\(live) go")
            }
            let old = try await liveDefinition(j)
            try mapping.validate(from: old, to: draft.definition)
            var published = draft
            published.publishedAt = now
            try await store.saveVersion(published)
            j.history.append(draft.version)
            moves = try await switchVersion(&j, from: (live, old), to: (draft.version, draft.definition), mapping, now: now)
        } else {
            var published = draft
            published.publishedAt = now
            try await store.saveVersion(published)
            j.liveVersion = draft.version
            j.history = [draft.version]
            j.status = .live
            j.updatedAt = now
            try await store.saveJourney(j)
        }
        await onChange(workspaceId)
        return moves
    }

    /// Makes the version published before the live one live again, moving people as `mapping` says.
    @discardableResult
    public func rollback(workspaceId: String, id: String, mapping: JourneyStepMapping) async throws -> [MoveCount] {
        var j = try await journey(workspaceId: workspaceId, id: id)
        guard j.history.count >= 2, let live = j.liveVersion else {
            throw JourneyError(.conflict, field: "version", "there is no earlier published version to roll back to")
        }
        let target = j.history[j.history.count - 2]
        let old = try await liveDefinition(j)
        guard let previous = try await store.version(workspaceId: workspaceId, journeyId: id, version: target) else {
            throw JourneyError(.notFound, field: "version", "v\(target) is gone")
        }
        try mapping.validate(from: old, to: previous.definition)
        let moves = try await switchVersion(&j, from: (live, old), to: (target, previous.definition), mapping, now: clock())
        j.history.removeLast()
        try await store.saveJourney(j)
        await onChange(workspaceId)
        return moves
    }

    /// How many people `mapping` would move from each live step, changing nothing.
    public func dryRun(workspaceId: String, id: String, definition: JourneyDefinition? = nil, mapping: JourneyStepMapping)
        async throws -> [MoveCount]
    {
        let j = try await journey(workspaceId: workspaceId, id: id)
        guard let live = j.liveVersion else { return [] }
        let old = try await liveDefinition(j)
        var new = definition
        if new == nil, let draft = try await store.versions(workspaceId: workspaceId, journeyId: id).last,
            draft.publishedAt == nil
        {
            new = draft.definition
        }
        guard let new else { throw JourneyError(field: "definition", "is required: there is no unpublished draft") }
        try new.validate()
        try mapping.validate(from: old, to: new)
        let counts = try await store.activeCounts(workspaceId: workspaceId, journeyId: id)[live] ?? [:]
        return old.steps.map { MoveCount(fromVersion: live, fromStep: $0.id, to: mapping.steps[$0.id]!, people: counts[$0.id] ?? 0) }
    }

    /// Stops entries and movement; waits are left as they are until `resume`.
    public func pause(workspaceId: String, id: String) async throws {
        var j = try await journey(workspaceId: workspaceId, id: id)
        guard j.status == .live else { throw JourneyError(.conflict, field: "status", "only a live journey can be paused") }
        let now = clock()
        j.status = .paused
        j.pausedAt = now
        j.updatedAt = now
        try await store.saveJourney(j)
        await onChange(workspaceId)
    }

    /// Lets the journey run again under its resume policy: `retime` pushes every wait back by the
    /// pause's length, `skip` lets those whose wait ended during the pause move on without the sends
    /// they missed. Neither sends what came due during the pause at once.
    public func resume(workspaceId: String, id: String) async throws {
        var j = try await journey(workspaceId: workspaceId, id: id)
        guard j.status == .paused, let pausedAt = j.pausedAt else {
            throw JourneyError(.conflict, field: "status", "only a paused journey can be resumed")
        }
        let now = clock()
        switch try await liveDefinition(j).resume {
        case .retime: try await store.shiftDue(workspaceId: workspaceId, journeyId: id, seconds: now.timeIntervalSince(pausedAt))
        case .skip: try await store.markSkipSends(workspaceId: workspaceId, journeyId: id, dueBy: now)
        }
        j.status = .live
        j.pausedAt = nil
        j.updatedAt = now
        try await store.saveJourney(j)
        await onChange(workspaceId)
    }

    /// The funnel per version and step, with the people at each step now.
    public func funnel(workspaceId: String, id: String) async throws -> [JourneyFunnelStep] {
        _ = try await journey(workspaceId: workspaceId, id: id)
        return try await store.funnel(workspaceId: workspaceId, journeyId: id)
    }

    // MARK: -

    private func liveDefinition(_ j: Journey) async throws -> JourneyDefinition {
        guard let live = j.liveVersion,
            let v = try await store.version(workspaceId: j.workspaceId, journeyId: j.id, version: live)
        else { throw JourneyError(.conflict, field: "version", "the journey has no live version") }
        return v.definition
    }

    /// Makes `to` live, then moves the people at each step of `from` as `mapping` says.
    private func switchVersion(
        _ j: inout Journey, from: (version: Int, definition: JourneyDefinition),
        to: (version: Int, definition: JourneyDefinition), _ mapping: JourneyStepMapping, now: Date
    ) async throws -> [MoveCount] {
        // New entries go to the new version from here; the moves below then drain the old steps.
        j.liveVersion = to.version
        j.updatedAt = now
        try await store.saveJourney(j)
        var out: [MoveCount] = []
        for old in from.definition.steps {
            let target = mapping.steps[old.id]!
            guard case .step(let new) = target, let newStep = to.definition.step(new) else {
                out.append(MoveCount(fromVersion: from.version, fromStep: old.id, to: target, people: 0))
                continue
            }
            let n = try await store.move(
                workspaceId: j.workspaceId, journeyId: j.id, fromVersion: from.version, fromStep: old.id,
                toVersion: to.version, toStep: new, keepTiming: old.isWait && old.type == newStep.type, now: now)
            out.append(MoveCount(fromVersion: from.version, fromStep: old.id, to: target, people: n))
        }
        return out
    }

    private func checkDestinations(_ d: JourneyDefinition, workspaceId: String) async throws {
        for s in d.steps where s.type == .send {
            guard let id = s.destination, try await destinations.destination(workspaceId: workspaceId, id: id) != nil else {
                throw JourneyError(field: "steps[\(s.id)].destination", "names no destination of this workspace")
            }
        }
    }
}
