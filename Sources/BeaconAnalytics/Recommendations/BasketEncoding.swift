/// Baskets of items encoded for itemset mining: a sorted item vocabulary and, per item, the set
/// of baskets holding it as a bit set (a vertical "tid-list").
///
/// The encoding mlxtend's `TransactionEncoder` makes, stored by column: item `i` is
/// `items[i]` (items in code-point order, as `TransactionEncoder.columns_` sorts them), and
/// bit `b` of `columns[i]` is set when basket `b` holds it. A basket counts an item once
/// however many lines carry it. Empty baskets still count towards the number of baskets, as
/// an all-false row does in mlxtend.
public struct BasketEncoding: Sendable {
    /// The item names, sorted.
    public let items: [String]
    /// How many baskets there are.
    public let basketCount: Int
    /// Per item, the baskets holding it, `basketCount` bits in 64-bit words.
    let columns: [[UInt64]]

    /// Encodes `baskets`, each a list of item names (duplicates count once).
    public init(baskets: [[String]]) {
        let vocabulary = Set(baskets.joined()).sorted()
        let index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        let words = (baskets.count + 63) / 64
        var columns = Array(repeating: [UInt64](repeating: 0, count: words), count: vocabulary.count)
        for (b, basket) in baskets.enumerated() {
            for item in basket {
                columns[index[item]!][b >> 6] |= 1 << UInt64(b & 63)
            }
        }
        items = vocabulary
        basketCount = baskets.count
        self.columns = columns
    }

    /// How many baskets hold every item of `itemset` (item indices).
    func count(_ itemset: [Int]) -> Int {
        guard let first = itemset.first else { return basketCount }
        if itemset.count == 1 { return columns[first].reduce(0) { $0 + $1.nonzeroBitCount } }
        var total = 0
        for w in 0..<columns[first].count {
            var word = columns[first][w]
            for i in itemset.dropFirst() { word &= columns[i][w] }
            total += word.nonzeroBitCount
        }
        return total
    }
}
