import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

extension DashboardController {
    /// The date a page is computed as of: `?as_of=YYYY-MM-DD` (the whole day counts), by
    /// default the workspace's today (`WorkspaceToday`: its last event).
    /// - Throws: `ProblemDetails` 400 naming `as_of` when it is not a date.
    func asOf(_ request: Request, workspaceId: String) async throws -> Date {
        if let text = request.uri.queryParameters["as_of"].map(String.init), !text.isEmpty {
            guard let date = WorkspaceToday.endOfDay(parsing: text) else {
                throw ProblemDetails(
                    .badRequest, detail: "as_of must be a date YYYY-MM-DD, got '\(text)'", field: "as_of")
            }
            return date
        }
        return try await runtime.profiles.today(workspaceId: workspaceId)
    }
}
