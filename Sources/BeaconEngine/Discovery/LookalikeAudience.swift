import BeaconCore
import Foundation

/// A lookalike audience as saved: the segment that holds it, what it was grown from, and each
/// member with the features that made them similar.
public struct LookalikeAudience: Sendable {
    /// One member, most similar first.
    public struct Member: Sendable, Equatable, Codable {
        public var profileId: String
        public var rank: Int
        public var score: Double
        /// The three behavioural features that contributed most to the similarity.
        public var reasons: [String]
    }

    /// The saved segment (its rule lists the members by `profile_id`).
    public var segment: SegmentDefinition
    public var seedSegmentId: String
    public var sizePercent: Double
    public var asOf: Date
    /// Seed members with a purchase by the as-of date: the people the model learnt from.
    public var seedBuyers: Int
    /// Profiles in the workspace: what `sizePercent` is a share of.
    public var population: Int
    /// The features, in the order the model used them.
    public var features: [String]
    public var members: [Member]
}
