import Foundation

/// How a generic JSON webhook becomes one Segment-spec `track` event: for each event field,
/// the JSON pointer (RFC 6901) where the sender's payload keeps it, written by the user.
///
/// `messageId` is required (the sender's own id, so a retried delivery is stored once), as is
/// the event's name (`event` pointer, or a fixed `eventName`) and who it is about (`userId` or
/// `anonymousId`); `timestamp` (ISO-8601 text or Unix seconds) defaults to the time received,
/// `properties` (an object) to none. Every error names the field and its pointer.
public struct JSONEventMapping: Sendable, Equatable, Codable {
    public var messageId: JSONPointer
    public var event: JSONPointer?
    public var eventName: String?
    public var userId: JSONPointer?
    public var anonymousId: JSONPointer?
    public var timestamp: JSONPointer?
    public var properties: JSONPointer?

    /// A mapping or payload that cannot be used: the field (or the pointer it reads) and why.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var field: String
        public var reason: String
        public var description: String { "\(field): \(reason)" }
    }

    static let pointerFields = ["messageId", "event", "userId", "anonymousId", "timestamp", "properties"]

    /// Reads a mapping document such as `{"messageId": "/id", "event": "/type", "userId": "/customer/id"}`.
    /// - Throws: `Failure` naming an unknown field, a field that is not a string, a bad pointer,
    ///   or a missing required field.
    public init(json: JSONValue) throws {
        guard let members = json.objectValue else {
            throw Failure(field: "mapping", reason: "must be a JSON object of event field → JSON pointer")
        }
        var pointers: [String: JSONPointer] = [:]
        for (key, value) in members {
            guard Self.pointerFields.contains(key) || key == "eventName" else {
                throw Failure(
                    field: key, reason: "unknown field; use \((Self.pointerFields + ["eventName"]).joined(separator: ", "))")
            }
            guard let text = value.stringValue else { throw Failure(field: key, reason: "must be a string, got \(value.typeDescription)") }
            if key == "eventName" { continue }
            do {
                pointers[key] = try JSONPointer(text)
            } catch let e as JSONPointer.SyntaxError {
                throw Failure(field: key, reason: "'\(e.pointer)' is not a JSON pointer: \(e.reason)")
            }
        }
        guard let messageId = pointers["messageId"] else {
            throw Failure(field: "messageId", reason: "required: the pointer to the sender's own id for each delivery")
        }
        self.messageId = messageId
        event = pointers["event"]
        eventName = members["eventName"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        userId = pointers["userId"]
        anonymousId = pointers["anonymousId"]
        timestamp = pointers["timestamp"]
        properties = pointers["properties"]
        guard event != nil || eventName != nil else {
            throw Failure(field: "event", reason: "required: a pointer to the event's name, or a fixed eventName")
        }
        guard userId != nil || anonymousId != nil else {
            throw Failure(field: "userId", reason: "required: a pointer to userId or to anonymousId")
        }
    }

    /// The mapping as the document it was read from.
    public var json: JSONValue {
        var out: [String: JSONValue] = ["messageId": .string(messageId.text)]
        out["event"] = event.map { .string($0.text) }
        out["eventName"] = eventName.map(JSONValue.string)
        out["userId"] = userId.map { .string($0.text) }
        out["anonymousId"] = anonymousId.map { .string($0.text) }
        out["timestamp"] = timestamp.map { .string($0.text) }
        out["properties"] = properties.map { .string($0.text) }
        return .object(out)
    }

    /// The event a delivery's `payload` maps to.
    /// - Throws: `Failure` naming the pointer that is missing or holds the wrong type.
    public func event(from payload: JSONValue, receivedAt: Date) throws -> Event {
        func text(_ pointer: JSONPointer?, _ field: String, required: Bool) throws -> String? {
            guard let pointer else { return nil }
            guard let value = pointer.resolve(in: payload), value != .null else {
                if required { throw Failure(field: pointer.text, reason: "\(field) is missing from the payload") }
                return nil
            }
            switch value {
            case .string(let s) where !s.isEmpty: return s
            case .number(let d) where d == d.rounded() && abs(d) < 9.2e18: return String(Int64(d))
            default: throw Failure(field: pointer.text, reason: "\(field) must be a non-empty string or an integer, got \(value.typeDescription)")
            }
        }
        let id = try text(messageId, "messageId", required: true)!
        let name = try text(event, "event", required: eventName == nil) ?? eventName!
        let user = try text(userId, "userId", required: anonymousId == nil)
        let anonymous = try text(anonymousId, "anonymousId", required: user == nil)
        guard user != nil || anonymous != nil else {
            throw Failure(field: (userId ?? anonymousId)!.text, reason: "userId or anonymousId is missing from the payload")
        }
        var time = receivedAt
        if let timestamp, let value = timestamp.resolve(in: payload), value != .null {
            switch value {
            case .string(let s):
                guard let date = Timestamp.parse(s) else {
                    throw Failure(field: timestamp.text, reason: "timestamp '\(s)' is not an ISO-8601 time")
                }
                time = date
            case .number(let seconds) where seconds.isFinite:
                time = Date(timeIntervalSince1970: seconds)
            default:
                throw Failure(field: timestamp.text, reason: "timestamp must be ISO-8601 text or Unix seconds, got \(value.typeDescription)")
            }
        }
        var props: JSONValue?
        if let properties, let value = properties.resolve(in: payload), value != .null {
            guard case .object = value else {
                throw Failure(field: properties.text, reason: "properties must be an object, got \(value.typeDescription)")
            }
            props = value
        }
        return Event(
            messageId: id, type: .track, userId: user, anonymousId: anonymous, event: name, timestamp: Timestamp.truncated(time),
            originalTimestamp: Timestamp.truncated(time), receivedAt: receivedAt, properties: props,
            context: .object(["library": .object(["name": .string("beacon-json-webhook")])]))
    }
}
