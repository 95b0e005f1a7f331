import BeaconAnalytics
import BeaconCore
import BeaconEngine
import Foundation

/// What the dashboard pages read from one workspace's event log, computed once per state of
/// the log: the orders with the channel that brought each (last touch before it), the
/// customers, the event names, and the time span.
///
/// An order is a `track` event named `Order Completed` valued by `properties.revenue` (or
/// `total`), as in the Segment e-commerce spec; a refund (`Order Refunded`) is a negative
/// order. A customer is a person with at least one order, identified by `userId` (or by the
/// `anonymousId` linked to one, as `LiveAttribution` stitches them).
struct WorkspaceSnapshot: Sendable {
    /// One order as the pages use it.
    struct Order: Sendable, Equatable {
        var customer: String
        var time: Date
        var revenue: Double
        var channel: String
    }

    var workspace: Workspace
    var eventCount: Int
    var events: [StoredEvent]
    var touches: [AttributionTouchEvent]
    var orders: [Order]
    var firstEvent: Date?
    var lastEvent: Date?

    static let orderEvents: Set<String> = ["Order Completed", "Order Refunded"]

    /// Derives the snapshot from the stored events (in storage order).
    init(workspace: Workspace, events: [StoredEvent], grouping: AttributionChannelGrouping = .standard) {
        self.workspace = workspace
        self.events = events
        eventCount = events.count
        touches = LiveAttribution.touchEvents(from: events.map(\.event))
        let timeOrdered = touches.enumerated().sorted {
            $0.element.timestamp == $1.element.timestamp
                ? $0.offset < $1.offset : $0.element.timestamp < $1.element.timestamp
        }.map(\.element)
        var lastChannel: [String: String] = [:]
        var orders: [Order] = []
        for t in timeOrdered {
            if Self.orderEvents.contains(t.name) {
                let value = t.revenue ?? 0
                orders.append(
                    Order(
                        customer: t.userId, time: Date(timeIntervalSince1970: t.timestamp),
                        revenue: t.name == "Order Refunded" ? -abs(value) : value,
                        channel: lastChannel[t.userId] ?? grouping.channel(for: t)))
            } else if t.hasSourceInformation || lastChannel[t.userId] == nil {
                lastChannel[t.userId] = grouping.channel(for: t)
            }
        }
        self.orders = orders
        let times = events.map(\.event.timestamp)
        firstEvent = times.min()
        lastEvent = times.max()
    }

    /// Distinct customers (people with an order).
    var customers: Set<String> { Set(orders.map(\.customer)) }

    /// Channels in order of revenue, largest first.
    var channelsByRevenue: [String] {
        var revenue: [String: Double] = [:]
        for o in orders { revenue[o.channel, default: 0] += o.revenue }
        return revenue.sorted { $0.value == $1.value ? $0.key < $1.key : $0.value > $1.value }.map(\.key)
    }

    /// The orders as RFM/k-means input: one record per order, days counted from 1970-01-01.
    var orderRecords: [OrderRecord] {
        orders.filter { $0.revenue > 0 }.map {
            OrderRecord(
                customerID: $0.customer, day: Int(($0.time.timeIntervalSince1970 / 86_400).rounded(.down)),
                amount: $0.revenue)
        }
    }
}
