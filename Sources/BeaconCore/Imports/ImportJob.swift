import Foundation

/// One run of `beacon import`: which file went into which workspace, how far it got and how
/// it ended, updated as it runs so the dashboard's data page can show progress.
public struct ImportJob: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case events, orders, spend }
    public enum State: String, Sendable, Codable { case running, finished, failed }

    public var workspaceId: String
    public var id: String
    public var kind: Kind
    /// The file's name as given (its last path component).
    public var fileName: String
    public var startedAt: Date
    public var rowsRead: Int
    public var rowsSkipped: Int
    public var eventsStored: Int
    /// Progress as reported by the importer: `progressDone` of `progressTotal` units
    /// (lines, rows or orders, depending on the phase); total 0 when not known yet.
    public var progressDone: Int
    public var progressTotal: Int
    public var state: State
    public var finishedAt: Date?
    /// Why a failed import stopped.
    public var error: String?

    public init(
        workspaceId: String, id: String, kind: Kind, fileName: String, startedAt: Date, rowsRead: Int = 0,
        rowsSkipped: Int = 0, eventsStored: Int = 0, progressDone: Int = 0, progressTotal: Int = 0,
        state: State = .running, finishedAt: Date? = nil, error: String? = nil
    ) {
        self.workspaceId = workspaceId
        self.id = id
        self.kind = kind
        self.fileName = fileName
        self.startedAt = startedAt
        self.rowsRead = rowsRead
        self.rowsSkipped = rowsSkipped
        self.eventsStored = eventsStored
        self.progressDone = progressDone
        self.progressTotal = progressTotal
        self.state = state
        self.finishedAt = finishedAt
        self.error = error
    }

    /// Done share in 0…1 (1 once finished; nil while the total is unknown).
    public var fraction: Double? {
        if state == .finished { return 1 }
        guard progressTotal > 0 else { return nil }
        return min(1, max(0, Double(progressDone) / Double(progressTotal)))
    }
}
