import BeaconCore
import BeaconStore
import Foundation

extension ActivationService {
    /// Hours between scheduled reconciliations, at least and at most.
    public static let scheduleHours: ClosedRange<Double> = 0.25...720

    /// Reconciles `segment`'s members with the audience destination every `everyHours` hours.
    /// - Throws: `ActivationError` naming `segment`, `destination` or `everyHours`.
    public func activateSchedule(workspaceId: String, segment: String, destination: String, everyHours: Double)
        async throws -> Activation
    {
        guard try await stores.profiles.segment(workspaceId: workspaceId, id: segment) != nil else {
            throw ActivationError(field: "segment", "no segment '\(segment)' in this workspace")
        }
        guard let d = try await stores.activations.destination(workspaceId: workspaceId, id: destination) else {
            throw ActivationError(field: "destination", "no destination '\(destination)' in this workspace")
        }
        guard d.kind.isAudienceSync else {
            throw ActivationError(
                field: "destination", "a schedule syncs to an audience destination (hubspot, mailchimp, klaviyo)")
        }
        guard everyHours.isFinite, Self.scheduleHours.contains(everyHours) else {
            throw ActivationError(field: "everyHours", "must be between 0.25 and 720 hours")
        }
        let a = Activation(
            workspaceId: workspaceId, id: "act_" + Self.token(), destinationId: destination,
            trigger: .schedule(segmentId: segment, everyHours: everyHours), createdAt: Timestamp.truncated(clock()))
        try await stores.activations.createActivation(a)
        try await engine.reloadActivations(workspaceId: workspaceId)
        return a
    }

    /// Reconciles an activation's segment with its audience destination now: queues an add for
    /// each member the destination has not confirmed (or last confirmed removed), an update for
    /// each whose synced fields differ from those last confirmed, and a remove for each confirmed
    /// member who left; sends nothing for the rest.
    ///
    /// "Confirmed" is the newest delivered message per person for this segment; a person with a
    /// pending message is left alone (it will settle their state). Dead messages count as never
    /// sent, so a reconciliation also repairs what the retries gave up on.
    /// - Throws: `ActivationError` naming `activation` when it is not a segment or schedule
    ///   activation of an audience destination.
    public func syncAudience(workspaceId: String, activationId: String) async throws -> AudienceSyncReport {
        let a = try await activation(workspaceId: workspaceId, id: activationId)
        let segmentId: String
        switch a.trigger {
        case .segment(let id, _), .schedule(let id, _): segmentId = id
        case .event: throw ActivationError(field: "activation", "a tracked-event activation has no members to sync")
        case .alert: throw ActivationError(field: "activation", "an alert activation has no members to sync")
        }
        let d = try await destination(workspaceId: workspaceId, id: a.destinationId)
        guard d.kind.isAudienceSync else {
            throw ActivationError(field: "activation", "its destination is not an audience sync destination")
        }
        var members: [String] = []
        var after: String?
        while true {
            let page = try await stores.profiles.segmentMembers(
                workspaceId: workspaceId, segmentId: segmentId, after: after, limit: 1000)
            members += page
            guard page.count == 1000 else { break }
            after = page.last
        }
        let memberSet = Set(members)
        let pending = Set(
            try await stores.outbox.messages(
                workspaceId: workspaceId, destinationId: d.id, state: .pending, limit: Int(Int32.max)
            ).map(\.orderKey))
        // Newest first: the first message seen per person is what the destination last confirmed.
        var confirmed: [String: (change: AudienceSyncChange, payload: JSONValue)] = [:]
        for m in try await stores.outbox.messages(
            workspaceId: workspaceId, destinationId: d.id, state: .delivered, limit: Int(Int32.max))
        where confirmed[m.orderKey] == nil {
            guard let c = AudienceSyncChange(message: m), c.segmentId == segmentId,
                let payload = try? JSONValue.parse(Data(m.payload.utf8))
            else { continue }
            confirmed[m.orderKey] = (c, payload)
        }

        let now = clock()
        let cause = "sync:\(a.id)@\(Timestamp.milliseconds(now))"
        var report = AudienceSyncReport()
        var queue: [OutboxMessage] = []
        func enqueue(_ profileId: String, _ payload: String) {
            queue.append(
                OutboxMessage(
                    workspaceId: workspaceId, id: OutboxMessage.key(cause: cause, profile: profileId, destination: d.id),
                    destinationId: d.id, orderKey: profileId, cause: cause, payload: payload, nextAttemptAt: now,
                    createdAt: now))
        }
        for id in members {
            guard !pending.contains(id) else {
                report.waiting += 1
                continue
            }
            guard let p = try await stores.profiles.profile(workspaceId: workspaceId, id: id) else { continue }
            let last = confirmed[id]
            if let last, last.change.operation != .remove {
                if last.payload["profile"] == ActivationPayload.audiencePerson(p) {
                    report.unchanged += 1
                } else {
                    report.updated += 1
                    enqueue(id, ActivationPayload.audienceChange(.update, segmentId: segmentId, profile: p, workspaceId: workspaceId, at: now))
                }
            } else {
                report.added += 1
                enqueue(id, ActivationPayload.audienceChange(.add, segmentId: segmentId, profile: p, workspaceId: workspaceId, at: now))
            }
        }
        for (id, last) in confirmed.sorted(by: { $0.key < $1.key })
        where last.change.operation != .remove && !memberSet.contains(id) {
            guard !pending.contains(id) else {
                report.waiting += 1
                continue
            }
            // The person as the destination knows them (they may have been merged away since).
            var payload = last.payload.objectValue ?? [:]
            payload["type"] = .string("segment.exited")
            payload["timestamp"] = .string(Timestamp.format(now))
            report.removed += 1
            enqueue(id, JSONValue.object(payload).serialized())
        }
        try await stores.outbox.enqueue(queue)
        return report
    }

    /// The segment activations and schedules of audience destinations in a workspace.
    public func scheduledAudienceSyncs(workspaceId: String) async throws -> [(activation: Activation, everyHours: Double)] {
        try await activations(workspaceId: workspaceId).compactMap { a in
            if case .schedule(_, let hours) = a.trigger { return (activation: a, everyHours: hours) }
            return nil
        }
    }
}
