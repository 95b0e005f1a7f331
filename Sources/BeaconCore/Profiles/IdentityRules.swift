/// The limits identity resolution applies before merging two profiles, so that junk values
/// and shared devices do not collapse many people into one.
///
/// - `maxUserIdsPerProfile`: implicit merges (an event carrying identifiers of two profiles)
///   never give a profile more `user_id`s than this. An explicit `alias` call is an
///   instruction from the customer's own code and may exceed it.
/// - `blockedValues`: values that are never identifiers (compared lower-cased):
///   `null`, `undefined`, `test@test.com`, `0`, …
/// - `maxIdentifiersPerProfile`: no merge may produce a profile with more identifiers.
public struct IdentityRules: Sendable, Equatable, Codable {
    public var maxUserIdsPerProfile: Int
    public var maxIdentifiersPerProfile: Int
    public var blockedValues: Set<String>
    /// Calling code for phone numbers sent without `+` (e.g. "44"); nil keeps them out.
    public var defaultCallingCode: String?

    public init(maxUserIdsPerProfile: Int = 1, maxIdentifiersPerProfile: Int = 100,
                blockedValues: Set<String> = IdentityRules.defaultBlockedValues, defaultCallingCode: String? = nil) {
        self.maxUserIdsPerProfile = maxUserIdsPerProfile
        self.maxIdentifiersPerProfile = maxIdentifiersPerProfile
        self.blockedValues = Set(blockedValues.map { $0.lowercased() })
        self.defaultCallingCode = defaultCallingCode
    }

    public static let defaultBlockedValues: Set<String> = [
        "", "null", "undefined", "nil", "none", "n/a", "na", "0", "-1", "unknown", "anonymous", "[object object]",
        "test", "test@test.com", "test@example.com", "noreply@example.com", "email@example.com", "guest",
    ]

    /// Whether a raw value may serve as an identifier.
    public func allows(_ value: String) -> Bool {
        !blockedValues.contains(value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
    }
}
