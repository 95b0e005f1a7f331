import BeaconAnalytics
import BeaconCore
import Foundation

/// Seed 001's GlowBeauty customers as events, for the profile and segment demo and
/// benchmark: VIP subscribers, regular subscribers, at-risk subscribers, one-time buyers and
/// churned high-value customers, each shopping from two devices and a newsletter signup.
///
/// Every customer yields anonymous browsing on a phone, a newsletter `identify` with only an
/// email (joined later by email), a login `identify` (user id, email, `subscription_status`),
/// orders at the persona's cadence and value, email opens/clicks at its engagement level,
/// support tickets, and a second device that logs in later (an identity merge). Deterministic
/// for a seed. Event time runs over `days` days from `start`.
public struct PersonaGenerator: Sendable {
    public var seed: UInt64
    public var customers: Int
    public var days: Int
    public var start: Date

    public init(seed: UInt64 = 1, customers: Int = 10_000, days: Int = 365, start: Date = Timestamp.parse("2025-01-01")!) {
        self.seed = seed
        self.customers = customers
        self.days = days
        self.start = start
    }

    /// A persona: share of customers, orders per year, order value range, email opens per
    /// month, subscription status, and when buying stops (fraction of the period; 1 = never).
    struct Persona {
        var name: String
        var weight: Double
        var ordersPerYear: Double
        var value: ClosedRange<Double>
        var opensPerMonth: Double
        var subscription: String
        var stopsAt: ClosedRange<Double>
        var tickets: Int
    }

    static let personas: [Persona] = [
        Persona(name: "vip_subscriber", weight: 500, ordersPerYear: 12, value: 90...420, opensPerMonth: 6, subscription: "active", stopsAt: 1...1, tickets: 1),
        Persona(name: "regular_subscriber", weight: 2_000, ordersPerYear: 6, value: 50...170, opensPerMonth: 3, subscription: "active", stopsAt: 1...1, tickets: 1),
        Persona(name: "at_risk_subscriber", weight: 800, ordersPerYear: 6, value: 40...120, opensPerMonth: 0.3, subscription: "active", stopsAt: 0.5...0.8, tickets: 3),
        Persona(name: "one_time_buyer", weight: 4_000, ordersPerYear: 1, value: 50...300, opensPerMonth: 1, subscription: "none", stopsAt: 0.05...1, tickets: 0),
        Persona(name: "churned_high_value", weight: 700, ordersPerYear: 10, value: 120...400, opensPerMonth: 0.2, subscription: "cancelled", stopsAt: 0.2...0.5, tickets: 2),
    ]

    /// All events in time order per customer (the whole stream at once; for small runs).
    public func events() -> [Event] {
        var stream = makeStream()
        var out: [Event] = []
        out.reserveCapacity(customers * 26)
        while let chunk = stream.next(customers: 10_000) { out += chunk }
        return out
    }

    /// The same events, a chunk of customers at a time, so a large run never holds them all.
    public func makeStream() -> Stream { Stream(generator: self) }

    /// Generates customers in order; draining it gives exactly `events()`.
    public struct Stream: Sendable {
        let generator: PersonaGenerator
        var rng: Xoshiro256StarStar
        var counter = 0
        /// The next customer number (1-based).
        public private(set) var nextCustomer = 1

        init(generator: PersonaGenerator) {
            self.generator = generator
            rng = Xoshiro256StarStar(seed: generator.seed)
        }

        /// The events of the next `count` customers, or nil when all were generated.
        public mutating func next(customers count: Int) -> [Event]? {
            let last = min(max(generator.customers, 1), nextCustomer + max(count, 1) - 1)
            guard nextCustomer <= last else { return nil }
            var out: [Event] = []
            out.reserveCapacity((last - nextCustomer + 1) * 26)
            for n in nextCustomer...last { customer(n, into: &out) }
            nextCustomer = last + 1
            return out
        }

        private mutating func customer(_ n: Int, into out: inout [Event]) {
            let seed = generator.seed, start = generator.start
            let horizon = Double(generator.days) * 86_400
            func event(_ type: EventType, user: String?, anon: String?, name: String? = nil, at: Date,
                       traits: [String: JSONValue]? = nil, properties: [String: JSONValue]? = nil) {
                counter += 1
                let t = Timestamp.truncated(at)
                out.append(Event(messageId: "glow-\(seed)-\(counter)", type: type, userId: user, anonymousId: anon, event: name,
                                 timestamp: t, receivedAt: t, properties: properties.map(JSONValue.object), traits: traits.map(JSONValue.object)))
            }
            let p = PersonaGenerator.personas[rng.nextIndex(weights: PersonaGenerator.weights)]
            let user = "glow-\(n)", email = "glow\(n)@example.com"
            let phone = "anon-p-\(seed)-\(n)", laptop = "anon-l-\(seed)-\(n)"
            let arrival = start.addingTimeInterval(horizon * 0.4 * rng.nextDouble())
            let stop = start.addingTimeInterval(horizon * (p.stopsAt.lowerBound + (p.stopsAt.upperBound - p.stopsAt.lowerBound) * rng.nextDouble()))
            event(.page, user: nil, anon: phone, at: arrival)
            event(.identify, user: nil, anon: "news-\(seed)-\(n)", at: arrival + 60, traits: ["email": .string(email.uppercased())])
            event(.identify, user: user, anon: phone, at: arrival + 600, traits: [
                "email": .string(email), "name": .string("Glow Customer \(n)"), "subscription_status": .string(p.subscription),
                "persona": .string(p.name),
            ])
            var t = arrival + 900
            var orders = 0
            while t < stop || orders == 0 {
                let value = (p.value.lowerBound + (p.value.upperBound - p.value.lowerBound) * rng.nextDouble() * 100).rounded() / 100
                event(.track, user: user, anon: phone, name: CommerceEvent.orderCompleted, at: t,
                      properties: [CommerceEvent.Key.orderId: .string("G\(seed)-\(counter)"),
                                   CommerceEvent.Key.revenue: .number(value), CommerceEvent.Key.currency: "USD"])
                orders += 1
                if p.ordersPerYear <= 1 && rng.nextBool(probability: 0.9) { break }
                t += rng.nextExponential(rate: p.ordersPerYear / 365) * 86_400
            }
            var e = arrival + 3_600
            let end = start.addingTimeInterval(horizon)
            let opensRate = max(p.opensPerMonth, 0.01) / 30
            while true {
                e += rng.nextExponential(rate: opensRate) * 86_400
                guard e < end else { break }
                let clicked = rng.nextBool(probability: 0.25)
                event(.track, user: user, anon: nil, name: clicked ? "Email Link Clicked" : "Email Opened", at: e,
                      properties: ["campaign": .string(["weekly-glow", "new-arrivals", "win-back"][rng.nextInt(below: 3)])])
            }
            for _ in 0..<p.tickets {
                event(.track, user: user, anon: nil, name: "Ticket Created", at: arrival + horizon * 0.5 * rng.nextDouble())
            }
            // Later, a second device: anonymous browsing, then a login that merges it in.
            let second = arrival + horizon * 0.1 * rng.nextDouble()
            event(.page, user: nil, anon: laptop, at: second)
            event(.identify, user: user, anon: laptop, at: second + 120)
        }
    }

    static let weights = personas.map(\.weight)
}
