/// Recency, frequency and monetary value per customer from an order log, scored 1–5 and
/// named by segment.
///
/// RFM follows Hughes (1994), *Strategic Database Marketing*, ch. 9, in the form common in
/// practice:
/// - **Recency**: days from the customer's last purchase to the as-of date. The as-of date
///   defaults to the day after the last purchase in the log (the usual "snapshot" date).
///   Lines dated after an explicit as-of date are left out.
/// - **Frequency**: the number of distinct purchase orders. Lines are grouped by order id
///   (every line is its own order when it has none); an order with a positive net amount
///   is a purchase, one with a zero or negative net (a cancellation or return) is not.
/// - **Monetary**: the sum of all the customer's amounts, returns subtracted.
/// Customers with no purchase in the window (only returns) are left out and counted.
///
/// Scores are quintiles as pandas `qcut(x.rank(method="first"), 5)` gives them
/// (`QuantileScore`), with customers in id order (numeric order when every id is a number,
/// else code-point order) — the order `groupby` produces, which decides ties. Recency is
/// scored descending (recent = 5). The segment comes from `RFMSegment`'s rules.
public struct RFMAnalysis: Sendable {
    /// One customer's values, scores and segment.
    public struct Customer: Sendable, Equatable {
        public var customerID: String
        public var recency: Int
        public var frequency: Int
        public var monetary: Double
        public var firstPurchaseDay: Int
        public var lastPurchaseDay: Int
        public var recencyScore: Int
        public var frequencyScore: Int
        public var monetaryScore: Int
        public var segment: RFMSegment

        /// The RFM cell, e.g. "545".
        public var cell: String { "\(recencyScore)\(frequencyScore)\(monetaryScore)" }
    }

    /// The as-of day number the recencies are measured to.
    public var asOfDay: Int
    /// Customers in id order.
    public var customers: [Customer]
    /// Customers left out because they had no purchase (only returns) in the window.
    public var customersWithoutPurchase: Int
    /// Lines left out because they are dated after the as-of date.
    public var linesAfterAsOf: Int

    /// Computes RFM from an order log.
    /// - Parameters:
    ///   - orders: the order lines.
    ///   - asOfDay: the day recency is measured to; nil for the day after the last purchase.
    /// - Throws: `SegmentationError` when there are no orders, an amount is not finite, or
    ///   fewer than 2 customers remain to score.
    public init(orders: [OrderRecord], asOfDay: Int? = nil) throws {
        guard !orders.isEmpty else { throw SegmentationError(.emptyInput, "the order log is empty") }
        if let bad = orders.firstIndex(where: { !$0.amount.isFinite }) {
            throw SegmentationError(.invalidValue, "order line \(bad + 1) has a non-finite amount")
        }
        let window = asOfDay.map { cutoff in orders.filter { $0.day <= cutoff } } ?? orders
        linesAfterAsOf = orders.count - window.count

        var perCustomer: [String: Accumulator] = [:]
        for (index, line) in window.enumerated() {
            perCustomer[line.customerID, default: Accumulator()].add(line, index: index)
        }
        var purchasers: [(id: String, acc: Accumulator, last: Int, first: Int, frequency: Int)] = []
        for (id, acc) in perCustomer {
            let purchases = acc.orders.values.filter { $0.net > 0 }
            guard let last = purchases.map(\.day).max(), let first = purchases.map(\.day).min() else { continue }
            purchasers.append((id, acc, last, first, purchases.count))
        }
        customersWithoutPurchase = perCustomer.count - purchasers.count
        guard !purchasers.isEmpty else {
            throw SegmentationError(.emptyInput, "no customer has a purchase (positive order) in the window")
        }
        let ids = RFMAnalysis.sortedIDs(purchasers.map(\.id))
        let byID = Dictionary(uniqueKeysWithValues: purchasers.map { ($0.id, $0) })
        let asOf = asOfDay ?? (purchasers.map(\.last).max()! + 1)
        self.asOfDay = asOf

        let rows = ids.map { byID[$0]! }
        let recency = rows.map { Double(asOf - $0.last) }
        let frequency = rows.map { Double($0.frequency) }
        let monetary = rows.map { $0.acc.total }
        let r = try QuantileScore.scores(recency, descending: true)
        let f = try QuantileScore.scores(frequency)
        let m = try QuantileScore.scores(monetary)
        customers = rows.indices.map { i in
            Customer(
                customerID: rows[i].id, recency: asOf - rows[i].last, frequency: rows[i].frequency,
                monetary: monetary[i], firstPurchaseDay: rows[i].first, lastPurchaseDay: rows[i].last,
                recencyScore: r[i], frequencyScore: f[i], monetaryScore: m[i],
                segment: RFMSegment(recency: r[i], frequency: f[i], monetary: m[i]))
        }
    }

    /// Ids in the order pandas' `groupby` sorts them: numerically when all are numbers,
    /// otherwise by Unicode code points (Python's string order).
    static func sortedIDs(_ ids: [String]) -> [String] {
        let numbers = ids.map { Double($0) }
        if numbers.allSatisfy({ $0 != nil && !$0!.isNaN }) {
            return zip(ids, numbers).sorted { a, b in
                a.1! < b.1! || (a.1! == b.1! && a.0.unicodeScalars.lexicographicallyPrecedes(b.0.unicodeScalars))
            }.map(\.0)
        }
        return ids.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }

    /// Running totals of one customer's lines, grouped by order.
    private struct Accumulator {
        var total = 0.0
        var orders: [String: (net: Double, day: Int)] = [:]

        mutating func add(_ line: OrderRecord, index: Int) {
            total += line.amount
            // A line without an order id is its own order; the index keeps those keys unique.
            let key = line.orderID ?? "\u{1}line-\(index)"
            if let existing = orders[key] {
                orders[key] = (existing.net + line.amount, min(existing.day, line.day))
            } else {
                orders[key] = (line.amount, line.day)
            }
        }
    }
}
