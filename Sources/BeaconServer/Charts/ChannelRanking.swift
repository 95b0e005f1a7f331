/// Which channels a chart or table names and which it sums as "Other": the largest by revenue
/// (ties by name), at most `shownCount`. The overview's weekly chart and the report's monthly
/// history rank channels the same way here.
enum ChannelRanking {
    /// Channels named before the rest are summed as "Other" (a readable number of series).
    static let shownCount = 6

    /// `totals` (revenue per channel) split into the channels shown, largest first, and the others.
    static func split(_ totals: [String: Double], shown count: Int = shownCount) -> (shown: [String], others: [String]) {
        let ranked = totals.sorted { $0.value == $1.value ? $0.key < $1.key : $0.value > $1.value }.map(\.key)
        return (Array(ranked.prefix(count)), Array(ranked.dropFirst(count)))
    }
}
