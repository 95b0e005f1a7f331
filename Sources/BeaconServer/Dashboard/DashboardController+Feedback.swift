import BeaconEngine
import Foundation
import Hummingbird

extension DashboardController {
    /// The feedback page, from the workspace's `Survey Responded` and `Review Submitted` events as
    /// of the page's date.
    func feedback(_ request: Request) async throws -> Response {
        let title = "Feedback", path = "/dashboard/feedback"
        return try await withSnapshot(request, title: title, path: path) { snapshot, all in
            let date = try await asOf(request, workspaceId: snapshot.workspace.id)
            let events = snapshot.events.map(\.event)
            let report = FeedbackReport(events: events, period: .month, asOf: date)
            let repurchase = FeedbackRepurchase(events: events, windowDays: 90, asOf: date)
            return try render(
                "feedback", title: title, path: path, workspace: snapshot.workspace, all: all, asOf: date,
                page: FeedbackPage(report: report, repurchase: repurchase, asOf: date))
        }
    }
}
