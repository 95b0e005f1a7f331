import BeaconCore
import BeaconStore
import Foundation

extension WorkspaceState {
    /// The payload of a member entering or leaving a segment synced to an audience
    /// destination, remembering the fields it carries so a later change to them is noticed.
    mutating func audienceChange(
        _ kind: SegmentChangeKind, _ a: Activation, segmentId: String, profile: Profile, workspaceId: String, at: Date
    ) -> String {
        let key = "\(a.id)/\(profile.id)"
        if kind == .entered {
            audienceFields[key] = ActivationPayload.audiencePerson(profile)
        } else {
            audienceFields.removeValue(forKey: key)
        }
        return ActivationPayload.audienceChange(
            kind == .entered ? .add : .remove, segmentId: segmentId, profile: profile, workspaceId: workspaceId, at: at)
    }

    /// Queues `profile.updated` for each member of a segment synced to an audience destination
    /// whose synced fields (user id, email, external ids, names, phone) changed in this step.
    ///
    /// Only a change is sent: the fields last queued are kept per activation and member. After a
    /// restart nothing is remembered, so a member's first change then queues one update whose
    /// id is derived from the fields themselves: the same fields never queue twice.
    mutating func queueAudienceUpdates(into changes: inout ProfileChangeSet, workspaceId: String) {
        guard !audienceDestinations.isEmpty, !changes.upserts.isEmpty else { return }
        let entered = Set(changes.entered.map { "\($0.segmentId)/\($0.profileId)" })
        for a in activations where audienceDestinations.contains(a.destinationId) {
            guard case .segment(let segmentId, let on) = a.trigger, on.contains(.entered) else { continue }
            for p in changes.upserts where members[segmentId]?.contains(p.id) == true {
                guard !entered.contains("\(segmentId)/\(p.id)") else { continue }
                let fields = ActivationPayload.audiencePerson(p)
                let key = "\(a.id)/\(p.id)"
                guard audienceFields[key] != fields else { continue }
                audienceFields[key] = fields
                let digest = OutboxMessage.key(cause: fields.serialized(), profile: "", destination: "")
                changes.outbox.append(
                    message(
                        workspaceId, a, profileId: p.id, cause: "segment:\(segmentId):updated:\(digest)",
                        payload: ActivationPayload.audienceChange(
                            .update, segmentId: segmentId, profile: p, workspaceId: workspaceId, at: changes.changedAt),
                        at: changes.changedAt))
            }
        }
    }
}
