import RealModule

extension TechStyleGenerator {
    /// A family of simulated data sets with known truth, each built to break one assumption
    /// of a static marketing-mix model (the checks issue 20 asks for).
    public enum Family: String, Codable, Sendable, CaseIterable {
        /// Each channel's effect is scaled by a hidden, smooth multiplier between 0.5 and 1.5:
        /// Google Ads follows one slow sine wave, Meta Ads loses 40 % over a month at a seeded
        /// date (an iOS 14.5-like shock), TikTok improves steadily from 0.6 to 1.4.
        case timeVarying = "time-varying"
        /// The same spend and baseline as `timeVarying` with every multiplier 1: a static truth.
        case constantEffect = "constant"
        /// A demand index `d_t` (AR(1), φ 0.97, sd 0.3) drives spend (`× e^{1.2 d}`) and sales
        /// (`+ $8,000 · d`); it is given as the control `demand_index`.
        case confounded = "confounder"
        /// Strong seasonality (summer slump 0.6, December 1.5, Black Friday week 3 × baseline)
        /// with spend following it closely; the holidays are given as events, the season is not.
        case seasonal = "seasonality"
        /// The three channels' spend shares one common factor (log-spend correlation about 0.8)
        /// and none of them ever goes dark.
        case correlated = "correlated"
    }

    /// The names of the simulated channels.
    public static let familyChannels = ["google_ads", "meta_ads", "tiktok"]

    /// Generates one seeded data set of `family` with its truth.
    ///
    /// Revenue is `organic_t + Σ_c m_c(t) · β_c · Hill(adstock_c(x_c))_t + ε_t`: the model of
    /// Jin et al. (2017), "Bayesian Methods for Media Mix Modeling with Carryover and Shape
    /// Effects", eq. 4, with a time-varying multiplier `m_c(t)` on each channel's effect as in
    /// the time-varying-coefficient MMM of Ng, Wang & Dai (2021), "Bayesian Time Varying
    /// Coefficient Model with Applications to Marketing Mix Modeling" (arXiv:2106.03322, eq. 1).
    /// Channels (normalised geometric adstock, window 28 days, Hill curve in dollars):
    /// Google Ads θ 0.3, k $4,000, s 1.2, β $16,000, about $5,000/day; Meta Ads θ 0.5, k $3,000,
    /// s 1, β $9,000, about $3,000/day; TikTok θ 0.6, k $5,000, s 1, β $14,000, about
    /// $2,500/day. Organic revenue is `10,000 · (season_t + brand_t − 1) + weekday_t`, brand
    /// growing 12 % a year; the season is a mild yearly wave (±10 %) except in `seasonal`,
    /// where it is `TechStyleGenerator.seasonality`. Spend drifts (log-AR(1), φ 0.9, σ 0.1), is
    /// re-planned weekly (log-normal σ 0.3) and, except in `correlated`, goes dark for two
    /// weeks twice a year per channel. Noise is N(0, $1,500²). Deterministic for a seed; the
    /// family's own seed stream is separate from the demo's, so seed 1 of each family differs.
    public func generate(family: Family) -> (data: MMMDataset, truth: Truth) {
        var rng = Xoshiro256StarStar(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(Family.allCases.firstIndex(of: family)!))
        func normal() -> Double {
            let u1 = max(rng.nextDouble(), 1e-300)
            let u2 = rng.nextDouble()
            return (-2 * Double.log(u1)).squareRoot() * Double.cos(2 * Double.pi * u2)
        }
        let n = max(days, 28)
        let dates = (0..<n).map { start.adding(days: $0) }
        let season: [Double] =
            family == .seasonal
            ? dates.map(Self.seasonality)
            : dates.map { 1 + 0.1 * Double.sin(2 * Double.pi * Double($0.dayOfYear) / 365.25) }
        let brand = (0..<n).map { 1 + 0.12 * Double($0) / 365 }
        let weekdayEffect: [Double] = [0, -500, 0, 300, 800, 1200, -400]
        let names = Self.familyChannels
        let levels = [5000.0, 3000, 2500]
        let rates = [0.3, 0.5, 0.6]
        let curves: [MMMSaturation] = [
            .hill(halfSaturation: 4000, slope: 1.2), .hill(halfSaturation: 3000, slope: 1),
            .hill(halfSaturation: 5000, slope: 1),
        ]
        let betas = [16000.0, 9000, 14000]
        let lag = 28

        // The demand index of the confounded family: log-AR(1) with φ 0.97 and stationary sd 0.3.
        var demand = [Double](repeating: 0, count: n)
        var d = 0.0
        for t in 0..<n {
            d = 0.97 * d + 0.3 * (1 - 0.97 * 0.97).squareRoot() * normal()
            demand[t] = d
        }
        // The common factor of the correlated family, re-drawn weekly (AR(1), φ 0.5, stationary sd 0.35).
        var common = [Double](repeating: 0, count: n)
        var f = 0.0
        for t in 0..<n {
            if t % 7 == 0 { f = 0.5 * f + 0.3 * normal() }
            common[t] = f
        }
        let darkStarts: [[Int]] = (0..<3).map { c in
            stride(from: 120 + 60 * c, to: n - 14, by: 182).map { $0 + rng.nextInt(below: 30) }
        }
        var spend = [[Double]](repeating: [Double](repeating: 0, count: n), count: 3)
        var walk = [0.0, 0.0, 0.0]
        var flight = [0.0, 0.0, 0.0]
        for t in 0..<n {
            if t % 7 == 0 { for k in 0..<3 { flight[k] = 0.3 * normal() } }
            for k in 0..<3 { walk[k] = 0.9 * walk[k] + 0.1 * normal() }
            for c in 0..<3 {
                var logSpend = walk[c] + flight[c]
                var follow = 0.5 + 0.5 * season[t]
                switch family {
                case .confounded: logSpend += 1.2 * demand[t]
                case .seasonal: follow = 0.2 + 0.8 * season[t]
                case .correlated: logSpend += 2 * common[t]
                case .timeVarying, .constantEffect: break
                }
                spend[c][t] = levels[c] * follow * Double.exp(logSpend)
                if family != .correlated, darkStarts[c].contains(where: { (0..<14).contains(t - $0) }) {
                    spend[c][t] = 0
                }
            }
        }
        let shock = n / 4 + rng.nextInt(below: max(1, n / 2))
        let phase = 2 * Double.pi * rng.nextDouble()
        func multiplier(_ c: Int, _ t: Int) -> Double {
            guard family == .timeVarying else { return 1 }
            let u = Double(t) / Double(max(n - 1, 1))
            switch c {
            case 0: return 1 + 0.45 * Double.sin(2 * Double.pi * u + phase)
            case 1: return 1.2 - 0.6 / (1 + Double.exp(-Double(t - shock) / 7))
            default: return 0.6 + 0.8 * u
            }
        }
        var contributions = [[Double]](repeating: [Double](repeating: 0, count: n), count: 3)
        var effectiveness = [[Double]](repeating: [Double](repeating: 1, count: n), count: 3)
        for c in 0..<3 {
            let adstocked = MMMAdstock.geometric(rate: rates[c], maxLag: lag, normalized: true).apply(spend[c])
            for t in 0..<n {
                effectiveness[c][t] = multiplier(c, t)
                contributions[c][t] = effectiveness[c][t] * betas[c] * curves[c].value(adstocked[t])
            }
        }
        let noiseSD = 1500.0
        var revenue = [Double](repeating: 0, count: n)
        for t in 0..<n {
            var r = 10000 * (season[t] + brand[t] - 1) + weekdayEffect[dates[t].weekday] + noiseSD * normal()
            if family == .confounded { r += 8000 * demand[t] }
            for c in 0..<3 { r += contributions[c][t] }
            revenue[t] = max(0, r)
        }
        let channels = (0..<3).map { c -> ChannelTruth in
            let s = spend[c].reduce(0, +)
            let e = contributions[c].reduce(0, +)
            return ChannelTruth(
                name: names[c], adstockRate: rates[c], maxLag: lag, saturation: curves[c], coefficient: betas[c],
                efficiencyMultiplier: 1, efficiencyChangeDate: nil,
                effectiveness: family == .timeVarying ? effectiveness[c] : nil, totalSpend: s, totalContribution: e,
                roas: s > 0 ? e / s : 0)
        }
        var controls: [MMMDataset.Column] = []
        var events: [MMMDataset.Column] = []
        switch family {
        case .confounded:
            controls.append(MMMDataset.Column(name: "demand_index", values: demand))
        case .seasonal:
            events.append(MMMDataset.Column(name: "black_friday", values: season.map { $0 == 3 ? 1 : 0 }))
            events.append(MMMDataset.Column(name: "christmas", values: season.map { $0 == 1.5 ? 1 : 0 }))
        default: break
        }
        let data = MMMDataset(
            dates: dates.map(\.description), targetName: "revenue", target: revenue,
            channels: (0..<3).map { MMMDataset.Column(name: names[$0], values: spend[$0]) }, controls: controls,
            events: events)
        let truth = Truth(
            seed: seed, days: n, startDate: start.description, organicBase: 10000, brandGrowthPerYear: 0.12,
            noiseSD: noiseSD, channels: channels, totalRevenue: revenue.reduce(0, +), family: family.rawValue)
        return (data, truth)
    }
}
