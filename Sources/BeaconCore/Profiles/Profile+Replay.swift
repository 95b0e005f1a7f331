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
        var later = 0
        var lastSeenThen = firstSeen
        for (name, list) in history {
            let upTo = list.partitionPoint { $0.timestamp > date }
            later += list.count - upTo
            if upTo > 0 { lastSeenThen = max(lastSeenThen, list[upTo - 1].timestamp) }
            switch name {
            case Activity.orderCompleted:
                for a in list[..<upTo] { p.orders.addOrder(revenue: Activity.amount(a.properties) ?? 0, at: a.timestamp) }
            case Activity.orderRefunded:
                for a in list[..<upTo] { p.orders.refunded += abs(Activity.amount(a.properties) ?? 0) }
            default:
                if Activity.ticketNames.contains(name) { p.supportTickets += upTo }
            }
        }
        if let last = emailOpens.last, last > date { p.emailOpens = emailOpens.filter { $0 <= date } }
        if let last = emailClicks.last, last > date { p.emailClicks = emailClicks.filter { $0 <= date } }
        p.eventCount = max(0, eventCount - later)
        // Identify and page calls are not in the history; the last tracked event or trait
        // change before `date` stands in for them.
        p.lastSeen = min(date, p.traits.values.reduce(lastSeenThen) { max($0, $1.at) })
        return p
    }
}

extension Array where Element == Activity {
    /// The index of the first activity for which `belongsAfter` holds, in a list where it
    /// holds for a suffix (binary search).
    fileprivate func partitionPoint(_ belongsAfter: (Activity) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if belongsAfter(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
