/// Markov-chain attribution by exact removal effects.
///
/// Anderl, Becker, von Wangenheim & Schumann (2016), "Mapping the customer journey: Lessons
/// learned from graph-based online attribution modeling", *IJRM* 33(3), removal effect: fit an
/// order-k chain to the journeys (`MarkovJourneyChain`), let P be the probability of reaching
/// `(conversion)` from `(start)`, and P₋c the same probability when channel c is removed —
/// every state containing c is redirected to `(null)`. The removal effect of c is
/// RE_c = 1 − P₋c / P, and c is credited C · RE_c / Σ_d RE_d of the C observed conversions.
/// Value is treated the same way with the expected conversion value (each end state's reward
/// is its observed mean conversion value times its conversion probability), so value credits
/// sum to the observed total value.
///
/// **Exact versus simulated.** P and every P₋c are absorption probabilities, the solution of
/// the linear system (I − Q) x = r (Kemeny & Snell 1960, *Finite Markov Chains*, ch. III: B = N·R), which
/// `AbsorbingChainSolver` solves directly. The ChannelAttribution package instead simulates
/// `nsim` random walks from `(start)` and, for each converting walk, counts the channels it
/// visited; its "removal effect" of c is the share of converting walks that visited c. The
/// two agree in expectation: a walk converts with c removed exactly when it converts without
/// visiting c, so P₋c = P(convert, not visit c) and 1 − P₋c/P = P(visit c | convert). The
/// simulation therefore estimates these numbers with a standard error of order
/// √(RE(1 − RE)/conversions simulated), and also stops walks at the longest observed path
/// length, which the exact solution does not do.
public struct MarkovChainAttribution: Sendable {
    /// Chain order, 1…4.
    public var order: Int
    public var solver: AbsorbingChainSolver

    public init(order: Int = 1, solver: AbsorbingChainSolver = AbsorbingChainSolver()) {
        self.order = order
        self.solver = solver
    }

    /// The report name of the model, e.g. `markov_2`.
    public var name: String { "markov_\(order)" }

    /// Fits the chain and computes removal effects and attributed conversions and value.
    /// - Throws: `AttributionInputError` for an order outside 1…4 or too many channels.
    public func attribute(_ dataset: AttributionDataset) throws -> MarkovAttributionResult {
        let chain = try MarkovJourneyChain(dataset: dataset, order: order)
        let n = chain.stateCount
        var conversionReward = [Double](repeating: 0, count: n)
        var valueReward = [Double](repeating: 0, count: n)
        for i in 0..<n where chain.rowTotals[i] > 0 {
            conversionReward[i] = chain.conversionCounts[i] / chain.rowTotals[i]
            valueReward[i] = chain.endValues[i] / chain.rowTotals[i]
        }
        let rewards = [conversionReward, valueReward]

        let full = solver.solve(chain, rewards: rewards, blocked: [Bool](repeating: false, count: n))
        let p = full.x[0][0]
        let v = full.x[1][0]
        var sweeps = full.sweeps
        var residual = full.residual
        var method = full.method

        // States containing each channel.
        var statesOf = [[Int]](repeating: [], count: dataset.channels.count)
        for i in 1..<max(n, 1) {
            for c in Set(chain.stateChannels[i]) { statesOf[c].append(i) }
        }
        var removal = [Double](repeating: 0, count: dataset.channels.count)
        var valueRemoval = [Double](repeating: 0, count: dataset.channels.count)
        for c in dataset.channels.indices where !statesOf[c].isEmpty {
            var blocked = [Bool](repeating: false, count: n)
            for i in statesOf[c] { blocked[i] = true }
            let solution = solver.solve(chain, rewards: rewards, blocked: blocked)
            sweeps = max(sweeps, solution.sweeps)
            residual = max(residual, solution.residual)
            if solution.method == .gaussSeidel { method = .gaussSeidel }
            removal[c] = p > 0 ? Self.clamp(1 - solution.x[0][0] / p) : 0
            valueRemoval[c] = v > 0 ? Self.clamp(1 - solution.x[1][0] / v) : 0
        }

        let conversions = Self.share(dataset.totalConversions, by: removal)
        let value = Self.share(dataset.totalValue, by: valueRemoval)
        return MarkovAttributionResult(
            order: order,
            states: (0..<n).map { chain.label($0, channels: dataset.channels) },
            transitions: chain.transitions(channels: dataset.channels),
            conversionProbability: p, expectedValue: v,
            removalEffects: removal, valueRemovalEffects: valueRemoval,
            attribution: AttributionModelResult(model: name, conversions: conversions, value: value),
            solver: method.rawValue, iterations: sweeps, residual: residual)
    }

    /// Removal effects lie in [0, 1]; rounding can push an effect a few ulps outside.
    private static func clamp(_ x: Double) -> Double { min(max(x, 0), 1) }

    /// `total` shared in proportion to `weights` (all zero when the weights sum to zero).
    private static func share(_ total: Double, by weights: [Double]) -> [Double] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        return weights.map { total * $0 / sum }
    }
}
