import BeaconCore

/// A run a runner holds: the schedule and the run it recorded as `sending`, to be sent and then
/// settled with `ReportScheduleService.finish`.
public struct ReportScheduleClaim: Sendable, Equatable {
    public var schedule: ReportSchedule
    public var run: ReportScheduleRun
}
