/// When a channel works best: its effectiveness by day of the week and by month of the year,
/// relative to its own average, with intervals — "meta_ads performs best Thu–Sat".
///
/// Estimated from the fitted model as a varying-coefficient refinement (Hastie & Tibshirani
/// 1993, "Varying-coefficient models", *J. R. Statist. Soc. B* 55(4), eq. 1, with a categorical
/// modifier): the fit's residuals `r_t` are regressed on each channel's fitted contribution
/// `x_ct` times day-of-week and month indicators, beside day-of-week and month main effects (so
/// a pattern the baseline's seasonality had absorbed is taken back from it):
/// `r_t = a + Σ_d α_d [wd_t = d] + Σ_m μ_m [mo_t = m] + Σ_c x_ct (Σ_d δ_cd [wd_t = d] + Σ_m η_cm [mo_t = m]) + e_t`.
/// The interaction coefficients carry a ridge penalty (1 % of each column's sum of squares) that
/// pulls towards "no pattern". Channel `c`'s multiplier on day `d` is `1 + δ_cd` divided by its
/// contribution-weighted mean over the days, so the multipliers average 1 over the channel's own
/// revenue; months likewise. Spend that varies within weekdays and months (flights, dark weeks)
/// is what separates a channel's pattern from the baseline's.
///
/// Intervals come from a moving-block bootstrap of the regression's residuals (Künsch 1989),
/// re-estimating the multipliers on each replicate (percentile intervals, type 7). Months are
/// estimated only when the fitting window covers at least a year, days of the week only for
/// daily data. A day (month) "stands out" when its whole interval lies above (below) 1.
public struct MMMChannelSeasonality: Codable, Sendable, Equatable {
    /// One day or month.
    public struct Effect: Codable, Sendable, Equatable {
        /// `Mon` … `Sun` or `Jan` … `Dec`.
        public var label: String
        /// The channel's effectiveness then, relative to its average (1 = average).
        public var multiplier: MMMInterval
    }

    public var name: String
    /// Monday first; nil for weekly data.
    public var weekdays: [Effect]?
    /// January first; nil when the fitting window is shorter than a year.
    public var months: [Effect]?

    public static let weekdayLabels = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    public static let monthLabels = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// Days whose effectiveness is above average beyond doubt, e.g. `Thu–Sat` (nil: none).
    public var bestDays: String? { Self.span(weekdays, above: true) }
    public var worstDays: String? { Self.span(weekdays, above: false) }
    public var bestMonths: String? { Self.span(months, above: true) }
    public var worstMonths: String? { Self.span(months, above: false) }

    /// What the estimates say, in plain language.
    public var sentences: [String] {
        var out: [String] = []
        func strongest(_ effects: [Effect]?) -> String {
            guard let top = effects?.max(by: { $0.multiplier.estimate < $1.multiplier.estimate }) else { return "" }
            return " (\(top.label) ×\(Self.format(top.multiplier.estimate)) its average)"
        }
        if weekdays != nil {
            switch (bestDays, worstDays) {
            case (let best?, let worst?):
                out.append("\(name) performs best \(best)\(strongest(weekdays)) and worst \(worst).")
            case (let best?, nil): out.append("\(name) performs best \(best)\(strongest(weekdays)).")
            case (nil, let worst?): out.append("\(name) performs worst \(worst).")
            case (nil, nil): out.append("\(name): no day of the week stands out from the noise.")
            }
        }
        if months != nil {
            switch (bestMonths, worstMonths) {
            case (let best?, let worst?): out.append("\(name) performs best in \(best) and worst in \(worst).")
            case (let best?, nil): out.append("\(name) performs best in \(best).")
            case (nil, let worst?): out.append("\(name) performs worst in \(worst).")
            case (nil, nil): out.append("\(name): no month stands out from the noise.")
            }
        }
        return out
    }

    static func format(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return String(r)
    }

    /// The labels whose interval lies wholly above (below) 1, as runs: `Thu–Sat`, `Mon, Wed`.
    /// Runs wrap around (Sun–Mon, Dec–Jan).
    static func span(_ effects: [Effect]?, above: Bool) -> String? {
        guard let effects, !effects.isEmpty else { return nil }
        let hit = effects.map { above ? $0.multiplier.lower > 1 : $0.multiplier.upper < 1 }
        guard hit.contains(true) else { return nil }
        let k = effects.count
        if hit.allSatisfy({ $0 }) { return "\(effects[0].label)–\(effects[k - 1].label)" }
        // Start at a miss so a run crossing the end is read whole.
        let first = hit.firstIndex(of: false)!
        var runs: [(start: Int, text: String)] = []
        var i = 1
        while i <= k {
            let at = (first + i) % k
            guard hit[at] else {
                i += 1
                continue
            }
            var length = 1
            while i + length <= k, hit[(first + i + length) % k] { length += 1 }
            let end = (at + length - 1) % k
            runs.append((at, length == 1 ? effects[at].label : "\(effects[at].label)–\(effects[end].label)"))
            i += length
        }
        return runs.sorted { $0.start < $1.start }.map(\.text).joined(separator: ", ")
    }

    /// Estimates every channel's pattern from a fit's decomposition.
    /// - Parameters:
    ///   - decomposition: the fit's actual, fitted and per-channel contributions.
    ///   - stepDays: 1 for daily data, 7 for weekly.
    ///   - level: the intervals' coverage.
    ///   - samples: bootstrap replicates (0: no estimate).
    ///   - seed: the bootstrap's seed.
    /// - Returns: one entry per media part, in order; empty when there is nothing to estimate
    ///   (weekly data shorter than a year, no replicates, or a singular system).
    public static func estimate(
        decomposition: MMMDecomposition, stepDays: Int, level: Double = 0.9, samples: Int = 200, seed: UInt64 = 1
    ) -> [MMMChannelSeasonality] {
        let nFit = decomposition.fitCount
        let dates = decomposition.dates.prefix(nFit).compactMap { MMMCalendarDate(iso: $0) }
        // Without replicates nothing could be said to stand out.
        guard dates.count == nFit, nFit >= 28, samples > 0 else { return [] }
        let useDays = stepDays == 1
        let useMonths = dates[nFit - 1].day - dates[0].day + stepDays >= 365
        guard useDays || useMonths else { return [] }
        let media = decomposition.parts.filter { $0.kind == "media" }
        let active = media.indices.filter { c in media[c].values[0..<nFit].contains { $0 > 0 } }
        let weekday = dates.map(\.weekday)
        let month = dates.map { $0.civil.month - 1 }
        let days = useDays ? 7 : 0
        let months = useMonths ? 12 : 0
        // Columns: intercept, weekday main (Tue…Sun), month main (Feb…Dec), then per active
        // channel its weekday and month interactions.
        let mainCount = 1 + max(days - 1, 0) + max(months - 1, 0)
        let perChannel = days + months
        let q = mainCount + active.count * perChannel
        func row(_ t: Int) -> [(Int, Double)] {
            var r: [(Int, Double)] = [(0, 1)]
            if useDays, weekday[t] > 0 { r.append((weekday[t], 1)) }
            if useMonths, month[t] > 0 { r.append((max(days - 1, 0) + month[t], 1)) }
            for (i, c) in active.enumerated() {
                let x = media[c].values[t]
                guard x != 0 else { continue }
                let o = mainCount + i * perChannel
                if useDays { r.append((o + weekday[t], x)) }
                if useMonths { r.append((o + days + month[t], x)) }
            }
            return r
        }
        let rows = (0..<nFit).map(row)
        var gram = Matrix(rows: q, columns: q)
        for r in rows { for (a, u) in r { for (b, v) in r { gram[a, b] += u * v } } }
        for j in 0..<q { gram[j, j] += (j < mainCount ? 1e-9 : 0.01) * max(gram[j, j], 1e-12) }
        let y = (0..<nFit).map { decomposition.actual[$0] - decomposition.fitted[$0] }
        func solve(_ target: [Double]) -> [Double]? {
            var v = [Double](repeating: 0, count: q)
            for (t, r) in rows.enumerated() { for (a, u) in r { v[a] += u * target[t] } }
            return gram.choleskySolve(v)
        }
        guard let gamma = solve(y) else { return [] }
        // Each channel's contribution share by weekday and by month, the weights of the mean.
        func weights(_ c: Int, groups: Int, of key: [Int]) -> [Double] {
            var w = [Double](repeating: 0, count: groups)
            for t in 0..<nFit { w[key[t]] += max(media[c].values[t], 0) }
            let s = w.reduce(0, +)
            return s > 0 ? w.map { $0 / s } : w
        }
        func multipliers(_ g: [Double], channel i: Int, offset: Int, groups: Int, weights w: [Double]) -> [Double] {
            let raw = (0..<groups).map { 1 + g[mainCount + i * perChannel + offset + $0] }
            let mean = zip(raw, w).reduce(0) { $0 + $1.0 * $1.1 }
            return mean > 0 ? raw.map { $0 / mean } : raw
        }
        let dayWeights = active.map { weights($0, groups: 7, of: weekday) }
        let monthWeights = active.map { weights($0, groups: 12, of: month) }
        func all(_ g: [Double]) -> [[[Double]]] {
            active.indices.map { i in
                [
                    useDays ? multipliers(g, channel: i, offset: 0, groups: 7, weights: dayWeights[i]) : [],
                    useMonths ? multipliers(g, channel: i, offset: days, groups: 12, weights: monthWeights[i]) : [],
                ]
            }
        }
        let point = all(gamma)
        var fittedPart = [Double](repeating: 0, count: nFit)
        for (t, r) in rows.enumerated() { for (a, u) in r { fittedPart[t] += u * gamma[a] } }
        let residuals = (0..<nFit).map { y[$0] - fittedPart[$0] }
        var generator = Xoshiro256StarStar(seed: seed)
        var draws: [[[[Double]]]] = []
        var resampled = [Double](repeating: 0, count: nFit)
        for _ in 0..<samples {
            MMMBootstrap.resample(
                into: &resampled, fitted: fittedPart, residuals: residuals, rows: 0..<nFit,
                block: min(stepDays == 1 ? 14 : 4, nFit), generator: &generator)
            if let g = solve(resampled) { draws.append(all(g)) }
        }
        return media.indices.map { c in
            guard let i = active.firstIndex(of: c) else {
                return MMMChannelSeasonality(name: media[c].name, weekdays: nil, months: nil)
            }
            func effects(_ part: Int, _ labels: [String]) -> [Effect] {
                labels.indices.map { k in
                    Effect(
                        label: labels[k],
                        multiplier: MMMInterval(
                            estimate: point[i][part][k], draws: draws.map { $0[i][part][k] }, level: level))
                }
            }
            return MMMChannelSeasonality(
                name: media[c].name, weekdays: useDays ? effects(0, weekdayLabels) : nil,
                months: useMonths ? effects(1, monthLabels) : nil)
        }
    }
}
