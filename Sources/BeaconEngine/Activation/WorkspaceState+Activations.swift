import BeaconCore
import BeaconStore
import Foundation

extension WorkspaceState {
    /// Adds to `changes` the outbox messages its membership changes and the tracked `events`
    /// send through the workspace's activations, so they commit in the same transaction.
    ///
    /// Each message's id is derived from its cause (the segment change at this step's
    /// checkpoint and time, or the event's `messageId`), the profile and the destination.
    mutating func queueActivations(into changes: inout ProfileChangeSet, events: [StoredEvent], workspaceId: String) {
        guard !activations.isEmpty else { return }
        let at = changes.changedAt
        let step = "\(changes.lastSeq)/\(Timestamp.milliseconds(at))"
        for (kind, list) in [(SegmentChangeKind.entered, changes.entered), (.exited, changes.exited)] {
            for (segmentId, profileId) in list {
                for a in activations {
                    guard case .segment(let id, let on) = a.trigger, id == segmentId, on.contains(kind) else {
                        continue
                    }
                    let profile = profiles.profile(id: profileId) ?? Profile(id: profileId, createdSeq: 0, at: at)
                    let payload =
                        audienceDestinations.contains(a.destinationId)
                        ? audienceChange(kind, a, segmentId: segmentId, profile: profile, workspaceId: workspaceId, at: at)
                        : ActivationPayload.segmentChange(
                            kind, segmentId: segmentId, profile: profile, workspaceId: workspaceId, at: at)
                    changes.outbox.append(
                        message(
                            workspaceId, a, profileId: profileId,
                            cause: "segment:\(segmentId):\(kind.rawValue)@\(step)", payload: payload, at: at))
                }
            }
        }
        queueAudienceUpdates(into: &changes, workspaceId: workspaceId)
        for stored in events where stored.event.type == .track {
            let event = stored.event
            let matching = activations.filter {
                $0.trigger.matches(eventName: event.event ?? "", properties: event.properties)
            }
            guard !matching.isEmpty, let profile = profile(of: event) else { continue }
            for a in matching {
                changes.outbox.append(
                    message(
                        workspaceId, a, profileId: profile.id, cause: "event:\(event.messageId)",
                        payload: ActivationPayload.trackedEvent(event, profile: profile, workspaceId: workspaceId),
                        at: at))
            }
        }
    }

    func message(
        _ workspaceId: String, _ a: Activation, profileId: String, cause: String, payload: String, at: Date
    ) -> OutboxMessage {
        OutboxMessage(
            workspaceId: workspaceId,
            id: OutboxMessage.key(cause: "\(a.id):\(cause)", profile: profileId, destination: a.destinationId),
            destinationId: a.destinationId, orderKey: profileId, cause: cause, payload: payload, nextAttemptAt: at,
            createdAt: at)
    }

    /// The profile an event was folded into: its user id's, else its anonymous id's.
    private mutating func profile(of event: Event) -> Profile? {
        let ids = [
            event.userId.map { Identifier(kind: Identifier.userId, value: $0) },
            event.anonymousId.map { Identifier(kind: Identifier.anonymousId, value: $0) },
        ].compactMap { $0 }
        for id in ids {
            if let root = profiles.graph.root(of: id), let p = profiles.profiles[root] { return p }
        }
        return nil
    }
}
