import BeaconAnalytics
import BeaconCore
import Foundation

extension FeedbackReport {
    /// The report over a workspace's stored feedback events, as of `asOf` (default: everything);
    /// the log is read a page at a time and only feedback events are kept.
    public static func load(
        from reader: EventLogReader, workspaceId: String, period: Period = .month, asOf: Date? = nil,
        analyzer: VADERSentimentAnalyzer = VADERSentimentAnalyzer()
    ) async throws -> FeedbackReport {
        let names: Set = [FeedbackEvent.surveyResponded, FeedbackEvent.reviewSubmitted]
        let events = try await reader.events(in: workspaceId, to: asOf.map { $0.addingTimeInterval(0.001) }) {
            $0.type == .track && names.contains($0.event ?? "")
        }
        return FeedbackReport(events: events, period: period, asOf: asOf, analyzer: analyzer)
    }
}
