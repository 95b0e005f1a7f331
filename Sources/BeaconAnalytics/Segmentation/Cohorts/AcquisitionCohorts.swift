/// Acquisition-month cohorts: for each month's new customers, the share still buying k
/// months later and the revenue they bring each month.
///
/// The classic cohort table of retention analysis (Fader & Hardie 2010, "Customer-base
/// valuation in a contractual setting", *Marketing Science* 29(1), §2 uses the same
/// layout). A customer's cohort is the calendar month of their first purchase; they are
/// *active* in month k when they made a purchase (an order with a positive net amount,
/// lines grouped by order id as in `RFMAnalysis`) in calendar month cohort + k. Revenue is
/// the net of all their lines in that month, returns included; lines dated before the first
/// purchase (returns only) count in month 0. Customers with no purchase are left out. Each
/// cohort's rows run up to the last month in the log, so later cohorts have shorter rows
/// (months not yet observed are absent, not zero).
public struct AcquisitionCohorts: Sendable {
    /// One acquisition month.
    public struct Cohort: Sendable, Equatable {
        /// The first day of the acquisition month.
        public var month: OrderDay
        /// Customers acquired that month.
        public var size: Int
        /// Active customers in months 0, 1, … after acquisition (month 0 = size).
        public var active: [Int]
        /// `active[k] / size`.
        public var retention: [Double] { active.map { Double($0) / Double(size) } }
        /// Net revenue of the cohort's customers in months 0, 1, …
        public var revenue: [Double]
        public var totalRevenue: Double { revenue.reduce(0, +) }
        /// Cumulative revenue per acquired customer after months 0, 1, …
        public var cumulativeRevenuePerCustomer: [Double] {
            var running = 0.0
            return revenue.map {
                running += $0
                return running / Double(size)
            }
        }
    }

    /// Cohorts in month order.
    public var cohorts: [Cohort]
    /// Customers left out because they never made a purchase.
    public var customersWithoutPurchase: Int

    /// Builds the cohort table from an order log.
    /// - Throws: `SegmentationError` when the log is empty, an amount is not finite, or no
    ///   customer made a purchase.
    public init(orders: [OrderRecord]) throws {
        guard !orders.isEmpty else { throw SegmentationError(.emptyInput, "the order log is empty") }
        if let bad = orders.firstIndex(where: { !$0.amount.isFinite }) {
            throw SegmentationError(.invalidValue, "order line \(bad + 1) has a non-finite amount")
        }
        // net amount and month of every order
        struct OrderKey: Hashable {
            var customer: String
            var order: String
        }
        var orderNet: [OrderKey: (net: Double, day: Int)] = [:]
        for (index, line) in orders.enumerated() {
            let key = OrderKey(customer: line.customerID, order: line.orderID ?? "\u{1}line-\(index)")
            let old = orderNet[key]
            orderNet[key] = ((old?.net ?? 0) + line.amount, min(old?.day ?? line.day, line.day))
        }
        var activeMonths: [String: Set<Int>] = [:]
        for (key, order) in orderNet where order.net > 0 {
            activeMonths[key.customer, default: []].insert(OrderDay(dayNumber: order.day).monthIndex)
        }
        let customers = Set(orders.map(\.customerID))
        customersWithoutPurchase = customers.count - activeMonths.count
        guard !activeMonths.isEmpty else {
            throw SegmentationError(.emptyInput, "no customer has a purchase (positive order)")
        }
        let lastMonth = orders.map { OrderDay(dayNumber: $0.day).monthIndex }.max()!
        let cohortOf = activeMonths.mapValues { $0.min()! }
        var table: [Int: (size: Int, active: [Int], revenue: [Double])] = [:]
        for (customer, first) in cohortOf {
            var row =
                table[first] ?? (
                    0, [Int](repeating: 0, count: lastMonth - first + 1),
                    [Double](repeating: 0, count: lastMonth - first + 1)
                )
            row.size += 1
            for month in activeMonths[customer]! { row.active[month - first] += 1 }
            table[first] = row
        }
        // revenue in a fixed line order, so sums do not depend on dictionary order
        for line in orders {
            guard let first = cohortOf[line.customerID] else { continue }
            let offset = max(0, OrderDay(dayNumber: line.day).monthIndex - first)
            table[first]!.revenue[offset] += line.amount
        }
        cohorts = table.keys.sorted().map { m in
            let row = table[m]!
            return Cohort(
                month: OrderDay(year: m / 12, month: m % 12 + 1, day: 1)!, size: row.size, active: row.active,
                revenue: row.revenue)
        }
    }
}
