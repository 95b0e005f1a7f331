/// One paid channel's fitted media effect: adstock, saturation and coefficient, enough to
/// predict the revenue of any spend pattern — the piece the budget optimiser, the what-if
/// simulator and the response curves share, and that a saved model carries.
///
/// Spend is divided by `spendScale` (the channel's mean positive spend per period in the
/// fitting window) before adstock and saturation, so saturation parameters are unit-free and
/// comparable across channels: a half-saturation of 1 means half saturated at typical spend. For a spend held at `x` per period the carried-over pressure
/// settles at `x · G` (`G = adstock.steadyStateGain`), giving the steady-state response
/// `R(x) = β · S(x·G / spendScale)` per period (the response-curve convention of Robyn's
/// `robyn_response` with a constant spend). `coefficientDraws` are bootstrap replicates of
/// `β` with the hyper-parameters held fixed, used for intervals.
public struct MMMChannelResponse: Codable, Sendable, Equatable {
    public var name: String
    public var adstock: MMMAdstock
    public var saturation: MMMSaturation
    /// Revenue per unit of saturation (target units).
    public var coefficient: Double
    public var spendScale: Double
    public var coefficientDraws: [Double]

    public init(
        name: String, adstock: MMMAdstock, saturation: MMMSaturation, coefficient: Double, spendScale: Double,
        coefficientDraws: [Double] = []
    ) {
        self.name = name
        self.adstock = adstock
        self.saturation = saturation
        self.coefficient = coefficient
        self.spendScale = spendScale
        self.coefficientDraws = coefficientDraws
    }

    /// The media regressor `S(adstock(spend) / spendScale)`, one value per period.
    public func regressor(_ spend: [Double]) -> [Double] {
        adstock.apply(spend).map { saturation.value($0 / spendScale) }
    }

    /// Revenue attributed to the channel in each period of a spend series.
    public func contributions(_ spend: [Double]) -> [Double] { regressor(spend).map { coefficient * $0 } }

    /// Steady-state revenue per period at a constant spend `x` per period.
    public func response(_ x: Double) -> Double {
        coefficient * saturation.value(x * adstock.steadyStateGain / spendScale)
    }

    /// Marginal ROAS `dR/dx` at a constant spend `x` per period.
    public func marginal(_ x: Double) -> Double {
        let g = adstock.steadyStateGain / spendScale
        return coefficient * saturation.derivative(x * g) * g
    }

    /// The spend per period where the marginal response is largest (0 for concave curves).
    public var peakMarginalSpend: Double {
        saturation.inflection * spendScale / adstock.steadyStateGain
    }

    /// The steady-state response with `β` replaced by each bootstrap draw.
    public func responseDraws(_ x: Double) -> [Double] {
        let s = saturation.value(x * adstock.steadyStateGain / spendScale)
        return coefficientDraws.map { $0 * s }
    }

    /// The spend per period beyond which the marginal ROAS stays below `threshold` (the
    /// "diminishing returns point"), found by bisection on the falling branch of `dR/dx`;
    /// nil when the marginal ROAS never reaches `threshold`.
    public func spendWhereMarginal(fallsTo threshold: Double) -> Double? {
        var lo = peakMarginalSpend
        guard marginal(lo) >= threshold, coefficient > 0 else { return nil }
        var hi = max(lo, spendScale) * 2
        var doublings = 0
        while marginal(hi) >= threshold {
            lo = hi
            hi *= 2
            doublings += 1
            if doublings > 60 { return nil }
        }
        for _ in 0..<100 {
            let mid = 0.5 * (lo + hi)
            if marginal(mid) >= threshold { lo = mid } else { hi = mid }
            if hi - lo < 1e-9 * max(1, hi) { break }
        }
        return 0.5 * (lo + hi)
    }
}
