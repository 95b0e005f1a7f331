/// Solves for absorption rewards of a Markov journey chain: x = Q·x + r over the transient
/// states, where Q holds the transient-to-transient probabilities and r the one-step reward
/// (probability, or expected value, of moving straight into `(conversion)`).
///
/// The solution x_i is the probability (or expected value) of ending in `(conversion)` from
/// state i, the fundamental-matrix result x = (I − Q)⁻¹ r of Kemeny & Snell (1960), *Finite
/// Markov Chains*, ch. III (absorption probabilities B = N·R). Blocked states have x = 0:
/// entering one ends the journey without conversion, which is how a channel is "removed" for
/// the removal effect of Anderl et al. (2016).
///
/// Two methods, both exact to working precision:
/// - `dense`: LU with partial pivoting of I − Q (`Matrix.solve`), O(n³) per solve; used up to
///   `denseLimit` states.
/// - `gaussSeidel`: sweeps x_i ← r_i + Σ_j Q_ij x_j in place over the sparse rows until no
///   component changes by more than `tolerance` (relative to max |x|). I − Q is a nonsingular
///   M-matrix (every state reaches absorption), so the iteration converges (Varga, *Matrix
///   Iterative Analysis*, ch. 3, regular splittings of M-matrices); each sweep costs one pass
///   over the observed transitions, which keeps order-3 and order-4 chains with thousands of
///   states cheap. The result reports the sweeps and the final residual ‖x − Qx − r‖∞.
public struct AbsorbingChainSolver: Sendable {
    public enum Method: String, Sendable, Codable {
        case automatic, dense
        case gaussSeidel = "gauss-seidel"
    }

    public var method: Method
    /// `automatic` uses the dense solver up to this many transient states.
    public var denseLimit: Int
    /// Relative change per sweep at which Gauss–Seidel stops.
    public var tolerance: Double
    /// Sweep cap for Gauss–Seidel.
    public var maxSweeps: Int

    public init(
        method: Method = .automatic, denseLimit: Int = 250, tolerance: Double = 1e-14, maxSweeps: Int = 1_000_000
    ) {
        self.method = method
        self.denseLimit = denseLimit
        self.tolerance = tolerance
        self.maxSweeps = maxSweeps
    }

    /// The solution for several right-hand sides at once.
    public struct Solution: Sendable {
        /// `x[k][i]`: the solution for right-hand side k at state i.
        public var x: [[Double]]
        public var method: Method
        public var sweeps: Int
        /// ‖x − Qx − r‖∞ over all right-hand sides.
        public var residual: Double
    }

    /// Solves x = Qx + r for each r in `rewards` (indexed by state), with `blocked` states fixed at 0.
    public func solve(_ chain: MarkovJourneyChain, rewards: [[Double]], blocked: [Bool]) -> Solution {
        let useDense = method == .dense || (method == .automatic && chain.stateCount <= denseLimit)
        if useDense, let x = dense(chain, rewards: rewards, blocked: blocked) {
            return Solution(x: x, method: .dense, sweeps: 0, residual: residual(chain, x, rewards, blocked))
        }
        let (x, sweeps) = gaussSeidel(chain, rewards: rewards, blocked: blocked)
        return Solution(x: x, method: .gaussSeidel, sweeps: sweeps, residual: residual(chain, x, rewards, blocked))
    }

    private func dense(_ chain: MarkovJourneyChain, rewards: [[Double]], blocked: [Bool]) -> [[Double]]? {
        let free = (0..<chain.stateCount).filter { !blocked[$0] && chain.rowTotals[$0] > 0 }
        var position = [Int](repeating: -1, count: chain.stateCount)
        for (p, i) in free.enumerated() { position[i] = p }
        let n = free.count
        var a = Matrix.identity(n)
        var b = Matrix(rows: n, columns: rewards.count)
        for (p, i) in free.enumerated() {
            for k in chain.rowStart[i]..<chain.rowStart[i + 1] {
                let q = position[chain.columns[k]]
                if q >= 0 { a[p, q] -= chain.counts[k] / chain.rowTotals[i] }
            }
            for (m, r) in rewards.enumerated() { b[p, m] = r[i] }
        }
        guard n > 0 else { return rewards.map { _ in [Double](repeating: 0, count: chain.stateCount) } }
        guard let solved = a.solve(b) else { return nil }
        return rewards.indices.map { m in
            var x = [Double](repeating: 0, count: chain.stateCount)
            for (p, i) in free.enumerated() { x[i] = solved[p, m] }
            return x
        }
    }

    private func gaussSeidel(_ chain: MarkovJourneyChain, rewards: [[Double]], blocked: [Bool]) -> ([[Double]], Int) {
        let n = chain.stateCount
        // Probabilities once, so a sweep is multiply-adds only.
        var probability = chain.counts
        for i in 0..<n where chain.rowTotals[i] > 0 {
            for k in chain.rowStart[i]..<chain.rowStart[i + 1] { probability[k] /= chain.rowTotals[i] }
        }
        var result: [[Double]] = []
        var maxSweeps = 0
        for r in rewards {
            var x = [Double](repeating: 0, count: n)
            var sweeps = 0
            // Rows in reverse order of first appearance: later states tend to be closer to the
            // end of journeys, so their values are ready when earlier rows read them.
            while sweeps < self.maxSweeps {
                sweeps += 1
                var change = 0.0
                var scale = 0.0
                for i in stride(from: n - 1, through: 0, by: -1) where !blocked[i] && chain.rowTotals[i] > 0 {
                    var s = r[i]
                    for k in chain.rowStart[i]..<chain.rowStart[i + 1] { s += probability[k] * x[chain.columns[k]] }
                    change = max(change, abs(s - x[i]))
                    scale = max(scale, abs(s))
                    x[i] = s
                }
                if change <= tolerance * max(scale, .leastNormalMagnitude) { break }
            }
            maxSweeps = max(maxSweeps, sweeps)
            result.append(x)
        }
        return (result, maxSweeps)
    }

    private func residual(_ chain: MarkovJourneyChain, _ x: [[Double]], _ rewards: [[Double]], _ blocked: [Bool])
        -> Double
    {
        var worst = 0.0
        for (m, r) in rewards.enumerated() {
            for i in 0..<chain.stateCount where !blocked[i] && chain.rowTotals[i] > 0 {
                var s = r[i]
                for k in chain.rowStart[i]..<chain.rowStart[i + 1] {
                    s += chain.counts[k] / chain.rowTotals[i] * x[m][chain.columns[k]]
                }
                worst = max(worst, abs(x[m][i] - s))
            }
        }
        return worst
    }
}
