import Foundation

/// An executive report mailed on a schedule: to one dashboard user, about one workspace, on a
/// cron schedule read in the user's IANA time zone, through one of the workspace's email
/// destinations (its SMTP server and sender).
///
/// `nextRunAt` is the next scheduled time (nil while paused); a runner that claims a run moves
/// it on with a compare-and-set, so two servers never send the same run.
public struct ReportSchedule: Sendable, Equatable {
    public var workspaceId: String
    public var id: String
    /// The dashboard user the report goes to (their email address, read at send time).
    public var userId: String
    public var name: String
    /// The five-field cron expression (`CronSchedule`); presets are stored as theirs.
    public var cron: String
    /// The IANA time zone the expression is read in (`Europe/Berlin`).
    public var timeZone: String
    /// The email destination whose SMTP server and sender address send the report.
    public var destinationId: String
    public var active: Bool
    public var nextRunAt: Date?
    public var createdAt: Date

    public init(
        workspaceId: String, id: String, userId: String, name: String, cron: String, timeZone: String,
        destinationId: String, active: Bool = true, nextRunAt: Date?, createdAt: Date
    ) {
        self.workspaceId = workspaceId
        self.id = id
        self.userId = userId
        self.name = name
        self.cron = cron
        self.timeZone = timeZone
        self.destinationId = destinationId
        self.active = active
        self.nextRunAt = nextRunAt
        self.createdAt = createdAt
    }
}
