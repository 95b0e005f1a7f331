import Foundation

extension Profile {
    /// The profile as it stood at a past instant, replayed from its tracked-event history:
    /// nil when it was first seen after `date`.
    ///
    /// What the history holds is exact as of `date`: order totals and first/last order
    /// (`Order Completed` / `Order Refunded` up to `date`), email opens and clicks, support
    /// tickets, event count and last seen. What it does not hold is approximated: a trait last
    /// set after `date` is left out (its earlier value is not kept), and predictions are the
    /// current ones. The profile itself is returned unchanged when nothing in it is newer
    /// than `date`.
    /// - Parameter history: the profile's tracked events by name, each list in time order.
    public func replayed(asOf date: Date, history: [String: [Activity]]) -> Profile? {
        guard firstSeen <= date else { return nil }
        let traitsThen = traits.values.allSatisfy { $0.at <= date }
        if lastSeen <= date && traitsThen { return self }
        var p = self
        if !traitsThen { p.traits = traits.filter { $0.value.at <= date } }
        p.orders = OrderStats()
        p.supportTickets = 0
        p.emailOpens = []
        p.emailClicks = []
        var later = 0
        var lastSeenThen = firstSeen
        for (name, list) in history {
            let then = Activity.through(date, in: list)
            later += list.count - then.count
            if let last = then.last { lastSeenThen = max(lastSeenThen, last.timestamp) }
            guard Activity.countedNames.contains(name) else { continue }
            for a in then { p.countTracked(name, properties: a.properties, at: a.timestamp) }
        }
        p.eventCount = max(0, eventCount - later)
        // Identify and page calls are not in the history; the last tracked event or trait
        // change before `date` stands in for them.
        p.lastSeen = min(date, p.traits.values.reduce(lastSeenThen) { max($0, $1.at) })
        return p
    }
}
