import Foundation

/// One tracked event as attribution sees it: who, when, what, and where the visit came from.
///
/// The fields are the attribution-relevant part of a Segment-spec page or track call:
/// `context.campaign` (utm source, medium, campaign), `context.page.referrer`, an optional
/// explicit channel property, and `revenue` for conversions. The engine maps stored events to
/// this type and hands arrays of it to `AttributionJourneyBuilder`; nothing here reads a store.
public struct AttributionTouchEvent: Sendable, Hashable, Codable {
    /// The (resolved) user the event belongs to.
    public var userId: String
    /// Seconds since 1970-01-01T00:00:00Z.
    public var timestamp: Double
    /// Event name (`Order Completed`, `Signed Up`, or a page name).
    public var name: String
    public var utmSource: String?
    public var utmMedium: String?
    public var utmCampaign: String?
    /// The full referrer URL, if any.
    public var referrer: String?
    /// An explicit channel set by the sender; wins over the grouping rules when enabled.
    public var channel: String?
    /// Conversion value, for conversion events.
    public var revenue: Double?

    public init(
        userId: String, timestamp: Double, name: String, utmSource: String? = nil, utmMedium: String? = nil,
        utmCampaign: String? = nil, referrer: String? = nil, channel: String? = nil, revenue: Double? = nil
    ) {
        self.userId = userId
        self.timestamp = timestamp
        self.name = name
        self.utmSource = utmSource
        self.utmMedium = utmMedium
        self.utmCampaign = utmCampaign
        self.referrer = referrer
        self.channel = channel
        self.revenue = revenue
    }

    /// Whether the event says where the visit came from (campaign, referrer or channel).
    public var hasSourceInformation: Bool {
        [utmSource, utmMedium, utmCampaign, referrer, channel].contains { !($0 ?? "").isEmpty }
    }

    /// The host of `referrer` in lower case without a leading `www.`, or nil.
    public var referrerHost: String? {
        guard var rest = referrer?.lowercased(), !rest.isEmpty else { return nil }
        if let scheme = rest.range(of: "://") { rest = String(rest[scheme.upperBound...]) }
        var host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let colon = host.firstIndex(of: ":") { host = host[..<colon] }
        if host.hasPrefix("www.") { host = host.dropFirst(4) }
        return host.isEmpty ? nil : String(host)
    }
}
