import Foundation

/// The rules identity resolution applies before merging two profiles, so that junk values
/// and shared devices do not collapse many people into one. Each workspace may store its own
/// (`IdentityRules+JSON.swift` is the stored and API form).
///
/// - `mergeKinds`: the identifier kinds that may join two profiles (nil: every kind;
///   `external` stands for every `external:<type>`). An identifier of another kind still
///   finds its own profile, but never pulls a second profile into it.
/// - `kindLimits`: at most this many identifiers of a kind per profile (`user_id: 1` — the
///   default — keeps two people on a shared device apart). An explicit `alias` call is an
///   instruction from the customer's own code and may exceed the `user_id` limit.
/// - `maxIdentifiersPerProfile`: no merge may produce a profile with more identifiers.
/// - blocked values: never identifiers (compared trimmed and lower-cased): the built-in
///   `defaultBlockedValues` (`null`, `undefined`, `test@test.com`, `0`, …) plus the
///   workspace's `extraBlockedValues`.
/// - `defaultCallingCode`: calling code for phone numbers sent without `+` (e.g. "44"); nil
///   keeps them out.
public struct IdentityRules: Sendable, Equatable, Codable {
    public var mergeKinds: Set<String>?
    public var kindLimits: [String: Int]
    public var maxIdentifiersPerProfile: Int
    public var extraBlockedValues: Set<String>
    public var defaultCallingCode: String?

    public init(maxUserIdsPerProfile: Int = 1, maxIdentifiersPerProfile: Int = 100, extraBlockedValues: Set<String> = [],
                defaultCallingCode: String? = nil, mergeKinds: Set<String>? = nil, kindLimits: [String: Int] = [:]) {
        self.mergeKinds = mergeKinds
        self.kindLimits = kindLimits
        self.kindLimits[Identifier.userId] = self.kindLimits[Identifier.userId] ?? maxUserIdsPerProfile
        self.maxIdentifiersPerProfile = maxIdentifiersPerProfile
        self.extraBlockedValues = Set(extraBlockedValues.map(Self.normalised))
        self.defaultCallingCode = defaultCallingCode
    }

    public static let defaultBlockedValues: Set<String> = [
        "", "null", "undefined", "nil", "none", "n/a", "na", "0", "-1", "unknown", "anonymous", "[object object]",
        "test", "test@test.com", "test@example.com", "noreply@example.com", "email@example.com", "guest",
    ]

    /// The `user_id` limit (unlimited when none is set).
    public var maxUserIdsPerProfile: Int { kindLimits[Identifier.userId] ?? Int.max }

    /// Whether a raw value may serve as an identifier.
    public func allows(_ value: String) -> Bool {
        let v = Self.normalised(value)
        return !Self.defaultBlockedValues.contains(v) && !extraBlockedValues.contains(v)
    }

    /// Whether two profiles may be merged through an identifier of this kind.
    public func mayMerge(_ kind: String) -> Bool {
        guard let mergeKinds else { return true }
        return mergeKinds.contains(kind) || (kind.hasPrefix("external:") && mergeKinds.contains("external"))
    }

    /// The most identifiers of this kind one profile may hold, nil when unlimited.
    public func limit(_ kind: String) -> Int? {
        kindLimits[kind] ?? (kind.hasPrefix("external:") ? kindLimits["external"] : nil)
    }

    /// `value` without leading and trailing white space (Unicode White_Space: the characters of
    /// `CharacterSet.whitespacesAndNewlines`), lower-cased. Written on the scalars rather than
    /// with Foundation's `trimmingCharacters`, which bridges through `NSString`: this runs for
    /// every identifier of every event folded into profiles.
    static func normalised(_ value: String) -> String {
        let scalars = value.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last]).lowercased()
    }
}
