import BeaconAnalytics

/// When a channel performs best — its effectiveness by day of the week and month of the year
/// relative to its average, with intervals (`MMMChannelSeasonality`) — as plain numbers and
/// sentences for the channel page.
public struct MarketingMixSeasonality: Sendable, Equatable {
    /// One day or month: label, multiplier and its interval (1 = the channel's average).
    public struct Effect: Sendable, Equatable {
        public var label: String
        public var multiplier: Double
        public var lower: Double
        public var upper: Double
    }

    public var name: String
    /// Monday first; empty for weekly data.
    public var weekdays: [Effect]
    /// January first; empty when the data covers less than a year.
    public var months: [Effect]
    /// "meta_ads performs best Thu–Sat (Fri ×1.3 its average).", one per analysis.
    public var sentences: [String]
    /// The intervals' coverage.
    public var level: Double
}

extension MMMFitCache.MMMResult {
    /// The seasonality of channel `name`, nil when the fit did not estimate it.
    public func seasonality(of name: String) -> MarketingMixSeasonality? {
        guard let s = fit.seasonality?.first(where: { $0.name == name }) else { return nil }
        func effects(_ e: [MMMChannelSeasonality.Effect]?) -> [MarketingMixSeasonality.Effect] {
            (e ?? []).map {
                .init(
                    label: $0.label, multiplier: $0.multiplier.estimate, lower: $0.multiplier.lower,
                    upper: $0.multiplier.upper)
            }
        }
        return MarketingMixSeasonality(
            name: s.name, weekdays: effects(s.weekdays), months: effects(s.months), sentences: s.sentences,
            level: fit.specification.intervalLevel)
    }
}
