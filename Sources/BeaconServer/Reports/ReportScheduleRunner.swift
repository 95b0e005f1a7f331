import BeaconCore
import BeaconEngine
import Foundation

/// Sends scheduled executive reports: claims the due runs (each once across servers,
/// `ReportScheduleService.claimDue`), builds each workspace's report for the overview's period
/// (the 30 days to its last event), typesets the PDF, mails it through the schedule's email
/// destination to the schedule's user, and records how each run went.
///
/// A run that fails (no font, the destination gone, an SMTP refusal) is recorded as failed with
/// the error and is not retried; the schedule goes on to its next time.
public struct ReportScheduleRunner: Sendable {
    let runtime: BeaconRuntime
    let builder: ExecutiveReportBuilder
    /// Who claims runs (`host:pid`), recorded with each run.
    public let owner: String
    /// Seconds to wait for a marketing-mix fit that is still running.
    let modelWait: TimeInterval

    public init(runtime: BeaconRuntime, mmm: MMMFitCache, owner: String = ReportScheduleRunner.defaultOwner, modelWait: TimeInterval = 120) {
        self.init(
            runtime: runtime, builder: ExecutiveReportBuilder(runtime: runtime, mmm: mmm), owner: owner, modelWait: modelWait)
    }

    init(runtime: BeaconRuntime, builder: ExecutiveReportBuilder, owner: String, modelWait: TimeInterval) {
        self.runtime = runtime
        self.builder = builder
        self.owner = owner
        self.modelWait = modelWait
    }

    /// This process: `host:pid`.
    public static var defaultOwner: String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Sends every run due at `now` (default: the clock); returns the settled runs.
    @discardableResult
    public func runOnce(now: Date? = nil) async throws -> [ReportScheduleRun] {
        var settled: [ReportScheduleRun] = []
        for claim in try await runtime.reportSchedules.claimDue(owner: owner, now: now) {
            settled.append(try await send(claim))
        }
        return settled
    }

    /// Sends schedule `id` now, outside its schedule, and returns the settled run.
    public func sendNow(workspaceId: String, id: String) async throws -> ReportScheduleRun {
        try await send(try await runtime.reportSchedules.claimNow(workspaceId: workspaceId, id: id, owner: owner))
    }

    /// The email a schedule would send now, without sending it (the dashboard's preview).
    public func preview(_ schedule: ReportSchedule) async throws -> ReportEmail {
        try await compose(schedule, messageId: "preview-\(schedule.id)", date: Date())
    }

    /// Sends one claimed run and records the outcome.
    func send(_ claim: ReportScheduleClaim) async throws -> ReportScheduleRun {
        do {
            let (settings, password) = try await runtime.reportMailer.settings(of: claim.schedule)
            let domain = (try? EmailAddress(settings.from).domain) ?? "beacon.localhost"
            let messageId = "report-\(claim.schedule.id)-\(Timestamp.milliseconds(claim.run.scheduledAt))@\(domain)"
            let email = try await compose(claim.schedule, messageId: messageId, date: Date())
            try await runtime.reportMailer.send(email, settings: settings, password: password)
            return try await runtime.reportSchedules.finish(claim, messageId: messageId, error: nil)
        } catch {
            let text =
                switch error {
                case let e as FieldRefusal: e.description
                default: "\(error)"
                }
            return try await runtime.reportSchedules.finish(claim, messageId: nil, error: text)
        }
    }

    /// The schedule's email with the report for the overview's period.
    func compose(_ schedule: ReportSchedule, messageId: String, date: Date) async throws -> ReportEmail {
        let workspace = try await runtime.reportSchedules.workspace(of: schedule)
        let user = try await runtime.reportSchedules.recipient(of: schedule)
        let (settings, _) = try await runtime.reportMailer.settings(of: schedule)
        let font: TrueTypeFont
        do {
            font = try ReportFont.load()
        } catch {
            throw ReportScheduleError(field: ReportFont.environmentVariable, "\(error)")
        }
        let period = try ReportPeriod(from: nil, to: nil, today: try await builder.today(of: workspace))
        let report = try await builder.report(workspace: workspace, period: period, waitForModel: modelWait)
        let pdf = await ComputeExecutor.shared.run { report.pdf(font: font) }
        return report.email(
            from: try EmailAddress(settings.from, name: settings.fromName),
            to: try EmailAddress(user.email, name: user.name), scheduleName: schedule.name, pdf: pdf,
            messageId: messageId, date: date)
    }
}
