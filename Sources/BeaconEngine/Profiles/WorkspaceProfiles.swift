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
    let rules: IdentityRules
    var graph = IdentityGraph()
    /// Profiles by root node.
    var profiles: [Int: Profile] = [:]
    var activities: [Int: [String: [Activity]]] = [:]
    var nodeOfProfile: [String: Int] = [:]
    var merges: [IdentityMerge] = []
    var lastSeq: Int64 = 0

    init(rules: IdentityRules) {
        self.rules = rules
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
        var target: Int?
        if let userId, let r = graph.root(of: userId) {
            target = r
        } else {
            for id in ids {
                guard let r = graph.root(of: id) else { continue }
                if let userId, !isAlias, !canAddUserId(userId.value, to: profiles[r]!) { continue }
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
            if id.kind == Identifier.userId, !isAlias, !canAddUserId(id.value, to: p) { continue }
            guard p.identifiers.count < rules.maxIdentifiersPerProfile else { continue }
            graph.attach(id, to: current)
            profiles[current]!.identifiers = (p.identifiers + [id]).sorted()
        }
        fold(stored, into: current)
        effect.touched.insert(profiles[current]!.id)
    }

    private func canAddUserId(_ value: String, to profile: Profile) -> Bool {
        let existing = profile.identifiers(Identifier.userId)
        return existing.contains(value) || existing.count < rules.maxUserIdsPerProfile
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
        let userIds = Set(pa.identifiers(Identifier.userId)).union(pb.identifiers(Identifier.userId))
        let total = Set(pa.identifiers).union(pb.identifiers).count
        if !alias, userIds.count > rules.maxUserIdsPerProfile {
            record.merged = false
            record.refusal = "the merged profile would have \(userIds.count) user ids (limit \(rules.maxUserIdsPerProfile))"
        } else if total > rules.maxIdentifiersPerProfile {
            record.merged = false
            record.refusal = "the merged profile would have \(total) identifiers (limit \(rules.maxIdentifiersPerProfile))"
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
            let revenue: Double? = props["revenue"]?.doubleValue
            let amount: Double? = revenue ?? props["total"]?.doubleValue ?? props["value"]?.doubleValue
            switch name {
            case Activity.orderCompleted: p.orders.addOrder(revenue: amount ?? 0, at: e.timestamp)
            case Activity.orderRefunded: p.orders.refunded += abs(amount ?? 0)
            case Activity.emailOpened: p.recordEmail(opened: true, at: e.timestamp)
            case Activity.emailLinkClicked: p.recordEmail(opened: false, at: e.timestamp)
            default: if Activity.ticketNames.contains(name) { p.supportTickets += 1 }
            }
            // Only scalar properties are kept for `where` filters, to bound memory.
            let scalars = props.filter { (_, v: JSONValue) -> Bool in
                switch v {
                case .object, .array: return false
                default: return true
                }
            }
            var list = activities[node, default: [:]][name, default: []]
            let activity = Activity(name: name, timestamp: e.timestamp, properties: scalars)
            if let last = list.last, last.timestamp > e.timestamp {
                list.insert(activity, at: list.firstIndex { $0.timestamp > e.timestamp } ?? list.endIndex)
            } else {
                list.append(activity)
            }
            activities[node, default: [:]][name] = list
        }
        profiles[node] = p
    }
}

/// A profile as segment rules see it, at one instant.
struct ProfileSubject: SegmentSubject {
    let profile: Profile
    let history: [String: [Activity]]
    let asOf: Date

    func trait(_ name: String) -> JSONValue? { profile.ruleTrait(name, asOf: asOf) }
    func activities(named name: String) -> [Activity] { history[name] ?? [] }
}
