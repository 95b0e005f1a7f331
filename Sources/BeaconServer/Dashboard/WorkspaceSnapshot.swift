import BeaconCore
import BeaconEngine
import Foundation

/// What the dashboard pages read from one workspace's event log, computed once per state of
/// the log: the orders with the channel that brought each (last touch before it), the
/// customers, the event names, and the time span.
///
/// Orders come from `LiveTouches.lastTouchOrders`: an `Order` at its revenue and a `Refund` at
/// its negative revenue, whatever sign it was sent with, each at its own time with its
/// last-touch channel. A customer is a person with at least one order, identified by `userId`
/// (or by the `anonymousId` linked to one, as `LiveAttribution` stitches them).
struct WorkspaceSnapshot: Sendable {
    /// One order (or refund, at negative revenue) as the pages use it.
    typealias Order = ChannelOrder

    var workspace: Workspace
    var eventCount: Int
    var events: [StoredEvent]
    /// The attribution input: touch events with refunds linked to their orders.
    var touches: LiveTouches
    var orders: [Order]
    var firstEvent: Date?
    var lastEvent: Date?

    /// Derives the snapshot from the stored events (in storage order).
    init(workspace: Workspace, events: [StoredEvent]) {
        self.workspace = workspace
        self.events = events
        eventCount = events.count
        touches = LiveAttribution.touches(from: events.map(\.event))
        orders = touches.lastTouchOrders
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
}

