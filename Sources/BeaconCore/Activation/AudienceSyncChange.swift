import Foundation

/// One change to a person's place in an audience (a vendor's list) read from an outbox
/// message: add them, remove them, or update the fields synced for them.
///
/// Audience sync destinations receive the same messages as webhooks (`segment.entered`,
/// `segment.exited`) plus `profile.updated` for a member whose synced fields changed; each
/// carries the person's user id, email and external ids, and optionally their `traits`
/// (`first_name`, `last_name`, `phone`). The message id is kept, so a vendor call's partial
/// failure can be traced back to the messages that must be tried again.
public struct AudienceSyncChange: Sendable, Equatable {
    /// What the change does to the vendor's list.
    public enum Operation: String, Sendable, Codable {
        /// The person entered the segment: create or update them and add them to the list.
        case add
        /// The person left the segment: take them off the list (the contact stays).
        case remove
        /// A member's synced fields changed: update the contact only.
        case update
    }

    /// An identifier other than the anonymous id (`stripe_customer_id`, `user_id`, …).
    public struct ExternalId: Sendable, Equatable, Hashable {
        public var type: String
        public var id: String

        public init(type: String, id: String) {
            self.type = type
            self.id = id
        }
    }

    /// The outbox message's id: the idempotency key sent where the vendor takes one.
    public var messageId: String
    public var operation: Operation
    public var profileId: String
    /// The segment whose membership the change is about, when the message names one.
    public var segmentId: String?
    public var email: String?
    public var userId: String?
    public var externalIds: [ExternalId]
    public var firstName: String?
    public var lastName: String?
    public var phone: String?

    public init(
        messageId: String, operation: Operation, profileId: String, email: String?, userId: String? = nil,
        externalIds: [ExternalId] = [], firstName: String? = nil, lastName: String? = nil, phone: String? = nil
    ) {
        self.messageId = messageId
        self.operation = operation
        self.profileId = profileId
        segmentId = nil
        self.email = email
        self.userId = userId
        self.externalIds = externalIds
        self.firstName = firstName
        self.lastName = lastName
        self.phone = phone
    }

    /// The change a message carries, or nil when its payload is not a segment change or a
    /// profile update (a tracked event or a test message).
    public init?(message: OutboxMessage) {
        guard let payload = try? JSONValue.parse(Data(message.payload.utf8)),
            let type = payload["type"]?.stringValue, let profile = payload["profile"]
        else { return nil }
        switch type {
        case "segment.entered": operation = .add
        case "segment.exited": operation = .remove
        case "profile.updated": operation = .update
        default: return nil
        }
        messageId = message.id
        profileId = profile["id"]?.stringValue ?? message.orderKey
        segmentId = payload["segment"]?["id"]?.stringValue
        email = profile["email"]?.stringValue
        userId = profile["userId"]?.stringValue
        externalIds = (profile["externalIds"]?.arrayValue ?? []).compactMap { item in
            guard let type = item["type"]?.stringValue, let id = item["id"]?.stringValue else { return nil }
            return ExternalId(type: type, id: id)
        }
        let traits = profile["traits"]
        firstName = traits?["first_name"]?.stringValue
        lastName = traits?["last_name"]?.stringValue
        phone = traits?["phone"]?.stringValue
    }
}
