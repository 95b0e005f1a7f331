/// The settings of a marketing-mix fit: transform families, baseline, search, validation
/// and bootstrap. Every field has a default that suits daily or weekly data.
public struct MMMSpecification: Codable, Sendable, Equatable {
    /// The adstock family searched for every channel.
    public enum AdstockKind: String, Codable, Sendable, CaseIterable {
        /// Normalised geometric (pymc-marketing's default).
        case geometric
        /// Geometric without normalisation (Robyn's "geometric").
        case geometricUnnormalized = "geometric-unnormalized"
        case delayed
        case weibullCDF = "weibull-cdf"
        case weibullPDF = "weibull-pdf"
    }

    /// The saturation family searched for every channel.
    public enum SaturationKind: String, Codable, Sendable, CaseIterable {
        case hill
        case logistic
        case michaelisMenten = "michaelis-menten"
    }

    public var adstock: AdstockKind
    public var saturation: SaturationKind
    /// Longest adstock lag in periods; nil picks 28 days / 8 weeks, or the whole series for
    /// Weibull adstock (as Robyn).
    public var maxLag: Int?
    public var baseline: MMMBaseline
    /// The last periods kept out of the fit and forecast (0 = none).
    public var holdoutPeriods: Int
    /// The share of the fitting window, at its end, used to score hyper-parameters
    /// (Robyn's `ts_validation` split: fit on the periods before, score NRMSE on these);
    /// 0 (Robyn's default) scores in-sample.
    public var validationFraction: Double
    /// The weight of DECOMP.RSSD added to NRMSE in the search objective. Robyn treats the two
    /// as a Pareto front and a weighted sum picks one point of it. The default 0 selects on
    /// NRMSE alone: on the TechStyle data with known truth a weight of 0.1 pulled effect
    /// shares towards spend shares and every channel's ROAS away from the truth (e.g. Email
    /// 4.9 against a true 9.9), while 0 recovers them (see `MMMGeneratorRecoveryTests`).
    /// DECOMP.RSSD is reported either way.
    public var rssdWeight: Double
    /// Differential-evolution population and generations.
    public var population: Int
    public var generations: Int
    public var seed: UInt64
    /// Bootstrap replicates for intervals (0 = none).
    public var bootstrapSamples: Int
    /// The coverage of reported intervals.
    public var intervalLevel: Double
    /// Periods at the end of the fitting window whose mean spend is the "current" spend
    /// (nil: 90 days or 13 weeks).
    public var currentPeriods: Int?
    /// The marginal ROAS that marks the diminishing-returns point.
    public var diminishingReturnsThreshold: Double
    /// Knots of the time-varying effectiveness paths (`MMMTimeVaryingEffect`): nil picks one
    /// per two months of data (4…16, none under 180 days); 0 fits static effects only.
    public var effectKnots: Int?

    public init(
        adstock: AdstockKind = .geometric, saturation: SaturationKind = .hill, maxLag: Int? = nil,
        baseline: MMMBaseline = MMMBaseline(), holdoutPeriods: Int = 0, validationFraction: Double = 0,
        rssdWeight: Double = 0, population: Int = 40, generations: Int = 150, seed: UInt64 = 1,
        bootstrapSamples: Int = 200, intervalLevel: Double = 0.9, currentPeriods: Int? = nil,
        diminishingReturnsThreshold: Double = 1, effectKnots: Int? = nil
    ) {
        self.adstock = adstock
        self.saturation = saturation
        self.maxLag = maxLag
        self.baseline = baseline
        self.holdoutPeriods = holdoutPeriods
        self.validationFraction = validationFraction
        self.rssdWeight = rssdWeight
        self.population = population
        self.generations = generations
        self.seed = seed
        self.bootstrapSamples = bootstrapSamples
        self.intervalLevel = intervalLevel
        self.currentPeriods = currentPeriods
        self.diminishingReturnsThreshold = diminishingReturnsThreshold
        self.effectKnots = effectKnots
    }

    /// The knots of the effectiveness paths for a fitting window of `fitCount` periods (0: static).
    func resolvedEffectKnots(fitCount: Int, stepDays: Int) -> Int {
        if let effectKnots { return effectKnots >= 3 ? min(effectKnots, fitCount / 4) : 0 }
        let days = fitCount * stepDays
        guard days >= 180 else { return 0 }
        return min(16, max(4, days / 61 + 1))
    }

    /// The search box for one channel's hyper-parameters: adstock parameters then
    /// saturation parameters, the latter in units of the channel's mean spend: Hill
    /// half-saturation 0.3…10 with slope 0.5…2, logistic λ 0.05…3, Michaelis–Menten 0.3…10.
    /// Curves that saturate well below typical spend are excluded on purpose: they turn the
    /// regressor into a near-constant the intercept can trade with, leaving ROAS unidentified.
    func channelBounds(maxLag: Int) -> (lower: [Double], upper: [Double]) {
        var lo: [Double] = []
        var hi: [Double] = []
        switch adstock {
        case .geometric, .geometricUnnormalized:
            lo += [0]
            hi += [0.9]
        case .delayed:
            lo += [0, 0]
            hi += [0.9, Double(maxLag) / 2]
        case .weibullCDF:
            lo += [0.0001, 0]
            hi += [2, 0.1]
        case .weibullPDF:
            lo += [0.0001, 0]
            hi += [10, 0.1]
        }
        switch saturation {
        case .hill:
            lo += [0.3, 0.5]
            hi += [10, 2]
        case .logistic:
            lo += [0.05]
            hi += [3]
        case .michaelisMenten:
            lo += [0.3]
            hi += [10]
        }
        return (lo, hi)
    }

    /// The transforms for one channel's slice of the search vector.
    func transforms(_ p: ArraySlice<Double>, maxLag: Int) -> (MMMAdstock, MMMSaturation) {
        var i = p.startIndex
        func next() -> Double {
            defer { i += 1 }
            return p[i]
        }
        let adstock: MMMAdstock
        switch self.adstock {
        case .geometric: adstock = .geometric(rate: next(), maxLag: maxLag, normalized: true)
        case .geometricUnnormalized: adstock = .geometric(rate: next(), maxLag: maxLag, normalized: false)
        case .delayed: adstock = .delayed(rate: next(), peak: next(), maxLag: maxLag, normalized: true)
        case .weibullCDF: adstock = .weibullCDF(shape: next(), scale: next(), maxLag: maxLag)
        case .weibullPDF: adstock = .weibullPDF(shape: next(), scale: next(), maxLag: maxLag)
        }
        let saturation: MMMSaturation
        switch self.saturation {
        case .hill:
            let k = next()
            saturation = .hill(halfSaturation: k, slope: next())
        case .logistic: saturation = .logistic(lambda: next())
        case .michaelisMenten: saturation = .michaelisMenten(halfSaturation: next())
        }
        return (adstock, saturation)
    }

    /// The adstock window for a series of `count` periods `stepDays` apart.
    func resolvedMaxLag(count: Int, stepDays: Int) -> Int {
        if let maxLag { return max(1, min(maxLag, count)) }
        switch adstock {
        case .weibullCDF, .weibullPDF: return count
        default: return stepDays == 1 ? 28 : 8
        }
    }

    /// The log10 range searched for the ridge penalty λ.
    static let log10LambdaRange: ClosedRange<Double> = -5 ... -1
}
