import Foundation

/// The JSON body an activation sends: what happened and who it happened to.
///
/// Every profile carries its user id, email and external ids (each identifier but the
/// anonymous ids), so a receiver can match the person in its own system without asking
/// Beacon. The body is serialised with sorted keys, so the same change always gives the
/// same bytes (and the same signature for the same id and timestamp).
public enum ActivationPayload {
    /// `segment.entered` or `segment.exited` for `profile` in `segmentId`.
    public static func segmentChange(
        _ kind: SegmentChangeKind, segmentId: String, profile: Profile, workspaceId: String, at: Date
    ) -> String {
        JSONValue.object([
            "type": .string("segment.\(kind.rawValue)"),
            "timestamp": .string(Timestamp.format(at)),
            "workspace": .string(workspaceId),
            "segment": .object(["id": .string(segmentId)]),
            "profile": person(profile),
        ]).serialized()
    }

    /// `event.tracked` for the tracked event `event` of `profile`.
    public static func trackedEvent(_ event: Event, profile: Profile, workspaceId: String) -> String {
        JSONValue.object([
            "type": .string("event.tracked"),
            "timestamp": .string(Timestamp.format(event.timestamp)),
            "workspace": .string(workspaceId),
            "event": .object([
                "name": .string(event.event ?? ""),
                "messageId": .string(event.messageId),
                "properties": event.properties ?? .object([:]),
            ]),
            "profile": person(profile),
        ]).serialized()
    }

    /// The profile as receivers see it: id, user id, email and external ids.
    public static func person(_ p: Profile) -> JSONValue {
        let external = p.identifiers.filter { $0.kind != Identifier.anonymousId }.map {
            JSONValue.object(["type": .string($0.kind), "id": .string($0.value)])
        }
        return .object([
            "id": .string(p.id),
            "userId": p.identifier(Identifier.userId).map(JSONValue.string) ?? .null,
            "email": p.email.map(JSONValue.string) ?? .null,
            "externalIds": .array(external),
        ])
    }
}
