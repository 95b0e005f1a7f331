/// A seeded, stratified split of rows into a training and a test part.
///
/// Each class keeps its share in both parts, as scikit-learn's `StratifiedShuffleSplit`
/// intends. The algorithm is fixed so another implementation can reproduce it row for row
/// (`bench/churn/sklearn_reference.py` does): one `Xoshiro256StarStar(seed:)` generator;
/// for class 0 then class 1, the row indices of that class in ascending order are shuffled
/// by Fisher–Yates (Knuth, TAOCP vol. 2, §3.4.2, Algorithm P: for `i` from `n−1` down to 1,
/// swap `i` with `nextInt(below: i+1)`); the first `floor(fraction·n + 0.5)` shuffled rows go
/// to the test part. Both parts are returned in ascending order.
public struct ChurnSplit: Sendable, Equatable {
    public var train: [Int]
    public var test: [Int]

    /// Splits the rows whose 0/1 labels are `labels`.
    /// - Parameters:
    ///   - labels: 0 or 1 per row.
    ///   - testFraction: the share of each class put in the test part, in (0, 1).
    ///   - seed: the generator seed; the same seed gives the same split.
    ///   - rows: the rows to split (all rows when nil); `labels` is indexed by row.
    public static func stratified(labels: [Double], testFraction: Double, seed: UInt64, rows: [Int]? = nil)
        -> ChurnSplit
    {
        var rng = Xoshiro256StarStar(seed: seed)
        var train: [Int] = []
        var test: [Int] = []
        let all = rows ?? Array(labels.indices)
        for cls in [0.0, 1.0] {
            var members = all.filter { labels[$0] == cls }
            if members.count > 1 {
                for i in stride(from: members.count - 1, through: 1, by: -1) {
                    members.swapAt(i, rng.nextInt(below: i + 1))
                }
            }
            let nTest = Int((testFraction * Double(members.count) + 0.5).rounded(.down))
            test += members[..<nTest]
            train += members[nTest...]
        }
        return ChurnSplit(train: train.sorted(), test: test.sorted())
    }
}
