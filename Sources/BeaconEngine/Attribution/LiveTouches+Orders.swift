import BeaconAnalytics
import BeaconCore
import BeaconStore
import Foundation

/// An order or refund with the channel that brought it: the dashboard's view of revenue by
/// channel (last touch).
public struct ChannelOrder: Sendable, Equatable {
    /// The (stitched) person who placed it.
    public var customer: String
    public var time: Date
    /// `Order.revenue`, or `Refund.revenue` (negative) for a refund.
    public var revenue: Double
    public var channel: String

    public init(customer: String, time: Date, revenue: Double, channel: String) {
        self.customer = customer
        self.time = time
        self.revenue = revenue
        self.channel = channel
    }
}

extension LiveTouches {
    /// Every order and refund in time order (ties in input order), each with the channel of
    /// the person's last touch that said where it came from before it (or of the order's own
    /// touch when there was none), grouped by `AttributionChannelGrouping.standard`.
    public var lastTouchOrders: [ChannelOrder] {
        let grouping = AttributionChannelGrouping.standard
        let timeOrdered = events.enumerated().sorted {
            $0.element.timestamp == $1.element.timestamp
                ? $0.offset < $1.offset : $0.element.timestamp < $1.element.timestamp
        }.map(\.element)
        var lastChannel: [String: String] = [:]
        var orders: [ChannelOrder] = []
        for t in timeOrdered {
            if t.name == CommerceEvent.orderCompleted || t.name == CommerceEvent.orderRefunded {
                orders.append(
                    ChannelOrder(
                        customer: t.userId, time: Date(timeIntervalSince1970: t.timestamp), revenue: t.revenue ?? 0,
                        channel: lastChannel[t.userId] ?? grouping.channel(for: t)))
            } else if t.hasSourceInformation || lastChannel[t.userId] == nil {
                lastChannel[t.userId] = grouping.channel(for: t)
            }
        }
        return orders
    }
}

extension ChannelOrder {
    /// The order or refund the analytics port answered, its channel read from its channel touch
    /// by `AttributionChannelGrouping.standard`: the same order `LiveTouches.lastTouchOrders`
    /// makes of the same events.
    public init(_ order: OrderFact) {
        let f = order.fact, t = order.channelTouch
        let touch = AttributionTouchEvent(
            userId: f.person ?? "", timestamp: f.time.timeIntervalSince1970, name: f.name, utmSource: t.utmSource,
            utmMedium: t.utmMedium, utmCampaign: t.utmCampaign, referrer: t.referrer, channel: t.channel)
        self.init(
            customer: f.person ?? "", time: f.time, revenue: f.revenue ?? 0,
            channel: AttributionChannelGrouping.standard.channel(for: touch))
    }
}
