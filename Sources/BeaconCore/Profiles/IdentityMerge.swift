import Foundation

/// One entry of the merge log: which event made two profiles one (or tried to and was
/// refused by the `IdentityRules`), through which shared identifier.
///
/// This is the answer to "why are these one person?": follow a profile's merges back to the
/// events that caused them.
public struct IdentityMerge: Sendable, Equatable, Codable {
    /// Log position of the causing event.
    public var seq: Int64
    public var messageId: String
    /// The event type (`identify`, `alias`, `track`, …).
    public var eventType: String
    public var at: Date
    /// The surviving profile and the one folded into it (or that would have been).
    public var into: String
    public var from: String
    /// The identifier the two shared.
    public var identifier: Identifier
    /// True when merged; false when a rule refused it.
    public var merged: Bool
    /// Why it was refused (`"both profiles have a user_id"`), nil when merged.
    public var refusal: String?
    /// The identity rule that refused it (`limits.user_id`, `mergeOn`, `maxIdentifiers`).
    public var rule: String?

    public init(seq: Int64, messageId: String, eventType: String, at: Date, into: String, from: String,
                identifier: Identifier, merged: Bool, refusal: String? = nil, rule: String? = nil) {
        self.seq = seq
        self.messageId = messageId
        self.eventType = eventType
        self.at = at
        self.into = into
        self.from = from
        self.identifier = identifier
        self.merged = merged
        self.refusal = refusal
        self.rule = rule
    }
}
