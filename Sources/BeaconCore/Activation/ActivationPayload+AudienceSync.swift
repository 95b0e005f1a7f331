import Foundation

extension ActivationPayload {
    /// The traits an audience sync sends beside the identifiers: names and phone, as strings.
    public static let audienceTraits = ["first_name", "last_name", "phone"]

    /// The profile as audience sync destinations see it: `person(_:)` plus the synced `traits`.
    public static func audiencePerson(_ p: Profile) -> JSONValue {
        var out = Self.person(p).objectValue ?? [:]
        var traits: [String: JSONValue] = [:]
        for key in audienceTraits {
            let text: String?
            switch p.traits[key]?.value {
            case .string(let s): text = s
            case .number(let d) where d == d.rounded() && abs(d) < 1e15: text = String(Int64(d))
            case .number(let d): text = String(d)
            default: text = nil
            }
            if let text, !text.isEmpty { traits[key] = .string(text) }
        }
        out["traits"] = .object(traits)
        return .object(out)
    }

    /// A segment change for an audience sync destination: like `segmentChange`, with the
    /// profile's synced traits.
    public static func audienceChange(
        _ type: AudienceSyncChange.Operation, segmentId: String, profile: Profile, workspaceId: String, at: Date
    ) -> String {
        let name: String
        switch type {
        case .add: name = "segment.entered"
        case .remove: name = "segment.exited"
        case .update: name = "profile.updated"
        }
        return JSONValue.object([
            "type": .string(name),
            "timestamp": .string(Timestamp.format(at)),
            "workspace": .string(workspaceId),
            "segment": .object(["id": .string(segmentId)]),
            "profile": audiencePerson(profile),
        ]).serialized()
    }
}
