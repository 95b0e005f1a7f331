import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

extension DashboardController {
    /// The feedback page, from the workspace's `Survey Responded` and `Review Submitted` events as
    /// of the page's date, with its orders for the repurchase rates (the log is read a page at a
    /// time and only those events are kept).
    func feedback(_ request: Request) async throws -> Response {
        let title = "Feedback", path = "/dashboard/feedback"
        return try await withSnapshot(request, title: title, path: path) { snapshot, all in
            let date = try await asOf(request, workspaceId: snapshot.workspace.id)
            let page = try await feedbackPage(snapshot, asOf: date)
            if let table = try DashboardTableDownload.requestedTable(request) {
                return try DashboardTableDownload.response(
                    table, among: page.tables, page: "feedback", workspace: snapshot.workspace, day: date)
            }
            return try render(
                "feedback", title: title, path: path, workspace: snapshot.workspace, all: all, asOf: date, page: page,
                download: DashboardTableDownload.link(request))
        }
    }

    /// The feedback page of `snapshot` as of `date`; the page and `beacon export tables` both build it here.
    func feedbackPage(_ snapshot: WorkspaceSnapshot, asOf date: Date) async throws -> FeedbackPage {
        let kept: Set = [FeedbackEvent.surveyResponded, FeedbackEvent.reviewSubmitted, CommerceEvent.orderCompleted]
        let events = try await runtime.eventLog.events(
            in: snapshot.workspace.id, to: date.addingTimeInterval(0.001)
        ) { $0.type == .track && kept.contains($0.event ?? "") }
        let report = FeedbackReport(events: events, period: .month, asOf: date)
        let repurchase = FeedbackRepurchase(events: events, windowDays: 90, asOf: date)
        return FeedbackPage(report: report, repurchase: repurchase, asOf: date)
    }
}
