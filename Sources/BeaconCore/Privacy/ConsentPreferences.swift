import Foundation

/// The consent preferences one message carries, read with Segment's semantics.
///
/// Segment's consent object lives at `context.consent.categoryPreferences` (a map of category
/// to boolean) on any message, and in the "Segment Consent Preference Updated" track event.
/// A message without the object changes nothing (`nil`); an empty object means every
/// category is now false (one `ConsentRecord.everyCategory` entry); otherwise each named
/// category takes its value. Non-boolean values are ignored rather than guessed.
public enum ConsentPreferences {
    /// The name of Segment's consent event.
    public static let updatedEventName = "Segment Consent Preference Updated"

    /// Category → granted from `event`, or nil when it carries no consent object.
    public static func categories(in event: Event) -> [String: Bool]? {
        guard let prefs = event.context?["consent"]?["categoryPreferences"] else { return nil }
        guard let object = prefs.objectValue else { return nil }
        if object.isEmpty { return [ConsentRecord.everyCategory: false] }
        var out: [String: Bool] = [:]
        for (category, value) in object {
            if case .bool(let b) = value { out[category] = b }
        }
        return out
    }

    /// The history entries `event` adds: one per category for each of the event's user id
    /// and anonymous id (so a later merge of either into a profile brings them along).
    public static func records(in event: Event) -> [ConsentRecord] {
        guard let categories = categories(in: event), !categories.isEmpty else { return [] }
        var identifiers: [Identifier] = []
        if let u = event.userId, !u.isEmpty { identifiers.append(Identifier(kind: Identifier.userId, value: u)) }
        if let a = event.anonymousId, !a.isEmpty {
            identifiers.append(Identifier(kind: Identifier.anonymousId, value: a))
        }
        let source = event.type == .track && event.event == updatedEventName
            ? "event:\(updatedEventName)" : "event:\(event.type.rawValue)"
        let policy = event.context?["consent"]?["policyVersion"]?.stringValue
        return identifiers.flatMap { id in
            categories.keys.sorted().map { c in
                ConsentRecord(
                    identifier: id, category: c, granted: categories[c]!, source: source, at: event.timestamp,
                    policyVersion: policy, messageId: event.messageId)
            }
        }
    }
}
