import Foundation

/// One entry of a subject's consent history: a category set to granted or denied, by whom,
/// when and under which policy version. The history is append-only; the value in force at
/// an instant is the newest entry at or before it.
///
/// `category` is a name from the sender's consent manager (`marketing`, `analytics`, …) or
/// `ConsentRecord.everyCategory` (`*`): Segment's rule that an *empty* `categoryPreferences`
/// object sets every category to false is stored as one `*` entry, so it also covers
/// categories that were never named before.
public struct ConsentRecord: Sendable, Equatable, Codable {
    /// The identifier the entry was recorded for (`user_id` or `anonymous_id` of the event).
    public var identifier: Identifier
    public var category: String
    public var granted: Bool
    /// Where it came from: `event:<type>` for a message's `context.consent`, or
    /// `event:Segment Consent Preference Updated` for Segment's consent event.
    public var source: String
    /// The event time (not the arrival time): consent is judged as of each event's own time.
    public var at: Date
    /// `context.consent.policyVersion` when the sender gave one.
    public var policyVersion: String?
    /// The message that carried it.
    public var messageId: String

    public static let everyCategory = "*"

    public init(
        identifier: Identifier, category: String, granted: Bool, source: String, at: Date, policyVersion: String?,
        messageId: String
    ) {
        self.identifier = identifier
        self.category = category
        self.granted = granted
        self.source = source
        self.at = at
        self.policyVersion = policyVersion
        self.messageId = messageId
    }
}
