import BeaconAnalytics
import BeaconCore
import Foundation

/// Generates a deterministic demo workspace: an online shop's customers arriving through
/// marketing channels, browsing, signing up and buying over `days` days.
///
/// The same seed gives the same events, byte for byte (message ids included), so a demo
/// can be re-generated without duplicates and tests can rely on its numbers.
/// Purchase behaviour follows the BG/NBD story (Fader, Hardie & Lee 2005): each customer
/// buys at a Poisson rate λ ~ Gamma(r, α) while alive and drops out after any purchase with
/// probability p ~ Beta(a, b); order values are log-normal around a customer-level mean, so
/// the CLV, RFM and attribution pages have realistic material.
public struct DemoGenerator: Sendable {
    public var seed: UInt64
    public var customers: Int
    public var days: Int
    /// The first day of the simulated period (UTC midnight).
    public var start: Date

    public init(seed: UInt64 = 1, customers: Int = 2_000, days: Int = 365,
                start: Date = Timestamp.parse("2025-01-01")!) {
        self.seed = seed
        self.customers = customers
        self.days = days
        self.start = start
    }

    /// A marketing channel as the demo shop's traffic arrives through it.
    struct Channel {
        var name: String
        var weight: Double
        var source: String?
        var medium: String?
        var campaigns: [String]
        var referrer: String?
    }

    static let channels: [Channel] = [
        Channel(name: "Paid Search", weight: 0.24, source: "google", medium: "cpc", campaigns: ["brand-search", "generic-search"], referrer: nil),
        Channel(name: "Paid Social", weight: 0.20, source: "facebook", medium: "paid_social", campaigns: ["spring-sale", "lookalike"], referrer: nil),
        Channel(name: "Paid Social", weight: 0.08, source: "tiktok", medium: "paid_social", campaigns: ["creator-collab"], referrer: nil),
        Channel(name: "Organic Search", weight: 0.18, source: nil, medium: nil, campaigns: [], referrer: "https://www.google.com/"),
        Channel(name: "Email", weight: 0.10, source: "newsletter", medium: "email", campaigns: ["weekly-digest", "win-back"], referrer: nil),
        Channel(name: "Affiliate", weight: 0.07, source: "partner-network", medium: "affiliate", campaigns: ["deals-site"], referrer: nil),
        Channel(name: "Referral", weight: 0.05, source: nil, medium: nil, campaigns: [], referrer: "https://blog.example.org/gift-guide"),
        Channel(name: "Direct", weight: 0.08, source: nil, medium: nil, campaigns: [], referrer: nil),
    ]

    static let products: [(id: String, name: String, category: String, price: Double)] = [
        ("SKU-1001", "Linen Shirt", "Apparel", 49), ("SKU-1002", "Denim Jacket", "Apparel", 89),
        ("SKU-1003", "Running Shoes", "Footwear", 120), ("SKU-1004", "Leather Belt", "Accessories", 35),
        ("SKU-1005", "Wool Scarf", "Accessories", 29), ("SKU-1006", "Summer Dress", "Apparel", 65),
        ("SKU-1007", "Canvas Sneakers", "Footwear", 59), ("SKU-1008", "Sunglasses", "Accessories", 79),
    ]

    static let countries = ["GB", "US", "DE", "FR", "NL", "ES", "IE"]
    static let plans = ["free", "free", "free", "plus", "plus", "pro"]

    /// All events, in time order per customer. `receivedAt` is the event time.
    public func events() -> [Event] {
        var rng = Xoshiro256StarStar(seed: seed)
        var out: [Event] = []
        out.reserveCapacity(customers * 12)
        var counter = 0
        func nextId() -> String {
            counter += 1
            return "demo-\(seed)-\(counter)"
        }
        let weights = Self.channels.map(\.weight)
        let horizon = Double(days) * 86_400
        for n in 1...max(customers, 1) {
            let userId = "user-\(n)"
            let anonymousId = "anon-\(seed)-\(n)"
            let email = "customer\(n)@example.com"
            // Arrivals are front-loaded a little so there is history to analyse.
            var t = start.addingTimeInterval(horizon * Double.pow(rng.nextDouble(), 1.3))
            let end = start.addingTimeInterval(horizon)
            let acquisition = Self.channels[rng.nextIndex(weights: weights)]
            let rate = rng.nextGamma(shape: 0.9, rate: 12) // purchases per day
            let dropout = rng.nextBeta(0.8, 3.0)
            let spendMean = Double.log(40 + 60 * rng.nextDouble())
            let country = Self.countries[rng.nextIndex(weights: [5, 3, 2, 1.5, 1, 1, 0.5])]

            out.append(page(id: nextId(), anonymousId: anonymousId, userId: nil, at: t, channel: acquisition, path: "/", rng: &rng))
            t = Timestamp.truncated(t + 60 + 600 * rng.nextDouble())
            let signsUp = rng.nextBool(probability: 0.8)
            guard signsUp else { continue }
            out.append(Event(
                messageId: nextId(), type: .identify, userId: userId, anonymousId: anonymousId,
                timestamp: t, originalTimestamp: t, receivedAt: t,
                traits: .object([
                    "email": .string(email), "name": .string("Customer \(n)"), "country": .string(country),
                    "plan": .string(Self.plans[rng.nextIndex(weights: [1, 1, 1, 1, 1, 1])]),
                    "created_at": .string(Timestamp.format(t)),
                ]),
                context: .object(["library": .object(["name": .string("beacon-demo")])])))
            var alive = true
            var first = true
            while alive {
                let gap = first ? 0.02 + rng.nextExponential(rate: 2) : rng.nextExponential(rate: max(rate, 1e-4))
                t += gap * 86_400
                guard t < end else { break }
                // A returning visit: often direct or email, sometimes paid again.
                let visit = first ? acquisition : Self.channels[rng.nextIndex(weights: [0.12, 0.1, 0.04, 0.12, 0.3, 0.04, 0.03, 0.25])]
                out.append(page(id: nextId(), anonymousId: anonymousId, userId: userId, at: t, channel: visit, path: "/collections", rng: &rng))
                let product = Self.products[rng.nextInt(below: Self.products.count)]
                t += 30 + 300 * rng.nextDouble()
                out.append(track(id: nextId(), userId: userId, anonymousId: anonymousId, at: t, event: "Product Viewed", properties: [
                    "product_id": .string(product.id), "name": .string(product.name), "category": .string(product.category),
                    "price": .number(product.price),
                ]))
                t += 60 + 600 * rng.nextDouble()
                let quantity = 1 + rng.nextInt(below: 3)
                let revenue = ((Double.exp(rng.nextNormal(mean: spendMean, standardDeviation: 0.4)) + product.price * Double(quantity - 1)) * 100).rounded() / 100
                out.append(track(id: nextId(), userId: userId, anonymousId: anonymousId, at: t, event: CommerceEvent.orderCompleted, properties: [
                    CommerceEvent.Key.orderId: .string("D\(seed)-\(counter)"), CommerceEvent.Key.revenue: .number(revenue),
                    CommerceEvent.Key.currency: .string("USD"),
                    "products": .array([.object([
                        "product_id": .string(product.id), "name": .string(product.name),
                        "category": .string(product.category), "quantity": .number(Double(quantity)), "price": .number(product.price),
                    ])]),
                ]))
                first = false
                alive = !rng.nextBool(probability: dropout)
            }
        }
        return out
    }

    private func page(id: String, anonymousId: String, userId: String?, at time: Date, channel: Channel, path: String,
                      rng: inout Xoshiro256StarStar) -> Event {
        let t = Timestamp.truncated(time)
        var pageContext: [String: JSONValue] = ["path": .string(path), "url": .string("https://shop.example.com\(path)")]
        var context: [String: JSONValue] = ["library": .object(["name": .string("beacon-demo")])]
        if let source = channel.source, let medium = channel.medium, !channel.campaigns.isEmpty {
            let campaign = channel.campaigns[rng.nextInt(below: channel.campaigns.count)]
            context["campaign"] = .object(["source": .string(source), "medium": .string(medium), "name": .string(campaign)])
            pageContext["search"] = .string("?utm_source=\(source)&utm_medium=\(medium)&utm_campaign=\(campaign)")
        }
        if let referrer = channel.referrer { pageContext["referrer"] = .string(referrer) }
        context["page"] = .object(pageContext)
        return Event(messageId: id, type: .page, userId: userId, anonymousId: anonymousId, name: path == "/" ? "Home" : "Collections",
                     timestamp: t, originalTimestamp: t, receivedAt: t, properties: .object(pageContext), context: .object(context))
    }

    private func track(id: String, userId: String, anonymousId: String, at time: Date, event: String,
                       properties: [String: JSONValue]) -> Event {
        let t = Timestamp.truncated(time)
        return Event(messageId: id, type: .track, userId: userId, anonymousId: anonymousId, event: event,
              timestamp: t, originalTimestamp: t, receivedAt: t, properties: .object(properties),
              context: .object(["library": .object(["name": .string("beacon-demo")])]))
    }
}
