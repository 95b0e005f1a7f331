import BeaconAnalytics
import BeaconCore
import Foundation

extension FeedbackReport {
    /// The report over a workspace's stored feedback events, as of `asOf` (default: everything).
    public static func load(
        from reader: EventLogReader, workspaceId: String, period: Period = .month, asOf: Date? = nil,
        analyzer: VADERSentimentAnalyzer = VADERSentimentAnalyzer()
    ) async throws -> FeedbackReport {
        let stored = try await reader.allEvents(in: workspaceId, to: asOf.map { $0.addingTimeInterval(0.001) })
        return FeedbackReport(events: stored.map(\.event), period: period, asOf: asOf, analyzer: analyzer)
    }
}
