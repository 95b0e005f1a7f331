import RealModule

/// The seeded demo data of seed 001's "TechStyle Fashion": two years of daily revenue and
/// spend on Google Ads, Meta Ads, Email, TikTok and Affiliate, with the generating
/// parameters returned beside it so a fit can be checked against the truth.
///
/// Revenue is `organic + Σ media + noise`. Organic revenue is
/// `10,000 · (season_t + brand_t − 1) + weekday_t` with brand growing 12 % a year and the
/// seasonality index of the seed's `external_factors` table: 0.6 in July–August (the summer
/// slump), 1.5 on 1–24 December, 3.0 in Black Friday week (Thanksgiving Thursday + 6 days),
/// 1 otherwise. Paid media follow Jin et al. (2017): normalised geometric adstock (window
/// 28 days) then a Hill curve in dollars, `β · a^s / (a^s + k^s)`:
/// - Google Ads: θ 0.25, k $4,000, s 1.3, β $15,710 (marginal ROAS 1 at $5,000/day — the
///   seed's diminishing-returns point); spend $5,000 → $6,500/day.
/// - Meta Ads: θ 0.45, k $3,000, s 1, β $9,000, × 0.7 from 2021-04-26 (iOS 14.5); ≈ $3,500/day.
/// - Email: θ 0.15, k $1,500, s 1, β $32,000; two sends a week (Tue/Thu preferred), list
///   growing 2 % a month.
/// - TikTok: θ 0.6, k $8,000, s 1, β $40,000; spend growing $500 → $4,000/day.
/// - Affiliate: no carry-over, linear — revenue tracks the brand and season, spend is its 8 %
///   commission (ROAS exactly 12.5).
/// Spend of Google, Meta and TikTok follows the season partly (`0.5 + 0.5·season`), drifts
/// (log-AR(1), φ 0.9, σ 0.1) and is re-planned weekly (log-normal σ 0.3); each goes dark for
/// two weeks now and then (Google from days 200 and 500, Meta 300 and 600, TikTok 400), the
/// holdout tests that let a model tell an always-on channel's level from the baseline;
/// observation noise is N(0, $1,500²). Deterministic for a given seed.
public struct TechStyleGenerator: Sendable {
    /// The true parameters and realised totals of one channel.
    public struct ChannelTruth: Codable, Sendable, Equatable {
        public var name: String
        /// Geometric adstock rate (normalised weights, window `maxLag`).
        public var adstockRate: Double
        public var maxLag: Int
        /// Hill curve in dollars of adstocked spend; nil for a linear channel.
        public var saturation: MMMSaturation?
        /// Revenue at full saturation (or per dollar for a linear channel).
        public var coefficient: Double
        /// A multiplier on the effect from `efficiencyChangeDate` on (1 = none).
        public var efficiencyMultiplier: Double
        public var efficiencyChangeDate: String?
        /// The hidden multiplier on the effect per period, when it varies over time (the
        /// simulated families of `TechStyleGenerator.Family`); nil when it is constant or given
        /// by `efficiencyMultiplier` alone.
        public var effectiveness: [Double]? = nil
        public var totalSpend: Double
        public var totalContribution: Double
        /// Contribution / spend over the whole series.
        public var roas: Double
    }

    /// Everything the generator used.
    public struct Truth: Codable, Sendable, Equatable {
        public var seed: UInt64
        public var days: Int
        public var startDate: String
        public var organicBase: Double
        public var brandGrowthPerYear: Double
        public var noiseSD: Double
        public var channels: [ChannelTruth]
        public var totalRevenue: Double
        /// The simulated family (`TechStyleGenerator.Family`), nil for the TechStyle demo data.
        public var family: String? = nil
    }

    public var days: Int
    public var seed: UInt64
    public var start: MMMCalendarDate

    public init(
        days: Int = 730, seed: UInt64 = 1, start: MMMCalendarDate = MMMCalendarDate(year: 2021, month: 1, day: 1)
    ) {
        self.days = days
        self.seed = seed
        self.start = start
    }

    /// The seasonality index of a date (see the type's documentation).
    public static func seasonality(_ date: MMMCalendarDate) -> Double {
        let c = date.civil
        let nov1 = MMMCalendarDate(year: c.year, month: 11, day: 1)
        let thanksgiving = nov1.adding(days: (3 - nov1.weekday + 7) % 7 + 21)
        if (0..<7).contains(date.day - thanksgiving.day) { return 3.0 }
        if c.month == 7 || c.month == 8 { return 0.6 }
        if c.month == 12 && c.day <= 24 { return 1.5 }
        return 1.0
    }

    /// Generates the data set (columns `revenue`; channels `google_ads`, `meta_ads`, `email`,
    /// `tiktok`, `affiliate`; control `seasonality_index`; event `black_friday`) and its truth.
    public func generate() -> (data: MMMDataset, truth: Truth) {
        var rng = Xoshiro256StarStar(seed: seed)
        func normal() -> Double {
            let u1 = max(rng.nextDouble(), 1e-300)
            let u2 = rng.nextDouble()
            return (-2 * Double.log(u1)).squareRoot() * Double.cos(2 * Double.pi * u2)
        }
        let n = max(days, 1)
        let dates = (0..<n).map { start.adding(days: $0) }
        let season = dates.map(Self.seasonality)
        let brand = (0..<n).map { 1 + 0.12 * Double($0) / 365 }
        let weekdayEffect: [Double] = [0, -500, 0, 300, 800, 1200, -400]
        let iosDate = MMMCalendarDate(year: 2021, month: 4, day: 26)
        let lag = 28
        var spend = [[Double]](repeating: [Double](repeating: 0, count: n), count: 5)
        var walk = [0.0, 0.0, 0.0]
        var flight = [0.0, 0.0, 0.0]
        var listSize = 1.0
        for t in 0..<n {
            let follow = 0.5 + 0.5 * season[t]
            let progress = Double(t) / Double(max(n - 1, 1))
            // Spend drifts (AR(1) on the log scale) and is re-planned weekly (flighting), so
            // that each channel's spend moves independently of the others and of the season.
            if t % 7 == 0 { for k in 0..<3 { flight[k] = 0.3 * normal() } }
            for k in 0..<3 { walk[k] = 0.9 * walk[k] + 0.1 * normal() }
            spend[0][t] = max(0, (5000 + 1500 * progress) * follow * Double.exp(walk[0] + flight[0]))
            spend[1][t] = max(0, 3500 * follow * Double.exp(walk[1] + flight[1]))
            spend[3][t] = max(0, (500 + 3500 * progress) * follow * Double.exp(walk[2] + flight[2]))
            // Two-week "go dark" tests anchor each always-on curve at zero spend.
            for (k, starts) in [(0, [200, 500]), (1, [300, 600]), (3, [400])]
            where starts.contains(where: { (0..<14).contains(t - $0) }) {
                spend[k][t] = 0
            }
            if t > 0 && dates[t].civil.day == 1 { listSize *= 1.02 }
            // Two sends a week: Tuesday and Thursday most weeks, another weekday otherwise.
            let weekday = dates[t].weekday
            let preferred = weekday == 1 || weekday == 3
            let sends = preferred ? rng.nextDouble() < 0.75 : rng.nextDouble() < 0.1
            spend[2][t] = (sends ? 1800 * (0.7 + 0.6 * rng.nextDouble()) : 200 * (0.5 + rng.nextDouble())) * listSize
            let affiliateRevenue = 3000 * brand[t] * follow * Double.exp(0.2 * normal())
            spend[4][t] = 0.08 * affiliateRevenue
        }
        let names = ["google_ads", "meta_ads", "email", "tiktok", "affiliate"]
        let rates = [0.25, 0.45, 0.15, 0.6, 0]
        let curves: [MMMSaturation?] = [
            .hill(halfSaturation: 4000, slope: 1.3), .hill(halfSaturation: 3000, slope: 1),
            .hill(halfSaturation: 1500, slope: 1), .hill(halfSaturation: 8000, slope: 1), nil,
        ]
        let betas = [15710.0, 9000, 32000, 40000, 12.5]
        var contributions = [[Double]](repeating: [Double](repeating: 0, count: n), count: 5)
        for c in 0..<5 {
            let adstocked = MMMAdstock.geometric(rate: rates[c], maxLag: lag, normalized: true).apply(spend[c])
            for t in 0..<n {
                let efficiency = c == 1 && dates[t] >= iosDate ? 0.7 : 1
                let effect = curves[c].map { betas[c] * $0.value(adstocked[t]) } ?? betas[c] * adstocked[t]
                contributions[c][t] = effect * efficiency
            }
        }
        let noiseSD = 1500.0
        var revenue = [Double](repeating: 0, count: n)
        for t in 0..<n {
            var r = 10000 * (season[t] + brand[t] - 1) + weekdayEffect[dates[t].weekday] + noiseSD * normal()
            for c in 0..<5 { r += contributions[c][t] }
            revenue[t] = max(0, r)
        }
        let channels = (0..<5).map { c -> ChannelTruth in
            let s = spend[c].reduce(0, +)
            let e = contributions[c].reduce(0, +)
            return ChannelTruth(
                name: names[c], adstockRate: rates[c], maxLag: lag, saturation: curves[c], coefficient: betas[c],
                efficiencyMultiplier: c == 1 ? 0.7 : 1, efficiencyChangeDate: c == 1 ? iosDate.description : nil,
                totalSpend: s, totalContribution: e, roas: s > 0 ? e / s : 0)
        }
        let data = MMMDataset(
            dates: dates.map(\.description), targetName: "revenue", target: revenue,
            channels: (0..<5).map { MMMDataset.Column(name: names[$0], values: spend[$0]) },
            controls: [MMMDataset.Column(name: "seasonality_index", values: season)],
            events: [MMMDataset.Column(name: "black_friday", values: season.map { $0 == 3 ? 1 : 0 })])
        let truth = Truth(
            seed: seed, days: n, startDate: start.description, organicBase: 10000, brandGrowthPerYear: 0.12,
            noiseSD: noiseSD, channels: channels, totalRevenue: revenue.reduce(0, +))
        return (data, truth)
    }
}
