import BeaconAnalytics
import BeaconCore
import BeaconStore
import Foundation

/// Attribution on a workspace's stored events: the engine step between the event log and
/// `AttributionEngine`, shared by the CLI, the HTTP API and the dashboard.
///
/// Touchpoints are page, screen and track events; their source is `context.campaign`
/// (utm `source`, `medium`, `name`, per the Segment spec), `context.page.referrer`, or a
/// `channel` property. Conversions are track events named in the builder's
/// `conversionEvents`, valued by `properties.revenue` (or `total`).
///
/// Anonymous visits are stitched to the known user they later became: any event carrying
/// both `anonymousId` and `userId` (an `identify`, or a later page call) links the two, so
/// the first, anonymous ad click counts in the buyer's journey. (Full identity resolution
/// over emails and devices is the identity graph's job; this is its anonymous→known core.)
public enum LiveAttribution {
    /// Maps stored events to attribution touch events.
    public static func touchEvents(from events: [Event]) -> [AttributionTouchEvent] {
        var known: [String: String] = [:]
        for e in events {
            if let anonymous = e.anonymousId, let user = e.userId, known[anonymous] == nil { known[anonymous] = user }
            if e.type == .alias, let previous = e.previousId, let user = e.userId, known[previous] == nil { known[previous] = user }
        }
        return events.compactMap { e -> AttributionTouchEvent? in
            guard e.type == .page || e.type == .screen || e.type == .track else { return nil }
            guard let person = e.userId ?? e.anonymousId.map({ known[$0] ?? $0 }) else { return nil }
            let campaign = e.context?["campaign"]
            let name = e.type == .track ? (e.event ?? "") : (e.name ?? e.type.rawValue)
            let revenue = e.properties?["revenue"]?.doubleValue ?? e.properties?["total"]?.doubleValue
            return AttributionTouchEvent(
                userId: person, timestamp: e.timestamp.timeIntervalSince1970, name: name,
                utmSource: campaign?["source"]?.stringValue, utmMedium: campaign?["medium"]?.stringValue,
                utmCampaign: campaign?["name"]?.stringValue,
                referrer: e.context?["page"]?["referrer"]?.stringValue ?? e.properties?["referrer"]?.stringValue,
                channel: e.properties?["channel"]?.stringValue, revenue: revenue)
        }
    }

    /// Runs `models` on the journeys of a workspace's events in `[from, to)`.
    public static func report(
        store: any EventStore, workspaceId: String, from: Date?, to: Date?,
        builder: AttributionJourneyBuilder = AttributionJourneyBuilder(),
        models: [AttributionEngine.Model], settings: AttributionEngine.Settings = .init()
    ) async throws -> AttributionReport {
        let events = try await store.allEvents(in: workspaceId, from: from, to: to).map(\.event)
        return try AttributionEngine.run(events: touchEvents(from: events), builder: builder, models: models, settings: settings)
    }
}
