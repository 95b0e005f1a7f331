import Foundation

/// One delivery of a scheduled report: the time it was due, when it was sent, and how it went.
///
/// A run is recorded when a runner claims it (`sending`) and settled once (`sent` or
/// `failed` with the error); `(schedule, scheduledAt)` is its key, so a run exists once.
public struct ReportScheduleRun: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case sending, sent, failed
    }

    /// Why the run happened.
    public enum Trigger: String, Sendable, CaseIterable {
        /// The schedule came due.
        case schedule
        /// Someone asked for it now ("send now").
        case manual
    }

    public var workspaceId: String
    public var scheduleId: String
    public var scheduledAt: Date
    public var trigger: Trigger
    /// The server (or command) that claimed the run.
    public var owner: String
    public var startedAt: Date
    public var sentAt: Date?
    public var status: Status
    public var error: String?
    /// The `Message-ID` of the email, without angle brackets.
    public var messageId: String?

    public init(
        workspaceId: String, scheduleId: String, scheduledAt: Date, trigger: Trigger, owner: String, startedAt: Date,
        sentAt: Date? = nil, status: Status = .sending, error: String? = nil, messageId: String? = nil
    ) {
        self.workspaceId = workspaceId
        self.scheduleId = scheduleId
        self.scheduledAt = scheduledAt
        self.trigger = trigger
        self.owner = owner
        self.startedAt = startedAt
        self.sentAt = sentAt
        self.status = status
        self.error = error
        self.messageId = messageId
    }
}
