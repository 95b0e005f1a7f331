import Foundation

/// Where a visit came from: the marketing source of a page, screen or track event, as
/// attribution and the dashboard's channel of an order read it.
///
/// Read per the Segment spec (https://segment.com/docs/connections/spec/common/#context):
/// `context.campaign` (utm `source`, `medium`, `name`), `context.page.referrer` (or a
/// `referrer` property, as server-side senders put it), and an explicit `channel` property a
/// sender can set. Grouping these into a channel (Paid Search, Email, …) is attribution's job.
public struct Touch: Sendable, Equatable {
    public var utmSource: String?
    public var utmMedium: String?
    public var utmCampaign: String?
    /// The full referrer URL, if any.
    public var referrer: String?
    /// The channel the sender named, if any.
    public var channel: String?

    public init(
        utmSource: String? = nil, utmMedium: String? = nil, utmCampaign: String? = nil, referrer: String? = nil,
        channel: String? = nil
    ) {
        self.utmSource = utmSource
        self.utmMedium = utmMedium
        self.utmCampaign = utmCampaign
        self.referrer = referrer
        self.channel = channel
    }

    /// The touch of a `page`, `screen` or `track` event (its fields nil where the event does
    /// not say); nil for other calls (identify, group, alias), which are not visits.
    public init?(_ event: Event) {
        guard event.type == .page || event.type == .screen || event.type == .track else { return nil }
        let campaign = event.context?["campaign"]
        self.init(
            utmSource: campaign?["source"]?.stringValue, utmMedium: campaign?["medium"]?.stringValue,
            utmCampaign: campaign?["name"]?.stringValue,
            referrer: event.context?["page"]?["referrer"]?.stringValue ?? event.properties?["referrer"]?.stringValue,
            channel: event.properties?[CommerceEvent.Key.channel]?.stringValue)
    }
}
