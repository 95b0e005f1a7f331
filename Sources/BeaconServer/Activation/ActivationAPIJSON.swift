import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// The API's JSON views of destinations, activations and outbox messages.
enum ActivationAPIJSON {
    /// A destination; its secret appears only in the reply that created or rotated it.
    static func destination(_ d: Destination, secret: String? = nil, counts: [OutboxMessage.State: Int]? = nil)
        -> JSONValue
    {
        var o: [String: JSONValue] = [
            "id": .string(d.id), "name": .string(d.name), "type": .string(d.kind.rawValue), "url": .string(d.url),
            "state": .string(d.state.rawValue), "createdAt": .string(Timestamp.format(d.createdAt)),
            "signingSecrets": .number(Double(d.sealedSecrets.count)),
        ]
        o["settings"] = .object(d.settings.mapValues(JSONValue.string))
        o["requiredConsent"] = .array(d.requiredConsent.map(JSONValue.string))
        o["stateReason"] = d.stateReason.map(JSONValue.string)
        o["secret"] = secret.map(JSONValue.string)
        if let counts {
            o["messages"] = .object(
                Dictionary(
                    uniqueKeysWithValues: [OutboxMessage.State.pending, .delivered, .dead].map {
                        ($0.rawValue, JSONValue.number(Double(counts[$0] ?? 0)))
                    }))
        }
        return .object(o)
    }

    static func activation(_ a: Activation) -> JSONValue {
        var o: [String: JSONValue] = [
            "id": .string(a.id), "destination": .string(a.destinationId),
            "createdAt": .string(Timestamp.format(a.createdAt)),
        ]
        switch a.trigger {
        case .segment(let id, let on):
            o["segment"] = .string(id)
            o["on"] = .array(on.sorted().map { .string($0.rawValue) })
        case .event(let name, let properties):
            o["event"] = .string(name)
            o["properties"] = .object(properties)
        case .schedule(let segmentId, let everyHours):
            o["segment"] = .string(segmentId)
            o["everyHours"] = .number(everyHours)
        case .alert(let series, let email):
            o["alert"] = .object(["series": .array(series.map(JSONValue.string)), "email": email.map(JSONValue.string) ?? .null])
        }
        return .object(o)
    }

    static func message(_ m: OutboxMessage) -> JSONValue {
        var o: [String: JSONValue] = [
            "id": .string(m.id), "cause": .string(m.cause), "state": .string(m.state.rawValue),
            "attempts": .number(Double(m.attempts)), "createdAt": .string(Timestamp.format(m.createdAt)),
            "nextAttemptAt": .string(Timestamp.format(m.nextAttemptAt)),
            "payload": (try? JSONValue.parse(Data(m.payload.utf8))) ?? .string(m.payload),
        ]
        o["deliveredAt"] = m.deliveredAt.map { .string(Timestamp.format($0)) }
        o["lastStatus"] = m.lastStatus.map { .number(Double($0)) }
        o["lastError"] = m.lastError.map(JSONValue.string)
        return .object(o)
    }

    /// What a reconciliation queued.
    static func syncReport(_ r: AudienceSyncReport) -> JSONValue {
        .object([
            "added": .number(Double(r.added)), "updated": .number(Double(r.updated)),
            "removed": .number(Double(r.removed)), "unchanged": .number(Double(r.unchanged)),
            "waiting": .number(Double(r.waiting)),
        ])
    }
}
