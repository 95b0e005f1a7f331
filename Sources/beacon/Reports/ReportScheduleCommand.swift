import ArgumentParser
import BeaconCore
import BeaconEngine
import BeaconServer
import Foundation

extension ReportCommand {
    /// `beacon report schedule …`: the executive report by email on a schedule.
    struct ScheduleCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schedule",
            abstract: "Schedule the executive report by email: create, list, pause, resume, delete, send now, history.",
            discussion: """
                A schedule mails the report (KPI table in the message, the PDF attached) to a dashboard user through \
                an email destination of the workspace. It runs daily, weekly (Mondays) or monthly (the 1st) at --time, \
                or on a five-field cron expression, in --time-zone (IANA). A local time a daylight-saving gap skips \
                runs at the gap's end; a repeated local time runs once, at its first occurrence. `beacon serve` sends \
                due reports; `beacon report schedule run` sends them without a server.
                """,
            subcommands: [Create.self, List.self, Pause.self, Resume.self, Delete.self, Send.self, Runs.self, Run.self])
    }
}

extension ReportCommand.ScheduleCommand {
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Schedule the report for a dashboard user.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Option(help: "The email of the dashboard user it goes to.") var user: String
        @Option(help: "A name for the schedule (the email's subject starts with it).") var name = "Executive report"
        @Option(help: "daily, weekly, monthly, or a five-field cron expression (quote it).") var schedule: String
        @Option(help: "HH:MM for daily, weekly and monthly (default 08:00).") var time: String?
        @Option(help: "The IANA time zone the schedule is read in.") var timeZone = "UTC"
        @Option(help: "The id of the email destination that sends it.") var destination: String
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text

        func validate() throws {
            try format.check([.text, .json])
            do {
                _ = try ReportCadence.cron(schedule, time: time)
                _ = try ReportCadence.timeZone(timeZone)
            } catch let error as ReportScheduleInputError {
                throw ValidationError("--\(Self.option(error.field)) \(error.message)")
            }
        }

        static func option(_ field: String) -> String { field == "timeZone" ? "time-zone" : field }

        func run() async throws {
            try await workspace.run { runtime, ws in
                let s = try await runtime.reportSchedules.create(
                    workspaceId: ws.id, userId: try await runtime.reportSchedules.userId(email: user), name: name,
                    schedule: schedule, time: time, timeZone: timeZone, destinationId: destination)
                ReportScheduleOutput.print([s], format: format)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The workspace's scheduled reports.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Option(help: "Output format: text, csv or json.") var format: OutputFormat = .text

        func run() async throws {
            try await workspace.run { runtime, ws in
                ReportScheduleOutput.print(try await runtime.reportSchedules.schedules(workspaceId: ws.id), format: format)
            }
        }
    }

    struct Pause: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop sending a scheduled report.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "The schedule's id.") var id: String

        func run() async throws {
            try await workspace.run { runtime, ws in
                let s = try await runtime.reportSchedules.setActive(workspaceId: ws.id, id: id, false)
                print("\(s.id)\tpaused")
            }
        }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send a paused report again, from its next time after now.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "The schedule's id.") var id: String

        func run() async throws {
            try await workspace.run { runtime, ws in
                let s = try await runtime.reportSchedules.setActive(workspaceId: ws.id, id: id, true)
                print("\(s.id)\tactive\tnext \(s.nextRunAt.map(Timestamp.format) ?? "never")")
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a scheduled report and its history.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "The schedule's id.") var id: String

        func run() async throws {
            try await workspace.run { runtime, ws in
                try await runtime.reportSchedules.delete(workspaceId: ws.id, id: id)
                print("deleted \(id)")
            }
        }
    }

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send a scheduled report now, outside its schedule.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "The schedule's id.") var id: String
        @Option(help: "Seconds to wait for the marketing-mix model to be fitted.") var modelWait: Double = 300

        func run() async throws {
            let run = try await workspace.run { runtime, ws in
                let runner = ReportScheduleRunner(
                    runtime: runtime, mmm: MMMFitCache(analytics: runtime.analytics), modelWait: modelWait)
                return try await runner.sendNow(workspaceId: ws.id, id: id)
            }
            guard run.status == .sent else { throw CommandError("not sent: \(run.error ?? "unknown error")") }
            print("sent \(id) (\(run.messageId ?? ""))")
        }
    }

    struct Runs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delivery history, newest first.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "A schedule's id (default: every schedule of the workspace).") var id: String?
        @Option(help: "How many runs.") var limit = 100
        @Option(help: "Output format: text, csv or json.") var format: OutputFormat = .text

        func run() async throws {
            try await workspace.run { runtime, ws in
                let runs = try await runtime.reportSchedules.runs(workspaceId: ws.id, scheduleId: id, limit: limit)
                ReportScheduleOutput.print(runs, format: format)
            }
        }
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send every report that is due (of every workspace), as a server does; for a cron job without a server.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Seconds to wait for each marketing-mix model to be fitted.") var modelWait: Double = 300

        func run() async throws {
            let runtime = try await store.openRuntime(logger: store.makeLogger())
            let runs: [ReportScheduleRun]
            do {
                let runner = ReportScheduleRunner(
                    runtime: runtime, mmm: MMMFitCache(analytics: runtime.analytics), modelWait: modelWait)
                runs = try await runner.runOnce()
                try await runtime.close()
            } catch {
                try? await runtime.close()
                throw error
            }
            ReportScheduleOutput.print(runs, format: .text)
            if runs.contains(where: { $0.status == .failed }) { throw ExitCode(1) }
        }
    }
}
