/// The coalition game behind `ShapleyAttribution`'s coalition variant: channels are players
/// and v(S) is computed from the journeys whose distinct channels all lie in S.
///
/// Exact values use the subset-sum (zeta) transform to get every v(S) in O(n·2ⁿ) and then the
/// Shapley formula (Shapley 1953) in another O(n·2ⁿ); sampled values average marginal
/// contributions over random permutations (Castro, Gómez & Tejada 2009), each permutation
/// costing one pass over the distinct channel sets.
struct ShapleyCoalitionGame: Sendable {
    let players: Int
    /// Distinct channel sets (sorted channel indices) with their totals.
    let sets: [[Int]]
    let conversions: [Double]
    let value: [Double]
    let journeys: [Double]
    let characteristic: ShapleyAttribution.Characteristic

    /// v for conversions and for value from the totals of the journeys inside a coalition.
    private func worth(conversions c: Double, value m: Double, journeys j: Double) -> (Double, Double) {
        switch characteristic {
        case .conversions: return (c, m)
        case .conversionRate: return j > 0 ? (c / j, m / j) : (0, 0)
        }
    }

    /// Exact Shapley values over all 2ⁿ coalitions (n = `players`, at most ~24 for memory).
    func exact() -> ([Double], [Double]) {
        let n = players
        guard n > 0 else { return ([], []) }
        let size = 1 << n
        var c = [Double](repeating: 0, count: size)
        var m = [Double](repeating: 0, count: size)
        var j = [Double](repeating: 0, count: size)
        for (k, set) in sets.enumerated() {
            let mask = set.reduce(0) { $0 | (1 << $1) }
            c[mask] += conversions[k]
            m[mask] += value[k]
            j[mask] += journeys[k]
        }
        // Zeta transform: f(S) ← Σ_{T ⊆ S} f(T).
        for bit in 0..<n {
            let b = 1 << bit
            for mask in 0..<size where mask & b != 0 {
                c[mask] += c[mask ^ b]
                m[mask] += m[mask ^ b]
                j[mask] += j[mask ^ b]
            }
        }
        var vc = [Double](repeating: 0, count: size)
        var vm = [Double](repeating: 0, count: size)
        for mask in 1..<size { (vc[mask], vm[mask]) = worth(conversions: c[mask], value: m[mask], journeys: j[mask]) }
        // w(s) = s!(n−s−1)!/n! = 1 / (n · C(n−1, s)).
        var weight = [Double](repeating: 0, count: n)
        var binomial = 1.0
        for s in 0..<n {
            weight[s] = 1 / (Double(n) * binomial)
            binomial = binomial * Double(n - 1 - s) / Double(s + 1)
        }
        var phiC = [Double](repeating: 0, count: n)
        var phiM = [Double](repeating: 0, count: n)
        for mask in 0..<size {
            let w = weight[min(mask.nonzeroBitCount, n - 1)]
            for p in 0..<n where mask & (1 << p) == 0 {
                phiC[p] += w * (vc[mask | (1 << p)] - vc[mask])
                phiM[p] += w * (vm[mask | (1 << p)] - vm[mask])
            }
        }
        return (phiC, phiM)
    }

    /// Shapley values estimated from `permutations` uniformly random orderings of the players.
    func sampled(permutations: Int, seed: UInt64) -> ([Double], [Double]) {
        let n = players
        guard n > 0, permutations > 0 else {
            return ([Double](repeating: 0, count: n), [Double](repeating: 0, count: n))
        }
        var rng = Xoshiro256StarStar(seed: seed)
        var order = Array(0..<n)
        var position = [Int](repeating: 0, count: n)
        var phiC = [Double](repeating: 0, count: n)
        var phiM = [Double](repeating: 0, count: n)
        var bucketC = [Double](repeating: 0, count: n)
        var bucketM = [Double](repeating: 0, count: n)
        var bucketJ = [Double](repeating: 0, count: n)
        for _ in 0..<permutations {
            for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, rng.nextInt(below: i + 1)) }
            for (p, player) in order.enumerated() { position[player] = p }
            for p in 0..<n { (bucketC[p], bucketM[p], bucketJ[p]) = (0, 0, 0) }
            // A journey joins the growing coalition when its last channel in the order arrives.
            for (k, set) in sets.enumerated() {
                var last = 0
                for channel in set { last = max(last, position[channel]) }
                bucketC[last] += conversions[k]
                bucketM[last] += value[k]
                bucketJ[last] += journeys[k]
            }
            var (c, m, j) = (0.0, 0.0, 0.0)
            var (previousC, previousM) = (0.0, 0.0)
            for p in 0..<n {
                c += bucketC[p]
                m += bucketM[p]
                j += bucketJ[p]
                let (vc, vm) = worth(conversions: c, value: m, journeys: j)
                phiC[order[p]] += vc - previousC
                phiM[order[p]] += vm - previousM
                (previousC, previousM) = (vc, vm)
            }
        }
        let scale = 1 / Double(permutations)
        return (phiC.map { $0 * scale }, phiM.map { $0 * scale })
    }
}
