import Foundation

/// One accepted tracking call, normalised: the unit of Beacon's append-only event log.
///
/// Field names follow the Segment spec (https://segment.com/docs/connections/spec/common/).
/// `timestamp` is the corrected event time (see `SegmentMessage`), `originalTimestamp` what
/// the client sent, `receivedAt` when Beacon received it. `properties`, `traits`, `context`
/// and `integrations` are kept as JSON exactly as sent.
public struct Event: Sendable, Equatable {
    public var messageId: String
    public var type: EventType
    public var userId: String?
    public var anonymousId: String?
    /// The event name of a `track` call.
    public var event: String?
    /// The page or screen name of a `page`/`screen` call.
    public var name: String?
    public var groupId: String?
    public var previousId: String?
    public var timestamp: Date
    public var originalTimestamp: Date?
    public var sentAt: Date?
    public var receivedAt: Date
    public var properties: JSONValue?
    public var traits: JSONValue?
    public var context: JSONValue?
    public var integrations: JSONValue?

    public init(
        messageId: String, type: EventType, userId: String? = nil, anonymousId: String? = nil,
        event: String? = nil, name: String? = nil, groupId: String? = nil, previousId: String? = nil,
        timestamp: Date, originalTimestamp: Date? = nil, sentAt: Date? = nil, receivedAt: Date,
        properties: JSONValue? = nil, traits: JSONValue? = nil, context: JSONValue? = nil,
        integrations: JSONValue? = nil
    ) {
        self.messageId = messageId
        self.type = type
        self.userId = userId
        self.anonymousId = anonymousId
        self.event = event
        self.name = name
        self.groupId = groupId
        self.previousId = previousId
        self.timestamp = timestamp
        self.originalTimestamp = originalTimestamp
        self.sentAt = sentAt
        self.receivedAt = receivedAt
        self.properties = properties
        self.traits = traits
        self.context = context
        self.integrations = integrations
    }

    /// The whole event as one JSON object in Segment's shape, as the store keeps it.
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "messageId": .string(messageId),
            "type": .string(type.rawValue),
            "timestamp": .string(Timestamp.format(timestamp)),
            "receivedAt": .string(Timestamp.format(receivedAt)),
        ]
        o["userId"] = userId.map(JSONValue.string)
        o["anonymousId"] = anonymousId.map(JSONValue.string)
        o["event"] = event.map(JSONValue.string)
        o["name"] = name.map(JSONValue.string)
        o["groupId"] = groupId.map(JSONValue.string)
        o["previousId"] = previousId.map(JSONValue.string)
        o["originalTimestamp"] = originalTimestamp.map { .string(Timestamp.format($0)) }
        o["sentAt"] = sentAt.map { .string(Timestamp.format($0)) }
        o["properties"] = properties
        o["traits"] = traits
        o["context"] = context
        o["integrations"] = integrations
        return .object(o)
    }

    /// Rebuilds an event from the JSON object made by `json`.
    /// - Throws: `EventValidationError` when the object is not a valid event.
    public init(json: JSONValue) throws {
        let receivedAt = json["receivedAt"]?.stringValue.flatMap { Timestamp.parse($0) } ?? Date()
        self = try SegmentMessage.parse(json, receivedAt: receivedAt, correctSkew: false)
        // Stored events carry the corrected time in `timestamp`; the client's own time is
        // `originalTimestamp` only when the client sent one.
        originalTimestamp = json["originalTimestamp"]?.stringValue.flatMap { Timestamp.parse($0) }.map(Timestamp.truncated)
    }
}
