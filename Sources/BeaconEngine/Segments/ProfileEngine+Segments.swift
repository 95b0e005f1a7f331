import BeaconCore
import BeaconStore
import Foundation

/// A segment request that cannot be carried out, naming the field at fault.
public struct SegmentRequestError: RequestRefusal, Sendable {
    public var field: String
    public var reason: String
    public var notFound: Bool

    public init(field: String, reason: String, notFound: Bool = false) {
        self.field = field
        self.reason = reason
        self.notFound = notFound
    }

    public var description: String { "\(field) \(reason)" }
    public var detail: String { description }
    public var kind: RequestRefusalKind { notFound ? .notFound : .invalid }
}

extension ProfileEngine {
    /// Creates or replaces a segment, then evaluates it over every profile.
    /// - Throws: `SegmentRuleError` naming the bad rule node; `SegmentRequestError` for the name.
    @discardableResult
    public func saveSegment(workspaceId: String, id: String? = nil, name: String, description: String = "", rule: JSONValue,
                            system: Bool = false) async throws -> (segment: SegmentDefinition, size: Int) {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 200 else {
            throw SegmentRequestError(field: "name", reason: "must be 1–200 characters")
        }
        let parsed = try SegmentRule.parse(rule)
        return try await committing(workspaceId) {
            try await self.storeSegment(workspaceId: workspaceId, id: id, name: trimmed, description: description,
                                        rule: rule, parsed: parsed, system: system)
        }
    }

    private func storeSegment(workspaceId: String, id: String?, name: String, description: String, rule: JSONValue,
                              parsed: SegmentRule, system: Bool) async throws -> (segment: SegmentDefinition, size: Int) {
        var s = try await state(workspaceId)
        let now = clock()
        let segmentId = id ?? Self.slug(name, taken: Set(s.segments.map(\.id)))
        let existing = try await store.segment(workspaceId: workspaceId, id: segmentId)
        let definition = SegmentDefinition(
            workspaceId: workspaceId, id: segmentId, name: name, description: description, rule: rule,
            system: existing?.system ?? system, createdAt: existing?.createdAt ?? now, updatedAt: now)
        try await store.saveSegment(definition)
        s.segments.removeAll { $0.id == segmentId }
        s.segments.append(CompiledSegment(id: segmentId, rule: parsed))
        s.segments.sort { $0.id < $1.id }
        var changes = ProfileChangeSet(workspaceId: workspaceId, lastSeq: s.profiles.lastSeq, mergeCount: s.mergeCount)
        changes.foldedFrom = s.profiles.lastSeq
        changes.changedAt = now
        s.recompute(segmentIds: [segmentId], asOf: s.today(wallClock: now), into: &changes)
        s.queueActivations(into: &changes, events: [], workspaceId: workspaceId)
        s.queueJourneySignals(into: &changes, events: [], workspaceId: workspaceId)
        try await commit(changes)
        states[workspaceId] = s
        return (definition, s.members[segmentId]?.count ?? 0)
    }

    /// Deletes a segment and its memberships. Returns false when there was none.
    public func deleteSegment(workspaceId: String, id: String) async throws -> Bool {
        try await serialized(workspaceId) {
            let found = try await self.store.deleteSegment(workspaceId: workspaceId, id: id)
            await self.forgetSegment(workspaceId, id)
            return found
        }
    }

    private func forgetSegment(_ workspaceId: String, _ id: String) {
        states[workspaceId]?.segments.removeAll { $0.id == id }
        states[workspaceId]?.members[id] = nil
    }

    /// Re-evaluates every segment over every profile as of the workspace's today (`WorkspaceToday`) — the scheduled full
    /// recompute that keeps time-based conditions ("in the last 60 days") true — and records
    /// segment sizes. Returns the sizes.
    @discardableResult
    public func recomputeSegments(workspaceId: String) async throws -> [String: Int] {
        try await committing(workspaceId) { try await self.recomputeAll(workspaceId) }
    }

    func recomputeAll(_ workspaceId: String) async throws -> [String: Int] {
        var s = try await state(workspaceId)
        let now = clock()
        var changes = ProfileChangeSet(workspaceId: workspaceId, lastSeq: s.profiles.lastSeq, mergeCount: s.mergeCount)
        changes.foldedFrom = s.profiles.lastSeq
        changes.changedAt = now
        s.recompute(segmentIds: s.segments.map(\.id), asOf: s.today(wallClock: now), into: &changes)
        s.queueActivations(into: &changes, events: [], workspaceId: workspaceId)
        s.queueJourneySignals(into: &changes, events: [], workspaceId: workspaceId)
        try await commit(changes)
        states[workspaceId] = s
        let sizes = Dictionary(uniqueKeysWithValues: s.segments.map { ($0.id, s.members[$0.id]?.count ?? 0) })
        try await store.recordSegmentSizes(workspaceId: workspaceId, at: now, sizes: sizes)
        return sizes
    }

    /// How many profiles a rule matches as of `asOf` (default: the workspace's today,
    /// `WorkspaceToday`), with a sample (smallest ids first), before saving.
    public func preview(workspaceId: String, rule: JSONValue, sample: Int = 10, asOf: Date? = nil) async throws
        -> (count: Int, sample: [Profile])
    {
        let parsed = try SegmentRule.parse(rule)
        return try await serialized(workspaceId) {
            let s = try await self.state(workspaceId)
            let ids = s.evaluate(parsed, asOf: asOf ?? s.today(wallClock: self.clock()))
            return (ids.count, ids.sorted().prefix(sample).compactMap { s.profiles.profile(id: $0) })
        }
    }

    /// Current member ids of a segment (from memory: equal to the store after each step).
    public func members(workspaceId: String, segmentId: String) async throws -> Set<String> {
        try await serialized(workspaceId) { try await self.state(workspaceId).members[segmentId] ?? [] }
    }

    /// Pairwise overlap of segments: intersection sizes and Jaccard index |A∩B| / |A∪B|.
    public func overlap(workspaceId: String, segmentIds: [String]) async throws -> [SegmentOverlap] {
        let members = try await serialized(workspaceId) { try await self.state(workspaceId).members }
        var out: [SegmentOverlap] = []
        for (i, a) in segmentIds.enumerated() {
            for b in segmentIds[(i + 1)...] {
                let ma = members[a] ?? [], mb = members[b] ?? []
                let both = ma.intersection(mb).count
                let union = ma.count + mb.count - both
                out.append(SegmentOverlap(a: a, b: b, sizeA: ma.count, sizeB: mb.count, both: both,
                                          jaccard: union == 0 ? 0 : Double(both) / Double(union)))
            }
        }
        return out
    }

    /// A segment's share of the workspace's lifetime value.
    public func revenueContribution(workspaceId: String, segmentId: String) async throws -> (revenue: Double, total: Double) {
        try await serialized(workspaceId) {
            let s = try await self.state(workspaceId)
            let members = s.members[segmentId] ?? []
            var revenue = 0.0, total = 0.0
            for p in s.profiles.profiles.values {
                total += p.orders.lifetimeValue
                if members.contains(p.id) { revenue += p.orders.lifetimeValue }
            }
            return (revenue, total)
        }
    }

    /// A readable unique id from a name (`VIP Customers` → `vip-customers`).
    static func slug(_ name: String, taken: Set<String>) -> String {
        let base = String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
            .split(separator: "-").joined(separator: "-").prefix(60)
        var candidate = base.isEmpty ? "segment" : String(base)
        var n = 2
        let root = candidate
        while taken.contains(candidate) {
            candidate = "\(root)-\(n)"
            n += 1
        }
        return candidate
    }
}

/// Overlap of two segments.
public struct SegmentOverlap: Sendable, Equatable, Codable {
    public var a: String
    public var b: String
    public var sizeA: Int
    public var sizeB: Int
    public var both: Int
    public var jaccard: Double

    public init(a: String, b: String, sizeA: Int, sizeB: Int, both: Int, jaccard: Double) {
        self.a = a
        self.b = b
        self.sizeA = sizeA
        self.sizeB = sizeB
        self.both = both
        self.jaccard = jaccard
    }
}

extension WorkspaceState {
    /// Full evaluation of some segments over all profiles, recording the differences.
    mutating func recompute(segmentIds: [String], asOf: Date, into changes: inout ProfileChangeSet) {
        for segment in segments where segmentIds.contains(segment.id) {
            let now = evaluate(segment.rule, asOf: asOf)
            let was = members[segment.id] ?? []
            for id in was.subtracting(now).sorted() { changes.exited.append((segment.id, id)) }
            for id in now.subtracting(was).sorted() { changes.entered.append((segment.id, id)) }
            members[segment.id] = now
        }
    }
}
