import BeaconCore
import BeaconStore
import Foundation

/// Judges an outbox message against the consent categories its destination requires: who it
/// is about (the profile in its payload, with every identifier that profile has), at what
/// time (the payload's `timestamp`: the tracked event's time, or the segment change's), and
/// which required categories that person had explicitly denied then.
struct MessageConsent: Sendable {
    let profiles: any ProfileStore
    let privacy: any PrivacyStore

    /// The categories of `required` denied for the message's person at its time, with that
    /// time; nil when the message is about no person (a test send) or none is denied.
    func denied(_ m: OutboxMessage, required: [String]) async throws -> (categories: [String], at: Date)? {
        guard !required.isEmpty, let payload = try? JSONValue.parse(Data(m.payload.utf8)),
              let person = payload["profile"], let at = payload["timestamp"]?.stringValue.flatMap({ Timestamp.parse($0) })
        else { return nil }
        var values: [String] = []
        for key in ["userId", "email"] { if let v = person[key]?.stringValue { values.append(v) } }
        for e in person["externalIds"]?.arrayValue ?? [] { if let v = e["id"]?.stringValue { values.append(v) } }
        if let id = person["id"]?.stringValue,
           let p = try await profiles.profile(workspaceId: m.workspaceId, id: id) {
            values += p.identifiers.map(\.value)
        } else if let userId = person["userId"]?.stringValue,
                  let id = try await profiles.profileId(workspaceId: m.workspaceId, identifierValue: userId, kind: nil),
                  let p = try await profiles.profile(workspaceId: m.workspaceId, id: id) {
            values += p.identifiers.map(\.value)
        }
        let history = ConsentHistory(
            try await privacy.consentRecords(workspaceId: m.workspaceId, identifierValues: Array(Set(values))))
        let denied = history.denied(required, at: at)
        return denied.isEmpty ? nil : (denied, at)
    }
}

/// A destination's sender behind a consent check: messages about a person who had one of the
/// destination's required categories denied at the message's time are not sent; they go to
/// the dead letters with HTTP 451 (Unavailable For Legal Reasons) and the reason in their
/// delivery log. A consent history that cannot be read holds the message for a retry.
struct ConsentGuardSender: DestinationSender {
    /// The status recorded for a withheld message; the worker's circuit breaker ignores it.
    static let withheldStatus = 451

    let base: any DestinationSender
    let required: [String]
    let consent: MessageConsent

    var batchLimit: Int { base.batchLimit }

    func deliver(_ batch: [OutboxMessage]) async -> [DeliveryOutcome] {
        var outcomes = [DeliveryOutcome?](repeating: nil, count: batch.count)
        var send: [(index: Int, message: OutboxMessage)] = []
        for (i, m) in batch.enumerated() {
            do {
                if let d = try await consent.denied(m, required: required) {
                    let detail = "withheld: consent \(d.categories.map { "'\($0)'" }.joined(separator: ", ")) "
                        + "was false for this person at \(Timestamp.format(d.at)); the destination requires it"
                    outcomes[i] = DeliveryOutcome(
                        response: WebhookResponse(status: Self.withheldStatus, detail: detail, permanent: true), seconds: 0)
                } else {
                    send.append((i, m))
                }
            } catch {
                outcomes[i] = DeliveryOutcome(
                    response: WebhookResponse(status: 0, detail: "consent could not be read; not sent: \(error)"), seconds: 0)
            }
        }
        if !send.isEmpty {
            for (s, outcome) in zip(send, await base.deliver(send.map(\.message))) { outcomes[s.index] = outcome }
        }
        return outcomes.map { $0 ?? DeliveryOutcome(response: WebhookResponse(status: 0, detail: "not sent"), seconds: 0) }
    }
}
