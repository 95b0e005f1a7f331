import BeaconCore
import BeaconStore
import Foundation

/// The resolved people of one workspace, built by folding the event log in order: the
/// identity graph, one `Profile` per root, each profile's `track` history for event
/// conditions, and the merge log.
///
/// Folding the same events in the same order always gives the same profiles, ids, traits
/// and merges — which is what makes `beacon rebuild` reproducible and lets the engine
/// reload a workspace by replaying the log up to its stored checkpoint.
struct WorkspaceProfiles {
    /// The rules in force for the next event.
    var rules: IdentityRules
    /// Later versions of the workspace's rules, oldest first: each takes over for the events
    /// after its sequence, so replaying the log gives what was folded live.
    var pendingRules: [IdentityRulesVersion] = []
    var graph = IdentityGraph()
    /// Profiles by root node.
    var profiles: [Int: Profile] = [:]
    var activities: [Int: [String: [Activity]]] = [:]
    var nodeOfProfile: [String: Int] = [:]
    var merges: [IdentityMerge] = []
    var lastSeq: Int64 = 0
    /// The newest event time folded so far (every event counts, identified or not): the
    /// workspace's today (`WorkspaceToday`).
    var lastEventAt: Date?
    /// One stored copy of each distinct activity name and property dictionary: the histories
    /// are most of the projection's memory, and most `track` events repeat a few property sets
    /// (an email event's `{"campaign": …}`), so activities share them instead of each holding one.
    var sharedNames: Set<String> = []
    var sharedProperties: Set<[String: JSONValue]> = []

    init(rules: IdentityRules, versions: [IdentityRulesVersion] = []) {
        self.rules = rules
        pendingRules = versions.sorted { $0.afterSeq < $1.afterSeq }
    }

    /// What folding some events changed.
    struct Effect {
        var touched: Set<String> = []
        var deleted: Set<String> = []
        var merges: [IdentityMerge] = []
    }

    func profile(id: String) -> Profile? {
        nodeOfProfile[id].flatMap { profiles[$0] }
    }

    func activities(of id: String) -> [String: [Activity]] {
        nodeOfProfile[id].flatMap { activities[$0] } ?? [:]
    }

    /// Folds one stored event into the profiles.
    mutating func apply(_ stored: StoredEvent, into effect: inout Effect) {
        lastSeq = max(lastSeq, stored.sequence)
        lastEventAt = max(lastEventAt ?? stored.event.timestamp, stored.event.timestamp)
        while let next = pendingRules.first, stored.sequence > next.afterSeq {
            rules = next.rules
            pendingRules.removeFirst()
        }
        let event = stored.event
        var ids = EventIdentifiers.extract(event, rules: rules)
        let isAlias = event.type == .alias
        if let previous = EventIdentifiers.previousId(event, rules: rules) {
            let asUser = Identifier(kind: Identifier.userId, value: previous)
            ids.append(graph.contains(asUser) ? asUser : Identifier(kind: Identifier.anonymousId, value: previous))
        }
        guard !ids.isEmpty else { return }
        let userId = ids.first { $0.kind == Identifier.userId }

        // The profile the event belongs to: its user id's, else the first known identifier's
        // — unless that profile already belongs to another user (a shared device).
        // Identifiers of kinds that may not merge find a profile only when nothing else does.
        var target: Int?
        if let userId, let r = graph.root(of: userId) {
            target = r
        } else {
            let mergeable = ids.filter { rules.mayMerge($0.kind) }
            for id in mergeable.isEmpty ? ids : mergeable {
                guard let r = graph.root(of: id) else { continue }
                if !isAlias, !canTake(ids, profiles[r]!) { continue }
                target = r
                break
            }
        }
        let node: Int
        if let target {
            node = target
        } else {
            node = graph.makeNode()
            let p = Profile(id: "p-\(stored.sequence)", createdSeq: stored.sequence, at: event.timestamp)
            profiles[node] = p
            nodeOfProfile[p.id] = node
        }
        var current = node
        for id in ids {
            if let r = graph.root(of: id) {
                if r != current { current = merge(r, current, via: id, event: stored, alias: isAlias, effect: &effect) }
                continue
            }
            let p = profiles[current]!
            if !(isAlias && id.kind == Identifier.userId), let limit = rules.limit(id.kind), p.identifiers(id.kind).count >= limit { continue }
            guard p.identifiers.count < rules.maxIdentifiersPerProfile else { continue }
            graph.attach(id, to: current)
            profiles[current]!.identifiers = (p.identifiers + [id]).sorted()
        }
        fold(stored, into: current)
        effect.touched.insert(profiles[current]!.id)
    }

    /// Whether a profile can take the event's identifiers not seen before within the
    /// per-kind limits (a known identifier belongs to some profile already).
    private func canTake(_ ids: [Identifier], _ profile: Profile) -> Bool {
        var added: [String: Int] = [:]
        for id in ids where !graph.contains(id) { added[id.kind, default: 0] += 1 }
        return added.allSatisfy { kind, n in rules.limit(kind).map { profile.identifiers(kind).count + n <= $0 } ?? true }
    }

    /// Merges the profiles at roots `a` and `b` unless a rule forbids it; returns the root the
    /// event should continue with (the survivor, or `b` when refused).
    private mutating func merge(_ a: Int, _ b: Int, via id: Identifier, event stored: StoredEvent, alias: Bool,
                                effect: inout Effect) -> Int {
        let pa = profiles[a]!, pb = profiles[b]!
        let (survivor, absorbed) = pa.createdSeq <= pb.createdSeq ? (a, b) : (b, a)
        var record = IdentityMerge(
            seq: stored.sequence, messageId: stored.event.messageId, eventType: stored.event.type.rawValue,
            at: stored.event.timestamp, into: profiles[survivor]!.id, from: profiles[absorbed]!.id, identifier: id, merged: true)
        let union = Set(pa.identifiers).union(pb.identifiers)
        if let (rule, reason) = refusal(union, via: id, alias: alias) {
            record.merged = false
            record.refusal = reason
            record.rule = rule
        }
        merges.append(record)
        effect.merges.append(record)
        guard record.merged else { return b }
        let gone = profiles.removeValue(forKey: absorbed)!
        profiles[survivor]!.absorb(gone)
        if let acts = activities.removeValue(forKey: absorbed) {
            var mine = activities[survivor] ?? [:]
            for (name, list) in acts {
                mine[name] = (mine[name, default: []] + list).sorted { $0.timestamp < $1.timestamp }
            }
            activities[survivor] = mine
        }
        graph.union(from: absorbed, into: survivor)
        nodeOfProfile[gone.id] = nil
        effect.deleted.insert(gone.id)
        effect.touched.remove(gone.id)
        return survivor
    }

    /// The rule that forbids merging two profiles whose identifiers together are `union`
    /// through `id`, with the reason; nil when the merge may go ahead.
    private func refusal(_ union: Set<Identifier>, via id: Identifier, alias: Bool) -> (String, String)? {
        if !rules.mayMerge(id.kind) {
            return ("mergeOn", "\(id.kind) identifiers may not merge profiles in this workspace")
        }
        var counts: [String: Int] = [:]
        for i in union { counts[i.kind, default: 0] += 1 }
        for kind in counts.keys.sorted() {
            guard let limit = rules.limit(kind), counts[kind]! > limit, !(alias && kind == Identifier.userId) else { continue }
            let noun = kind == Identifier.userId ? "user ids" : "\(kind) identifiers"
            return ("limits.\(kind)", "the merged profile would have \(counts[kind]!) \(noun) (limit \(limit))")
        }
        if union.count > rules.maxIdentifiersPerProfile {
            return ("maxIdentifiers", "the merged profile would have \(union.count) identifiers (limit \(rules.maxIdentifiersPerProfile))")
        }
        return nil
    }

    /// Applies an event's content: seen times, traits, order totals, engagement, history.
    private mutating func fold(_ stored: StoredEvent, into node: Int) {
        let e = stored.event
        var p = profiles[node]!
        p.eventCount += 1
        p.firstSeen = min(p.firstSeen, e.timestamp)
        p.lastSeen = max(p.lastSeen, e.timestamp)
        let traitSources: [JSONValue?] = [e.context?["traits"], e.traits]
        for traits in traitSources {
            let members: [String: JSONValue] = traits?.objectValue ?? [:]
            for (k, v) in members {
                p.setTrait(k, TraitValue(value: v, at: e.timestamp, source: e.messageId, seq: stored.sequence))
            }
        }
        if e.type == .track, let name = e.event {
            let props: [String: JSONValue] = e.properties?.objectValue ?? [:]
            p.countTracked(name, properties: props, at: e.timestamp)
            // Only scalar properties are kept for `where` filters, to bound memory (the event's
            // own dictionary when it is all scalars, the common case, rather than a copy).
            let isScalar = { (v: JSONValue) -> Bool in
                switch v {
                case .object, .array: return false
                default: return true
                }
            }
            let scalars = props.values.allSatisfy(isScalar) ? props : props.filter { isScalar($0.value) }
            // Inserted in place: copying the list out and back would copy it on every event.
            activities[node, default: [:]][name, default: []].insertInTimeOrder(
                Activity(name: sharedNames.insert(name).memberAfterInsert, timestamp: e.timestamp,
                         properties: sharedProperties.insert(scalars).memberAfterInsert))
        }
        profiles[node] = p
    }
}

extension [Activity] {
    /// Inserts after every activity at or before its time (appends when it is the newest).
    fileprivate mutating func insertInTimeOrder(_ activity: Activity) {
        if let last, last.timestamp > activity.timestamp {
            insert(activity, at: Activity.through(activity.timestamp, in: self).endIndex)
        } else {
            append(activity)
        }
    }
}

/// A profile as segment rules see it, at one instant.
struct ProfileSubject: SegmentSubject {
    let profile: Profile
    let history: [String: [Activity]]
    let asOf: Date
    /// When replaying a past instant: activities after `asOf` are not seen.
    var replaying = false

    func trait(_ name: String) -> JSONValue? { profile.ruleTrait(name, asOf: asOf) }
    func activities(named name: String) -> [Activity] {
        guard let list = history[name] else { return [] }
        guard replaying, let last = list.last, last.timestamp > asOf else { return list }
        return Array(Activity.through(asOf, in: list))
    }
}
