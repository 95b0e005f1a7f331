import BeaconCore
import Foundation

/// Scheduled reports in SQL written once for both backends.
struct SQLReportScheduleStore: ReportScheduleStore {
    let driver: any SQLDriver

    private static let columns =
        "workspace_id, id, user_id, name, cron, time_zone, destination_id, active, next_run_at, created_at"
    private static let runColumns =
        "workspace_id, schedule_id, scheduled_at, run_trigger, owner, started_at, sent_at, status, error, message_id"

    func create(_ s: ReportSchedule) async throws {
        do {
            try await driver.execute(
                "INSERT INTO report_schedules (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    .text(s.workspaceId), .text(s.id), .text(s.userId), .text(s.name), .text(s.cron), .text(s.timeZone),
                    .text(s.destinationId), .integer(s.active ? 1 : 0), SQLValue(s.nextRunAt), SQLValue(s.createdAt),
                ])
        } catch SQLDriverError.uniqueViolation {
            throw StoreError(.conflict, "a report schedule with id '\(s.id)' already exists")
        }
    }

    func schedule(workspaceId: String, id: String) async throws -> ReportSchedule? {
        try await schedules("WHERE workspace_id = ? AND id = ?", [.text(workspaceId), .text(id)]).first
    }

    func schedules(workspaceId: String) async throws -> [ReportSchedule] {
        try await schedules("WHERE workspace_id = ? ORDER BY created_at, id", [.text(workspaceId)])
    }

    func update(workspaceId: String, id: String, active: Bool, nextRunAt: Date?) async throws -> Bool {
        try await !driver.query(
            "UPDATE report_schedules SET active = ?, next_run_at = ? WHERE workspace_id = ? AND id = ? RETURNING id",
            [.integer(active ? 1 : 0), SQLValue(nextRunAt), .text(workspaceId), .text(id)]
        ).isEmpty
    }

    func delete(workspaceId: String, id: String) async throws -> Bool {
        try await driver.execute(
            "DELETE FROM report_schedule_runs WHERE workspace_id = ? AND schedule_id = ?", [.text(workspaceId), .text(id)])
        return try await !driver.query(
            "DELETE FROM report_schedules WHERE workspace_id = ? AND id = ? RETURNING id", [.text(workspaceId), .text(id)]
        ).isEmpty
    }

    func due(now: Date, limit: Int) async throws -> [ReportSchedule] {
        try await schedules(
            "WHERE active = 1 AND next_run_at IS NOT NULL AND next_run_at <= ? ORDER BY next_run_at, workspace_id, id LIMIT ?",
            [SQLValue(now), SQLValue(limit)])
    }

    func claim(_ run: ReportScheduleRun, next: Date?) async throws -> Bool {
        let moved = try await !driver.query(
            """
            UPDATE report_schedules SET next_run_at = ?
            WHERE workspace_id = ? AND id = ? AND active = 1 AND next_run_at = ? RETURNING id
            """,
            [SQLValue(next), .text(run.workspaceId), .text(run.scheduleId), SQLValue(run.scheduledAt)]
        ).isEmpty
        guard moved else { return false }
        return try await record(run)
    }

    func record(_ run: ReportScheduleRun) async throws -> Bool {
        try await !driver.query(
            """
            INSERT INTO report_schedule_runs (\(Self.runColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (workspace_id, schedule_id, scheduled_at) DO NOTHING RETURNING schedule_id
            """, Self.arguments(run)
        ).isEmpty
    }

    func finish(_ run: ReportScheduleRun) async throws {
        try await driver.execute(
            """
            UPDATE report_schedule_runs SET sent_at = ?, status = ?, error = ?, message_id = ?
            WHERE workspace_id = ? AND schedule_id = ? AND scheduled_at = ?
            """,
            [
                SQLValue(run.sentAt), .text(run.status.rawValue), SQLValue(run.error.map { String($0.prefix(2000)) }),
                SQLValue(run.messageId), .text(run.workspaceId), .text(run.scheduleId), SQLValue(run.scheduledAt),
            ])
    }

    func runs(workspaceId: String, scheduleId: String?, limit: Int) async throws -> [ReportScheduleRun] {
        let filter = scheduleId == nil ? "" : " AND schedule_id = ?"
        var arguments: [SQLValue] = [.text(workspaceId)]
        if let scheduleId { arguments.append(.text(scheduleId)) }
        arguments.append(SQLValue(limit))
        return try await driver.query(
            """
            SELECT \(Self.runColumns) FROM report_schedule_runs WHERE workspace_id = ?\(filter)
            ORDER BY started_at DESC, scheduled_at DESC, schedule_id LIMIT ?
            """, arguments
        ).map { row in
            ReportScheduleRun(
                workspaceId: try row.string("workspace_id"), scheduleId: try row.string("schedule_id"),
                scheduledAt: try row.date("scheduled_at"),
                trigger: ReportScheduleRun.Trigger(rawValue: try row.string("run_trigger")) ?? .schedule,
                owner: try row.string("owner"), startedAt: try row.date("started_at"), sentAt: try row.optionalDate("sent_at"),
                status: ReportScheduleRun.Status(rawValue: try row.string("status")) ?? .failed,
                error: try row.optionalString("error"), messageId: try row.optionalString("message_id"))
        }
    }

    private static func arguments(_ r: ReportScheduleRun) -> [SQLValue] {
        [
            .text(r.workspaceId), .text(r.scheduleId), SQLValue(r.scheduledAt), .text(r.trigger.rawValue), .text(r.owner),
            SQLValue(r.startedAt), SQLValue(r.sentAt), .text(r.status.rawValue), SQLValue(r.error), SQLValue(r.messageId),
        ]
    }

    private func schedules(_ clause: String, _ arguments: [SQLValue]) async throws -> [ReportSchedule] {
        try await driver.query("SELECT \(Self.columns) FROM report_schedules \(clause)", arguments).map { row in
            ReportSchedule(
                workspaceId: try row.string("workspace_id"), id: try row.string("id"), userId: try row.string("user_id"),
                name: try row.string("name"), cron: try row.string("cron"), timeZone: try row.string("time_zone"),
                destinationId: try row.string("destination_id"), active: try row.int64("active") != 0,
                nextRunAt: try row.optionalDate("next_run_at"), createdAt: try row.date("created_at"))
        }
    }
}
