import Foundation

/// A journey: a name, its versions and which one people enter now.
///
/// `history` is the stack of published versions, newest last: publishing pushes a version,
/// rolling back pops the newest and makes the one below it live again. People already inside
/// stay on the version they are on unless a publish or rollback mapped them elsewhere.
public struct Journey: Sendable, Equatable, Codable {
    /// Where a journey stands.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Never published: nobody enters.
        case draft
        /// People enter and move through it.
        case live
        /// Nobody enters and nobody moves until it is resumed.
        case paused
    }

    public var workspaceId: String
    public var id: String
    public var name: String
    public var status: Status
    /// The version people enter now (nil while a draft).
    public var liveVersion: Int?
    /// Published versions, oldest first; the last is live.
    public var history: [Int]
    /// When it was paused (nil unless paused).
    public var pausedAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        workspaceId: String, id: String, name: String, status: Status = .draft, liveVersion: Int? = nil,
        history: [Int] = [], pausedAt: Date? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.workspaceId = workspaceId
        self.id = id
        self.name = name
        self.status = status
        self.liveVersion = liveVersion
        self.history = history
        self.pausedAt = pausedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// One version of a journey's definition; published versions never change.
public struct JourneyVersion: Sendable, Equatable, Codable {
    public var workspaceId: String
    public var journeyId: String
    public var version: Int
    public var definition: JourneyDefinition
    public var createdAt: Date
    /// When it was first published (nil for an unpublished draft).
    public var publishedAt: Date?

    public init(
        workspaceId: String, journeyId: String, version: Int, definition: JourneyDefinition, createdAt: Date,
        publishedAt: Date? = nil
    ) {
        self.workspaceId = workspaceId
        self.journeyId = journeyId
        self.version = version
        self.definition = definition
        self.createdAt = createdAt
        self.publishedAt = publishedAt
    }
}
