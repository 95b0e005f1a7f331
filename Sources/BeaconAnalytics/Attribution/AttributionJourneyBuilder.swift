/// Turns a stream of tracked events into attribution journeys: per-user sessions become
/// touches, conversion events close journeys, and touches older than the lookback window drop
/// out.
///
/// Rules, per user, events in time order (ties keep input order):
/// - **Sessions.** A session starts at the user's first event, after `sessionTimeout` seconds
///   without events, or when an event carries campaign information (utm source or medium)
///   that differs from the session's, as web analytics tools do. The session's channel is the
///   grouping of its first event, so a visit that arrives without campaign or referrer is
///   Direct. With `sessionTimeout` nil there is no sessionisation: every event that carries
///   source information is a touch of its own.
/// - **Conversions.** An event named in `conversionEvents` ends a journey with one conversion
///   worth its `revenue` (0 when absent). The journey's touches are the sessions since the
///   previous conversion that started within `lookbackWindow` seconds before it; the session
///   of the conversion itself is always included, so a journey is never empty.
/// - **Non-converting journeys.** Sessions after a user's last conversion form one journey
///   with one null (lookback measured from the user's last event) when `includeNonConverting`.
/// - **Ages and leads.** Each touch's age is (journey end − session start) / `ageUnit`
///   (days by default), for time-decay; the first session of the journey in which an event of
///   `leadEvents` occurred is its lead touch, for W-shaped.
public struct AttributionJourneyBuilder: Sendable {
    public var conversionEvents: Set<String>
    public var leadEvents: Set<String>
    /// Seconds before a conversion in which touches count.
    public var lookbackWindow: Double
    /// Seconds of inactivity that end a session; nil for one touch per sourced event.
    public var sessionTimeout: Double?
    public var grouping: AttributionChannelGrouping
    /// Seconds per unit of touch age (86,400: ages and time-decay half-lives in days).
    public var ageUnit: Double
    public var includeNonConverting: Bool

    public init(
        conversionEvents: Set<String> = ["Order Completed"], leadEvents: Set<String> = ["Signed Up", "Lead Created"],
        lookbackWindow: Double = 30 * 86_400, sessionTimeout: Double? = 30 * 60,
        grouping: AttributionChannelGrouping = .standard, ageUnit: Double = 86_400, includeNonConverting: Bool = true
    ) {
        self.conversionEvents = conversionEvents
        self.leadEvents = leadEvents
        self.lookbackWindow = lookbackWindow
        self.sessionTimeout = sessionTimeout
        self.grouping = grouping
        self.ageUnit = ageUnit
        self.includeNonConverting = includeNonConverting
    }

    private struct Touch {
        var channel: Int
        var start: Double
        var hasLead: Bool
        /// Already part of a converting journey (the session a conversion happened in).
        var carried = false
    }

    /// The journeys of every user in `events` (any order), users in order of first appearance.
    public func journeys(from events: [AttributionTouchEvent]) -> AttributionDataset {
        // One sort by (user in order of first appearance, time, input position) instead of
        // per-user arrays: a single pass over the events and no copies of them.
        var ordinal: [String: Int] = [:]
        var order: [(user: Int, time: Double, index: Int)] = []
        order.reserveCapacity(events.count)
        for (i, event) in events.enumerated() {
            let next = ordinal.count
            let user = ordinal[event.userId, default: next]
            if user == next { ordinal[event.userId] = next }
            order.append((user, event.timestamp, i))
        }
        order.sort { ($0.user, $0.time, $0.index) < ($1.user, $1.time, $1.index) }
        var interner = ChannelLookup()
        var journeys: [AttributionJourney] = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, order[end].user == order[start].user { end += 1 }
            buildUser(events, order[start..<end].lazy.map(\.index), interner: &interner, into: &journeys)
            start = end
        }
        return AttributionDataset(channels: interner.channels.names, journeys: journeys)
    }

    private func buildUser(
        _ all: [AttributionTouchEvent], _ indices: some Collection<Int>, interner: inout ChannelLookup,
        into journeys: inout [AttributionJourney]
    ) {
        var pending: [Touch] = []
        var currentIsPending = false
        var lastTime = -Double.infinity
        var sessionCampaign: (String?, String?) = (nil, nil)
        var lastEventTime = -Double.infinity
        for index in indices {
            let event = all[index]
            let campaign = (event.utmSource?.lowercased(), event.utmMedium?.lowercased())
            let hasCampaign = campaign.0 != nil || campaign.1 != nil
            let startsTouch: Bool
            if let timeout = sessionTimeout {
                startsTouch =
                    event.timestamp - lastTime > timeout || (hasCampaign && campaign != sessionCampaign)
                    || !currentIsPending
            } else {
                startsTouch = event.hasSourceInformation || !currentIsPending
            }
            // Without sessions an unsourced event only needs a touch when it converts.
            let needsTouch =
                sessionTimeout != nil || event.hasSourceInformation || conversionEvents.contains(event.name)
            if startsTouch && needsTouch {
                pending.append(
                    Touch(
                        channel: interner.index(for: event, grouping: grouping), start: event.timestamp,
                        hasLead: false))
                currentIsPending = true
                sessionCampaign = campaign
            }
            lastTime = event.timestamp
            lastEventTime = event.timestamp
            if leadEvents.contains(event.name), !pending.isEmpty { pending[pending.count - 1].hasLead = true }
            if conversionEvents.contains(event.name) {
                journeys.append(
                    journey(pending, end: event.timestamp, conversions: 1, value: event.revenue ?? 0, nulls: 0))
                // A later conversion in the same session is credited to that session again.
                if sessionTimeout == nil {
                    pending.removeAll()
                    currentIsPending = false
                } else {
                    pending = [pending[pending.count - 1]]
                    pending[0].hasLead = false
                    pending[0].carried = true
                }
            }
        }
        let open = pending.filter { !$0.carried }
        if includeNonConverting, !open.isEmpty {
            journeys.append(journey(open, end: lastEventTime, conversions: 0, value: 0, nulls: 1))
        }
    }

    private func journey(_ pending: [Touch], end: Double, conversions: Double, value: Double, nulls: Double)
        -> AttributionJourney
    {
        var kept = pending.enumerated().filter { end - $0.element.start <= lookbackWindow }.map(\.element)
        if kept.isEmpty, let last = pending.last { kept = [last] }
        return AttributionJourney(
            touches: kept.map(\.channel), conversions: conversions, value: value, nulls: nulls,
            touchAges: kept.map { (end - $0.start) / ageUnit }, leadTouch: kept.firstIndex { $0.hasLead })
    }
}

/// Channel indices for events, memoised on the fields the grouping reads: real event streams
/// repeat a few hundred source/medium/referrer combinations millions of times.
private struct ChannelLookup {
    struct Key: Hashable {
        var source, medium, campaign, referrerHost, channel: String?
    }

    var channels = AttributionChannelInterner()
    var cache: [Key: Int] = [:]

    mutating func index(for event: AttributionTouchEvent, grouping: AttributionChannelGrouping) -> Int {
        let key = Key(
            source: event.utmSource, medium: event.utmMedium, campaign: event.utmCampaign,
            referrerHost: event.referrerHost, channel: event.channel)
        if let known = cache[key] { return known }
        let index = channels.index(of: grouping.channel(for: event))
        cache[key] = index
        return index
    }
}
