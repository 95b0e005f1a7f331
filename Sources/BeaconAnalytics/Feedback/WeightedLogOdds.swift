import RealModule

/// Words that distinguish one group of texts from the rest: the weighted log-odds ratio with an
/// informative Dirichlet prior of Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical
/// Feature Selection and Evaluation for Identifying the Content of Political Conflict",
/// Political Analysis 16(4), 372–403, §3.5 eqs. 16–22.
///
/// With counts y of word w in the group (i) and the rest (j), totals n, and prior counts
/// α_w = α₀ · (y_w over all texts) / (n over all texts):
/// δ_w = log((y_iw + α_w) / (n_i + α₀ − y_iw − α_w)) − log((y_jw + α_w) / (n_j + α₀ − y_jw − α_w)),
/// σ²(δ_w) ≈ 1/(y_iw + α_w) + 1/(y_jw + α_w), and words are ranked by z = δ_w / σ. The prior
/// shrinks rare words toward zero, so a word seen twice does not top the list. Pure.
public enum WeightedLogOdds {
    /// One word's score for the group.
    public struct Term: Sendable, Equatable {
        public var word: String
        /// Occurrences in the group and in the rest.
        public var groupCount: Int
        public var restCount: Int
        /// δ_w, the prior-smoothed log-odds ratio.
        public var logOdds: Double
        /// z = δ_w / σ(δ_w).
        public var z: Double
    }

    /// Every word's score for `group` against `rest`, highest z first (ties by word).
    /// - Parameters:
    ///   - group: word counts of the group's texts.
    ///   - rest: word counts of the other texts.
    ///   - priorSize: α₀, the prior's total pseudo-count (Monroe et al. use the corpus size;
    ///     nil does that: α₀ = n over all texts).
    public static func terms(group: [String: Int], rest: [String: Int], priorSize: Double? = nil) -> [Term] {
        let ni = Double(group.values.reduce(0, +)), nj = Double(rest.values.reduce(0, +))
        let n = ni + nj
        guard n > 0 else { return [] }
        let alpha0 = priorSize ?? n
        var words = Set(group.keys)
        words.formUnion(rest.keys)
        var out: [Term] = []
        out.reserveCapacity(words.count)
        for word in words {
            let yi = Double(group[word] ?? 0), yj = Double(rest[word] ?? 0)
            let alpha = alpha0 * (yi + yj) / n
            guard alpha > 0 else { continue }
            let delta =
                Double.log((yi + alpha) / (ni + alpha0 - yi - alpha))
                - Double.log((yj + alpha) / (nj + alpha0 - yj - alpha))
            let variance = 1 / (yi + alpha) + 1 / (yj + alpha)
            out.append(
                Term(
                    word: word, groupCount: Int(yi), restCount: Int(yj), logOdds: delta,
                    z: delta / variance.squareRoot()))
        }
        out.sort { $0.z != $1.z ? $0.z > $1.z : $0.word < $1.word }
        return out
    }
}
