import Foundation

/// A saved segment of one workspace: a name, its rule as given (JSON) and whether it is one
/// of the pre-built system segments.
public struct SegmentDefinition: Sendable, Equatable, Codable {
    public var workspaceId: String
    public var id: String
    public var name: String
    public var description: String
    /// The rule JSON as saved; parse with `SegmentRule.parse`.
    public var rule: JSONValue
    public var system: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(workspaceId: String, id: String, name: String, description: String = "", rule: JSONValue,
                system: Bool = false, createdAt: Date, updatedAt: Date) {
        self.workspaceId = workspaceId
        self.id = id
        self.name = name
        self.description = description
        self.rule = rule
        self.system = system
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The parsed rule. - Throws: `SegmentRuleError`.
    public func parsedRule() throws -> SegmentRule { try SegmentRule.parse(rule) }
}

/// A profile entering or leaving a segment: what journeys trigger on.
public struct MembershipChange: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case entered, exited }
    public var workspaceId: String
    public var segmentId: String
    public var profileId: String
    public var kind: Kind
    public var at: Date
    /// Position in the workspace's change log (assigned by the store; 0 before saving).
    public var sequence: Int64

    public init(workspaceId: String, segmentId: String, profileId: String, kind: Kind, at: Date, sequence: Int64 = 0) {
        self.workspaceId = workspaceId
        self.segmentId = segmentId
        self.profileId = profileId
        self.kind = kind
        self.at = at
        self.sequence = sequence
    }
}
