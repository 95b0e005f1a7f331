import Foundation

/// Behavioural features of every buyer as of a day, standardised: the space lookalikes are
/// found in.
///
/// Per person with a purchase on or before `asOfDay` (orders grouped as `RFMAnalysis` groups
/// them: an order with a positive net amount is a purchase):
/// - `recency_days`: days from the last purchase to the as-of day;
/// - `orders`: log(1 + purchases) (counts and money are skewed, so they are logged);
/// - `spend`: log(1 + net spend, returns subtracted, floored at 0);
/// - `average_order`: log(1 + spend / purchases);
/// - `tenure_days`: days from the first purchase to the as-of day;
/// - `category:<name>`: the share of the person's product lines in each category, when
///   categories are given.
/// Each column is then z-scored over everyone (population standard deviation); a column with
/// no spread becomes all zeros, so it can neither help nor hurt.
public struct LookalikeFeatureTable: Sendable {
    /// Feature names, one per column.
    public let names: [String]
    /// People, sorted; row `i` of `values` is `people[i]`.
    public let people: [String]
    /// Standardised values, people × features.
    public let values: [[Double]]
    /// The raw (unstandardised) values, for display.
    public let raw: [[Double]]

    /// The features of the buyers in `orders` as of `asOfDay`.
    /// - Parameter categories: per person, product lines per category (optional).
    /// - Throws: `RecommendationError` when no one bought on or before `asOfDay`.
    public init(orders: [OrderRecord], asOfDay: Int, categories: [String: [String: Double]] = [:]) throws {
        struct Buyer {
            var orders: [String: (day: Int, net: Double)] = [:]
        }
        var buyers: [String: Buyer] = [:]
        for (index, line) in orders.enumerated() where line.day <= asOfDay && line.amount.isFinite {
            let key = line.orderID ?? "#\(index)"
            let previous = buyers[line.customerID, default: Buyer()].orders[key]
            buyers[line.customerID, default: Buyer()].orders[key] = (
                min(previous?.day ?? line.day, line.day), (previous?.net ?? 0) + line.amount
            )
        }
        let categoryNames = Set(categories.values.flatMap(\.keys)).sorted()
        var people: [String] = []
        var raw: [[Double]] = []
        for (person, buyer) in buyers {
            let purchases = buyer.orders.values.filter { $0.net > 0 }
            guard let first = purchases.map(\.day).min(), let last = purchases.map(\.day).max() else { continue }
            // Sums run in key order so a run never depends on dictionary order (last-bit equal).
            let spend = max(0, buyer.orders.keys.sorted().reduce(0) { $0 + buyer.orders[$1]!.net })
            let count = Double(purchases.count)
            var row = [
                Double(asOfDay - last), Foundation.log1p(count), Foundation.log1p(spend),
                Foundation.log1p(spend / count), Double(asOfDay - first),
            ]
            let lines = categories[person] ?? [:]
            let total = lines.keys.sorted().reduce(0) { $0 + lines[$1]! }
            row += categoryNames.map { total > 0 ? (lines[$0] ?? 0) / total : 0 }
            people.append(person)
            raw.append(row)
        }
        guard !people.isEmpty else {
            throw RecommendationError(.emptyInput, field: "as_of", "no one bought on or before the as-of day")
        }
        let order = people.indices.sorted { people[$0] < people[$1] }
        self.people = order.map { people[$0] }
        self.raw = order.map { raw[$0] }
        names = ["recency_days", "orders", "spend", "average_order", "tenure_days"] + categoryNames.map { "category:\($0)" }
        values = Self.standardised(self.raw)
    }

    /// Column z-scores with the population standard deviation; constant columns become 0.
    static func standardised(_ rows: [[Double]]) -> [[Double]] {
        guard let width = rows.first?.count else { return [] }
        let n = Double(rows.count)
        var out = rows
        for f in 0..<width {
            let mean = rows.reduce(0) { $0 + $1[f] } / n
            let variance = rows.reduce(0) { $0 + ($1[f] - mean) * ($1[f] - mean) } / n
            let sd = variance.squareRoot()
            for i in rows.indices { out[i][f] = sd > 0 ? (rows[i][f] - mean) / sd : 0 }
        }
        return out
    }
}
