import Foundation

/// One resolved person: identifiers, merged traits with their sources, first/last seen and
/// the running totals behind the computed traits.
///
/// A profile is derived from the event log and can be rebuilt from it. Its `id` is
/// `p-<seq>` where `seq` is the log position of the event that first created it; when two
/// profiles merge, the older one (smaller `createdSeq`) survives, so ids are reproducible.
/// Time-dependent traits (days since last order, engagement over a window) are not stored;
/// `computedTraits(asOf:)` derives them for a given instant.
public struct Profile: Sendable, Equatable, Codable {
    public var id: String
    public var createdSeq: Int64
    public var identifiers: [Identifier]
    public var traits: [String: TraitValue]
    public var firstSeen: Date
    public var lastSeen: Date
    public var eventCount: Int
    public var orders: OrderStats
    /// Times of the most recent email opens and clicks (at most `engagementHistory` each).
    public var emailOpens: [Date]
    public var emailClicks: [Date]
    public var supportTickets: Int
    public var predictions: ProfilePredictions?

    public static let engagementHistory = 200

    public init(id: String, createdSeq: Int64, at time: Date) {
        self.id = id
        self.createdSeq = createdSeq
        identifiers = []
        traits = [:]
        firstSeen = time
        lastSeen = time
        eventCount = 0
        orders = OrderStats()
        emailOpens = []
        emailClicks = []
        supportTickets = 0
    }

    /// The profile's value of identifier kind `kind`, if any (the smallest, for stability).
    public func identifier(_ kind: String) -> String? {
        identifiers.first { $0.kind == kind }?.value
    }

    /// Identifier values of one kind.
    public func identifiers(_ kind: String) -> [String] {
        identifiers.filter { $0.kind == kind }.map(\.value)
    }

    /// The email used for search: the `email` trait normalised, else the first email identifier.
    public var email: String? {
        traits["email"]?.value.stringValue.flatMap(Identifier.normalisedEmail) ?? identifier(Identifier.email)
    }

    /// A display name from the `name` trait or `first_name`/`last_name`.
    public var name: String? {
        if let n = traits["name"]?.value.stringValue, !n.isEmpty { return n }
        let parts = [traits["first_name"], traits["last_name"]].compactMap { $0?.value.stringValue }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// Sets a trait unless the stored value is newer.
    public mutating func setTrait(_ key: String, _ value: TraitValue) {
        if let old = traits[key], !value.supersedes(old) { return }
        traits[key] = value
    }

    /// Folds another profile into this one (identity merge): identifiers unite, traits keep
    /// the newer value per key, totals add up.
    public mutating func absorb(_ other: Profile) {
        identifiers = Array(Set(identifiers).union(other.identifiers)).sorted()
        for (k, v) in other.traits { setTrait(k, v) }
        firstSeen = min(firstSeen, other.firstSeen)
        lastSeen = max(lastSeen, other.lastSeen)
        eventCount += other.eventCount
        orders.absorb(other.orders)
        emailOpens = Self.recent(emailOpens + other.emailOpens)
        emailClicks = Self.recent(emailClicks + other.emailClicks)
        supportTickets += other.supportTickets
        createdSeq = min(createdSeq, other.createdSeq)
    }

    /// The newest `engagementHistory` times, ascending.
    static func recent(_ times: [Date]) -> [Date] {
        let sorted = times.sorted()
        return sorted.count > engagementHistory ? Array(sorted.suffix(engagementHistory)) : sorted
    }

    /// Records an email engagement event, keeping only the newest history.
    public mutating func recordEmail(opened: Bool, at time: Date) {
        if opened {
            Self.addRecent(time, to: &emailOpens)
        } else {
            Self.addRecent(time, to: &emailClicks)
        }
    }

    /// `recent(times + [time])`, appending in place when `time` is the newest (the usual case).
    private static func addRecent(_ time: Date, to times: inout [Date]) {
        if let last = times.last, last > time {
            times = recent(times + [time])
            return
        }
        times.append(time)
        if times.count > engagementHistory { times.removeFirst(times.count - engagementHistory) }
    }

    /// Counts one tracked event in the running totals behind the computed traits: completed
    /// orders and refunds (read as `Order` and `Refund`), email opens and clicks, support tickets.
    /// Events of other names (`Activity.countedNames` lists these) change nothing.
    public mutating func countTracked(_ name: String, properties: [String: JSONValue], at time: Date) {
        switch name {
        case Activity.orderCompleted:
            if let order = Order(name: name, properties: properties, at: time) { orders.add(order) }
        case Activity.orderRefunded:
            if let refund = Refund(name: name, properties: properties, at: time) { orders.add(refund) }
        case Activity.emailOpened: recordEmail(opened: true, at: time)
        case Activity.emailLinkClicked: recordEmail(opened: false, at: time)
        default: if Activity.ticketNames.contains(name) { supportTickets += 1 }
        }
    }
}
