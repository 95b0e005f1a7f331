import BeaconCore
import BeaconStore
import Foundation

/// The segments and event names a workspace's running journeys listen for (in triggers, goals,
/// exit criteria and event waits), so the projection leaves signals only for those.
struct JourneyInterest: Sendable {
    var segments: Set<String> = []
    var events: Set<String> = []

    var isEmpty: Bool { segments.isEmpty && events.isEmpty }

    init() {}

    init(_ running: [(journey: Journey, versions: [JourneyVersion])]) {
        for (_, versions) in running {
            for v in versions {
                let d = v.definition
                for t in [d.trigger] + [d.goal].compactMap({ $0 }) + (d.exitWhen ?? []) {
                    if let s = t.segment { segments.insert(s) }
                    if let e = t.event { events.insert(e) }
                }
                for s in d.steps where s.type == .waitForEvent { if let e = s.event { events.insert(e) } }
            }
        }
    }
}

extension WorkspaceState {
    /// Adds to `changes` the journey signals of its membership changes and tracked `events` that
    /// running journeys listen for, so they commit in the same transaction as the step.
    mutating func queueJourneySignals(into changes: inout ProfileChangeSet, events: [StoredEvent], workspaceId: String) {
        guard !journeyInterest.isEmpty else { return }
        let at = changes.changedAt
        for (segmentId, profileId) in changes.entered where journeyInterest.segments.contains(segmentId) {
            changes.journeySignals.append(
                JourneySignal(workspaceId: workspaceId, profileId: profileId, kind: .segmentEntered, name: segmentId, at: at))
        }
        for (segmentId, profileId) in changes.exited where journeyInterest.segments.contains(segmentId) {
            changes.journeySignals.append(
                JourneySignal(workspaceId: workspaceId, profileId: profileId, kind: .segmentExited, name: segmentId, at: at))
        }
        for stored in events where stored.event.type == .track {
            let event = stored.event
            guard let name = event.event, journeyInterest.events.contains(name),
                let profileId = journeyProfileId(of: event)
            else { continue }
            changes.journeySignals.append(
                JourneySignal(
                    workspaceId: workspaceId, profileId: profileId, kind: .event, name: name,
                    properties: event.properties, at: event.timestamp))
        }
    }

    /// The profile an event was folded into: its user id's, else its anonymous id's.
    private mutating func journeyProfileId(of event: Event) -> String? {
        let ids = [
            event.userId.map { Identifier(kind: Identifier.userId, value: $0) },
            event.anonymousId.map { Identifier(kind: Identifier.anonymousId, value: $0) },
        ].compactMap { $0 }
        for id in ids {
            if let root = profiles.graph.root(of: id), let p = profiles.profiles[root] { return p.id }
        }
        return nil
    }
}
