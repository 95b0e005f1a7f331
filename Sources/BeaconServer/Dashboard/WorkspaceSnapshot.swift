import BeaconCore
import BeaconEngine
import Foundation

/// What the dashboard pages read about one workspace, computed once per state of its log
/// through the analytics query port: the orders with the channel that brought each (last touch
/// before it), the customers, and the time span. No event is loaded.
///
/// Orders come from `WorkspaceAnalytics.channelOrders`: an `Order` at its revenue and a
/// `Refund` at its negative revenue, whatever sign it was sent with, each at its own time with
/// its last-touch channel. A customer is a person with at least one order, identified by
/// `userId` (or by the `anonymousId` linked to one, as `LiveAttribution` stitches them).
struct WorkspaceSnapshot: Sendable {
    /// One order (or refund, at negative revenue) as the pages use it.
    typealias Order = ChannelOrder

    var workspace: Workspace
    var eventCount: Int
    var orders: [Order]
    var firstEvent: Date?
    var lastEvent: Date?

    init(workspace: Workspace, span: (first: Date?, last: Date?, events: Int), orders: [Order]) {
        self.workspace = workspace
        self.orders = orders
        eventCount = span.events
        firstEvent = span.first
        lastEvent = span.last
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
