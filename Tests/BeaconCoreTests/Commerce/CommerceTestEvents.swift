import BeaconCore
import Foundation

/// Hand-made events for the commerce readers' tests.
enum CommerceTestEvents {
    static let time = Timestamp.parse("2025-03-01T12:00:00Z")!

    static func track(
        _ name: String, user: String? = "u1", anonymous: String? = nil, properties: [String: JSONValue] = [:],
        context: [String: JSONValue]? = nil
    ) -> Event {
        Event(
            messageId: UUID().uuidString, type: .track, userId: user, anonymousId: anonymous, event: name,
            timestamp: time, receivedAt: time, properties: .object(properties), context: context.map(JSONValue.object))
    }
}
