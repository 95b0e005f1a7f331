/// One permission an API token can carry: a resource and `read` or `write` (`profiles:read`).
///
/// `write` includes `read` of the same resource. The resource `personal` has only `read`: it is
/// the token's "personal data" permission (without it personal fields are masked).
public struct AccessScope: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What a scope reaches.
    public enum Resource: String, Sendable, Codable, CaseIterable {
        case events, profiles, segments, identity, destinations, activations, journeys, audit, privacy, personal
    }

    /// Reading, or changing (which includes reading).
    public enum Action: String, Sendable, Codable, CaseIterable {
        case read, write
    }

    public var resource: Resource
    public var action: Action

    public init(_ resource: Resource, _ action: Action) {
        self.resource = resource
        self.action = action
    }

    /// `resource:action`, as tokens are created with and listed.
    public var description: String { "\(resource.rawValue):\(action.rawValue)" }

    /// Parses `resource:read` or `resource:write`.
    /// - Throws: `AccessScopeError` naming the text when the resource or action is unknown.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let resource = Resource(rawValue: parts[0]), let action = Action(rawValue: parts[1]) else {
            throw AccessScopeError(
                text: text,
                message: "scope '\(text)' must be resource:read or resource:write with a resource among "
                    + Resource.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard !(resource == .personal && action == .write) else {
            throw AccessScopeError(text: text, message: "scope 'personal' has only 'personal:read'")
        }
        self.init(resource, action)
    }

    /// Whether holding this scope allows `needed`.
    public func allows(_ needed: AccessScope) -> Bool {
        resource == needed.resource && (action == .write || needed.action == .read)
    }
}

/// The scopes a token holds: a list, or every scope (`*`, what tokens made before scopes hold).
public struct AccessScopes: Sendable, Equatable, Codable, CustomStringConvertible {
    public var all: Bool
    public var scopes: [AccessScope]

    public init(all: Bool = false, _ scopes: [AccessScope] = []) {
        self.all = all
        self.scopes = scopes
    }

    /// Every scope.
    public static let everything = AccessScopes(all: true)

    /// Parses `*` or a comma- or space-separated list of scopes.
    /// - Throws: `AccessScopeError` for the first unknown scope, or an empty list.
    public init(parsing text: String) throws {
        let items = text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        guard !items.isEmpty else { throw AccessScopeError(text: text, message: "give at least one scope, or '*'") }
        if items == ["*"] {
            self = .everything
            return
        }
        self.init(try items.map(AccessScope.init(parsing:)))
    }

    public func allows(_ needed: AccessScope) -> Bool { all || scopes.contains { $0.allows(needed) } }

    /// Whether personal fields are shown unmasked to this token.
    public var personalData: Bool { allows(AccessScope(.personal, .read)) }

    /// `*` or the scopes joined by commas, as stored.
    public var description: String { all ? "*" : scopes.map(\.description).joined(separator: ",") }
}

/// A scope that cannot be parsed.
public struct AccessScopeError: Error, Sendable, CustomStringConvertible {
    public var text: String
    public var message: String
    public var description: String { message }
}
