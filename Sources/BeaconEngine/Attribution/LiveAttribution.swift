import BeaconAnalytics
import BeaconCore
import BeaconStore
import Foundation

/// Attribution on a workspace's stored events: the engine step between the event log and
/// `AttributionEngine`, shared by the CLI, the HTTP API and the dashboard.
///
/// Touchpoints are page, screen and track events; where each came from is its `Touch`
/// (`context.campaign` utm source, medium and name, `context.page.referrer`, or a `channel`
/// property). Conversions are track events named in the builder's `conversionEvents`, valued
/// by `CommerceEvent.revenue(of:)`: an `Order`'s amount, a `Refund`'s −|amount|.
///
/// **Refunds.** A refund is not a visit and not a conversion of its own: it lowers the value of
/// the order it refunds, so every model credits the channels that brought the order with the
/// net amount and the report's total value is orders minus refunds. The refunded order is the
/// `Order Completed` with the refund's `order_id`; without one (or when that order is not among
/// the events), the same person's latest order at or before the refund. A refund with no such
/// order in the events (e.g. its order lies before the report's window) keeps its own negative
/// value and counts only if `Order Refunded` is made a conversion event.
///
/// Anonymous visits are stitched to the known user they later became: any event carrying
/// both `anonymousId` and `userId` (an `identify`, or a later page call) links the two, so
/// the first, anonymous ad click counts in the buyer's journey. (Full identity resolution
/// over emails and devices is the identity graph's job; this is its anonymous→known core.)
public enum LiveAttribution {
    /// Maps stored events to attribution touch events, each refund netted into its order.
    public static func touchEvents(from events: [Event]) -> [AttributionTouchEvent] {
        touches(from: events).netted
    }

    /// Maps stored events to attribution touch events, with each refund linked to the order
    /// it refunds (`LiveTouches`).
    public static func touches(from events: [Event]) -> LiveTouches {
        touches(facts: facts(from: events))
    }

    /// The commerce facts of `events` (in log order) with each fact's person stitched, as the
    /// analytics port's `touches` returns them: the `userId`, else the user the `anonymousId`
    /// was first linked to (`IdentityLink`), else the `anonymousId`; facts of no one are left out.
    public static func facts(from events: [Event]) -> [CommerceFact] {
        var known: [String: String] = [:]
        for (i, e) in events.enumerated() {
            for link in IdentityLink.links(in: e, sequence: Int64(i)) where known[link.anonymousId] == nil {
                known[link.anonymousId] = link.userId
            }
        }
        return events.enumerated().compactMap { i, e in
            guard var fact = CommerceFact(e, sequence: Int64(i)),
                let person = e.userId ?? e.anonymousId.map({ known[$0] ?? $0 })
            else { return nil }
            fact.person = person
            return fact
        }
    }

    /// Attribution touch events of stitched facts in log order, with each refund linked to the
    /// order it refunds (`LiveTouches`).
    public static func touches(facts: [CommerceFact]) -> LiveTouches {
        var touches: [AttributionTouchEvent] = []
        var ordersOf: [String: [Int]] = [:]
        var orderWithId: [String: Int] = [:]
        var refunds: [(index: Int, orderId: String?, amount: Double)] = []
        for f in facts {
            guard let person = f.person ?? f.userId ?? f.anonymousId else { continue }
            switch f.kind {
            case .order:
                ordersOf[person, default: []].append(touches.count)
                if let id = f.orderId { orderWithId[id] = touches.count }
            case .refund:
                refunds.append((touches.count, f.orderId, f.amount ?? 0))
            case .spend, .touch:
                break
            }
            touches.append(
                AttributionTouchEvent(
                    userId: person, timestamp: f.time.timeIntervalSince1970, name: f.name,
                    utmSource: f.touch.utmSource, utmMedium: f.touch.utmMedium, utmCampaign: f.touch.utmCampaign,
                    referrer: f.touch.referrer, channel: f.touch.channel, revenue: f.revenue))
        }
        var links: [LiveTouches.RefundLink] = []
        for (index, orderId, amount) in refunds {
            let time = touches[index].timestamp
            let latest = ordersOf[touches[index].userId]?.filter { touches[$0].timestamp <= time }
                .max { touches[$0].timestamp < touches[$1].timestamp }
            guard let order = orderId.flatMap({ orderWithId[$0] }) ?? latest else { continue }
            links.append(LiveTouches.RefundLink(refund: index, order: order, amount: amount))
        }
        return LiveTouches(events: touches, refunds: links)
    }

    /// Runs `models` on the journeys of a workspace's visits in `[from, to)`, read through the
    /// analytics port (no event log is loaded).
    public static func report(
        analytics: any AnalyticsQueries, workspaceId: String, from: Date?, to: Date?,
        builder: AttributionJourneyBuilder = AttributionJourneyBuilder(),
        models: [AttributionEngine.Model], settings: AttributionEngine.Settings = .init()
    ) async throws -> AttributionReport {
        let facts = try await analytics.touches(in: workspaceId, from: from, to: to)
        return try AttributionEngine.run(
            events: touches(facts: facts).netted, builder: builder, models: models, settings: settings)
    }
}

/// A workspace's attribution touch events, each order and refund at its own time and signed
/// revenue (`CommerceEvent.revenue(of:)`), with every refund linked to the order it refunds.
public struct LiveTouches: Sendable {
    /// A refund (index in `events`) and the order it lowers.
    public struct RefundLink: Sendable, Equatable {
        public var refund: Int
        public var order: Int
        /// The refunded amount, never negative (`Refund.amount`).
        public var amount: Double
    }

    /// The touch events as sent: orders and refunds each at their own revenue.
    public var events: [AttributionTouchEvent]
    public var refunds: [RefundLink]

    /// The touch events attribution runs on: each linked refund's amount taken off its order's
    /// value and the refund left without one (it is not a conversion).
    public var netted: [AttributionTouchEvent] {
        var touches = events
        for link in refunds {
            touches[link.order].revenue = (touches[link.order].revenue ?? 0) - link.amount
            touches[link.refund].revenue = nil
        }
        return touches
    }
}
