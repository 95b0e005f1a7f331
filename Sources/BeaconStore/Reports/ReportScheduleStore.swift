import BeaconCore
import Foundation

/// Persistence of scheduled email reports and their runs.
///
/// Claiming is a compare-and-set on the schedule's `next_run_at`: of two servers that read the
/// same due schedule, one moves it on and records the run, the other changes nothing.
public protocol ReportScheduleStore: Sendable {
    func create(_ schedule: ReportSchedule) async throws
    func schedule(workspaceId: String, id: String) async throws -> ReportSchedule?
    /// The workspace's schedules, oldest first.
    func schedules(workspaceId: String) async throws -> [ReportSchedule]
    /// Pauses (`nextRunAt` nil) or resumes a schedule. Returns false when there is none.
    func update(workspaceId: String, id: String, active: Bool, nextRunAt: Date?) async throws -> Bool
    /// Deletes a schedule and its runs. Returns false when there was none.
    func delete(workspaceId: String, id: String) async throws -> Bool
    /// Active schedules of every workspace due at `now`, earliest first.
    func due(now: Date, limit: Int) async throws -> [ReportSchedule]
    /// Claims the run of `schedule` due at `run.scheduledAt`: moves `next_run_at` from that time
    /// to `next` and records `run`, or returns false when another runner moved it first.
    func claim(_ run: ReportScheduleRun, next: Date?) async throws -> Bool
    /// Records a run outside the schedule (send now). Returns false when one with the same
    /// schedule and time exists.
    func record(_ run: ReportScheduleRun) async throws -> Bool
    /// Settles a claimed run: sent or failed, with its time, error and message id.
    func finish(_ run: ReportScheduleRun) async throws
    /// The runs of a schedule (all of the workspace's with nil), most recently started first.
    func runs(workspaceId: String, scheduleId: String?, limit: Int) async throws -> [ReportScheduleRun]
}
