import BeaconCore
import BeaconEngine
import Foundation

/// How `beacon report schedule` prints schedules and runs: text columns, CSV or JSON.
enum ReportScheduleOutput {
    static func print(_ schedules: [ReportSchedule], format: OutputFormat) {
        let header = ["id", "name", "user", "schedule", "time_zone", "destination", "state", "next_run_at"]
        let rows = schedules.map {
            [
                $0.id, $0.name, $0.userId, $0.cron, $0.timeZone, $0.destinationId, $0.active ? "active" : "paused",
                $0.nextRunAt.map(Timestamp.format) ?? "",
            ]
        }
        write(header, rows, format: format)
    }

    static func print(_ runs: [ReportScheduleRun], format: OutputFormat) {
        let header = ["schedule", "scheduled_at", "trigger", "status", "sent_at", "error", "message_id"]
        let rows = runs.map {
            [
                $0.scheduleId, Timestamp.format($0.scheduledAt), $0.trigger.rawValue, $0.status.rawValue,
                $0.sentAt.map(Timestamp.format) ?? "", $0.error ?? "", $0.messageId ?? "",
            ]
        }
        write(header, rows, format: format)
    }

    private static func write(_ header: [String], _ rows: [[String]], format: OutputFormat) {
        switch format {
        case .text:
            Swift.print(([header] + rows).map { $0.joined(separator: "\t") }.joined(separator: "\n"))
        case .csv:
            Swift.print(([header] + rows).map { CSVRecord.line($0, protectingFormulas: true) }.joined(separator: "\n"))
        case .json:
            let objects = rows.map { row in
                JSONValue.object(Dictionary(uniqueKeysWithValues: zip(header, row.map(JSONValue.string))))
            }
            Swift.print(JSONValue.array(objects).serialized())
        }
    }
}
