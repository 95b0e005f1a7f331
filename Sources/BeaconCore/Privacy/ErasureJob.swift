import Foundation

/// One erasure of a data subject: requested, running, done or failed, with what it removed.
///
/// The job keeps no identifier of the person, only a keyed hash of the one that was asked
/// for (`subjectHash`), so the record of an erasure is not itself personal data.
public struct ErasureJob: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Codable {
        case running, done, failed
    }

    public var workspaceId: String
    /// `era_` and 20 hex digits.
    public var id: String
    public var subjectHash: String
    /// The suppression the erasure made, which keeps re-ingest blocked until lifted.
    public var suppressionId: String
    public var state: State
    public var requestedAt: Date
    public var finishedAt: Date?
    /// Rows removed per table, files rewritten and space reclaimed, once done.
    public var report: ErasureReport?
    public var error: String?

    public init(
        workspaceId: String, id: String, subjectHash: String, suppressionId: String, state: State, requestedAt: Date,
        finishedAt: Date? = nil, report: ErasureReport? = nil, error: String? = nil
    ) {
        self.workspaceId = workspaceId
        self.id = id
        self.subjectHash = subjectHash
        self.suppressionId = suppressionId
        self.state = state
        self.requestedAt = requestedAt
        self.finishedAt = finishedAt
        self.report = report
        self.error = error
    }
}

/// What an erasure removed.
public struct ErasureReport: Sendable, Equatable, Codable {
    /// Rows deleted per registered table (derived tables are rebuilt afterwards).
    public var rowsDeleted: [String: Int]
    /// Free-text cells that quoted an identifier and were blanked, per table.
    public var cellsScrubbed: [String: Int]
    /// Files under the data directory's `exports/` rewritten without the subject's lines.
    public var filesRewritten: [String]
    /// Identifiers of the subject now suppressed, by kind.
    public var identifiersSuppressed: [String: Int]
    /// Events the profile rebuild folded afterwards.
    public var eventsRefolded: Int

    public init(
        rowsDeleted: [String: Int] = [:], cellsScrubbed: [String: Int] = [:], filesRewritten: [String] = [],
        identifiersSuppressed: [String: Int] = [:], eventsRefolded: Int = 0
    ) {
        self.rowsDeleted = rowsDeleted
        self.cellsScrubbed = cellsScrubbed
        self.filesRewritten = filesRewritten
        self.identifiersSuppressed = identifiersSuppressed
        self.eventsRefolded = eventsRefolded
    }
}
