import Foundation

/// Turns one Segment-spec message (a JSON object) into a validated `Event`.
///
/// The rules are those of the Segment HTTP Tracking API:
/// - every call needs `userId` or `anonymousId` (a string; numbers are accepted and kept
///   as their decimal text, as Segment does);
/// - `track` needs `event`, `alias` needs `previousId` and `userId`, `group` needs `groupId`;
/// - `timestamp`, `sentAt` and `originalTimestamp` must be ISO-8601 strings;
/// - `properties`, `traits`, `context` and `integrations` must be objects.
///
/// Clock skew: when the client sends both `timestamp` and `sentAt`, the device clock may be
/// wrong, but the *difference* between them is right, so the corrected time is
/// `receivedAt − (sentAt − timestamp)` (Segment, "Timestamps, Time Zones & Clock Skew").
/// Without `sentAt` the client's `timestamp` is kept; without `timestamp` the event time is
/// `receivedAt`. A message without `messageId` gets a random one (it then cannot be
/// deduplicated, which is why every SDK sends one).
public enum SegmentMessage {
    /// The largest accepted message, in bytes of JSON (Segment's limit).
    public static let maxEventBytes = 32 * 1024
    /// The largest accepted batch body, in bytes of JSON (Segment's limit).
    public static let maxBatchBytes = 500 * 1024

    /// Parses and validates one message.
    /// - Parameters:
    ///   - message: the JSON object.
    ///   - type: the call type when the endpoint implies it (`/v1/track`); nil for batch
    ///     items, which must carry `type`.
    ///   - receivedAt: when Beacon received the request.
    ///   - defaults: batch-level `context`, `integrations` and `sentAt` that items inherit.
    ///   - correctSkew: apply the clock-skew correction (true for live traffic, false when
    ///     re-reading stored events and for historical imports).
    /// - Throws: `EventValidationError` naming the field.
    public static func parse(
        _ message: JSONValue, type: EventType? = nil, receivedAt: Date,
        defaults: [String: JSONValue] = [:], correctSkew: Bool = true
    ) throws -> Event {
        let receivedAt = Timestamp.truncated(receivedAt)
        guard var o = message.objectValue else {
            throw EventValidationError(field: "(event)", reason: "must be a JSON object, got \(message.typeDescription)")
        }
        for (key, value) in defaults where o[key] == nil { o[key] = value }
        if case .object(let inherited) = defaults["context"], case .object(let own) = o["context"] {
            o["context"] = .object(own.merging(inherited) { mine, _ in mine })
        }

        let resolvedType: EventType
        if let type {
            resolvedType = type
        } else {
            guard let raw = o["type"] else { throw EventValidationError(field: "type", reason: "is required") }
            guard let s = raw.stringValue, let t = EventType(rawValue: s) else {
                throw EventValidationError(field: "type", reason: "must be one of identify, track, page, screen, group, alias")
            }
            resolvedType = t
        }

        let userId = try identifier(o, "userId")
        let anonymousId = try identifier(o, "anonymousId")
        guard userId != nil || anonymousId != nil else {
            throw EventValidationError(field: "userId", reason: "userId or anonymousId is required")
        }
        let messageId = try identifier(o, "messageId") ?? UUID().uuidString.lowercased()
        guard messageId.utf8.count <= 255 else {
            throw EventValidationError(field: "messageId", reason: "is longer than 255 bytes")
        }

        var event = Event(messageId: messageId, type: resolvedType, userId: userId, anonymousId: anonymousId,
                          timestamp: receivedAt, receivedAt: receivedAt)
        event.properties = try object(o, "properties")
        event.traits = try object(o, "traits")
        event.context = try object(o, "context")
        event.integrations = try object(o, "integrations")
        event.name = try text(o, "name")
        event.event = try text(o, "event")
        event.groupId = try identifier(o, "groupId")
        event.previousId = try identifier(o, "previousId")

        switch resolvedType {
        case .track:
            guard let name = event.event, !name.isEmpty else {
                throw EventValidationError(field: "event", reason: "is required for track")
            }
        case .alias:
            guard event.previousId != nil else {
                throw EventValidationError(field: "previousId", reason: "is required for alias")
            }
        case .group:
            guard event.groupId != nil else {
                throw EventValidationError(field: "groupId", reason: "is required for group")
            }
        case .identify, .page, .screen:
            break
        }

        let timestamp = try date(o, "timestamp")
        let original = try date(o, "originalTimestamp")
        event.sentAt = try date(o, "sentAt")
        event.originalTimestamp = original ?? timestamp
        if let clientTime = timestamp ?? original {
            if correctSkew, let sentAt = event.sentAt {
                event.timestamp = Timestamp.truncated(receivedAt.addingTimeInterval(-sentAt.timeIntervalSince(clientTime)))
            } else {
                event.timestamp = clientTime
            }
        }
        return event
    }

    private static func identifier(_ o: [String: JSONValue], _ field: String) throws -> String? {
        switch o[field] {
        case nil, .null?: return nil
        case .string(let s)?: return s.isEmpty ? nil : s
        case .number(let d)?: return JSONValue.format(d)
        case let other?:
            throw EventValidationError(field: field, reason: "must be a string, got \(other.typeDescription)")
        }
    }

    private static func text(_ o: [String: JSONValue], _ field: String) throws -> String? {
        switch o[field] {
        case nil, .null?: return nil
        case .string(let s)?: return s
        case let other?:
            throw EventValidationError(field: field, reason: "must be a string, got \(other.typeDescription)")
        }
    }

    private static func object(_ o: [String: JSONValue], _ field: String) throws -> JSONValue? {
        switch o[field] {
        case nil, .null?: return nil
        case .object(let members)?: return .object(members)
        case let other?:
            throw EventValidationError(field: field, reason: "must be an object, got \(other.typeDescription)")
        }
    }

    private static func date(_ o: [String: JSONValue], _ field: String) throws -> Date? {
        switch o[field] {
        case nil, .null?: return nil
        case .string(let s)?:
            guard let d = Timestamp.parse(s) else {
                throw EventValidationError(field: field, reason: "'\(s.prefix(64))' is not an ISO-8601 date")
            }
            return Timestamp.truncated(d)
        case let other?:
            throw EventValidationError(field: field, reason: "must be an ISO-8601 string, got \(other.typeDescription)")
        }
    }
}
