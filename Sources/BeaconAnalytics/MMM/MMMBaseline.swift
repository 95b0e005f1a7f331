import RealModule

/// The non-media part of the model: design columns for trend, seasonality, events and
/// controls (the intercept is fitted separately and never penalised).
///
/// - Trend: `t / (n_fit − 1)` plus piecewise-linear hinges `max(0, t − c_k)/(n_fit − 1)` at
///   `changepoints` evenly spaced knots in the first 80 % of the fitting window — the
///   changepoint trend of Prophet (Taylor & Letham 2018, "Forecasting at scale", eq. 2–3),
///   with the Laplace prior on the rate changes replaced by the ridge penalty.
/// - Seasonality: Fourier pairs `sin(2πkτ/P), cos(2πkτ/P)`, `k = 1…order` (same paper,
///   eq. 5), yearly on the day of the year (`P = 365.25`) and, for daily data, weekly on the
///   weekday (`P = 7`).
/// - Events and controls enter linearly as given.
///
/// Columns are built for the whole series (fit window plus holdout), so a holdout forecast
/// extrapolates the trend and repeats the seasonality.
public struct MMMBaseline: Codable, Sendable, Equatable {
    /// Which group of the decomposition a column belongs to.
    public enum Group: String, Codable, Sendable {
        case trend, seasonality, event, control
    }

    /// One design column.
    public struct Term: Codable, Sendable, Equatable {
        public var name: String
        public var group: Group
        public var values: [Double]
    }

    public var linearTrend: Bool
    public var changepoints: Int
    public var yearlyOrder: Int
    /// Used for daily data only.
    public var weeklyOrder: Int

    public init(linearTrend: Bool = true, changepoints: Int = 0, yearlyOrder: Int = 3, weeklyOrder: Int = 3) {
        self.linearTrend = linearTrend
        self.changepoints = changepoints
        self.yearlyOrder = yearlyOrder
        self.weeklyOrder = weeklyOrder
    }

    /// The design columns for `calendar`'s dates.
    /// - Parameters:
    ///   - fitCount: the length of the fitting window (the trend is scaled to it).
    ///   - events: event columns of the dataset.
    ///   - controls: control columns of the dataset.
    public func terms(
        calendar: MMMDataset.Calendar, fitCount: Int, events: [MMMDataset.Column], controls: [MMMDataset.Column]
    ) -> [Term] {
        let n = calendar.dates.count
        let span = Double(max(fitCount - 1, 1))
        var out: [Term] = []
        if linearTrend {
            out.append(Term(name: "trend", group: .trend, values: (0..<n).map { Double($0) / span }))
        }
        if changepoints > 0 {
            let last = 0.8 * Double(fitCount - 1)
            for k in 1...changepoints {
                let knot = last * Double(k) / Double(changepoints + 1)
                out.append(
                    Term(
                        name: "trend_change_\(k)", group: .trend,
                        values: (0..<n).map { max(0, Double($0) - knot) / span }))
            }
        }
        for k in 0..<max(0, yearlyOrder) {
            let w = 2 * Double.pi * Double(k + 1) / 365.25
            let tau = calendar.dates.map { Double($0.dayOfYear - 1) }
            out.append(Term(name: "yearly_sin_\(k + 1)", group: .seasonality, values: tau.map { Double.sin(w * $0) }))
            out.append(Term(name: "yearly_cos_\(k + 1)", group: .seasonality, values: tau.map { Double.cos(w * $0) }))
        }
        if calendar.stepDays == 1 {
            for k in 0..<min(max(0, weeklyOrder), 3) {
                let w = 2 * Double.pi * Double(k + 1) / 7
                let tau = calendar.dates.map { Double($0.weekday) }
                out.append(
                    Term(name: "weekly_sin_\(k + 1)", group: .seasonality, values: tau.map { Double.sin(w * $0) }))
                out.append(
                    Term(name: "weekly_cos_\(k + 1)", group: .seasonality, values: tau.map { Double.cos(w * $0) }))
            }
        }
        out += events.map { Term(name: $0.name, group: .event, values: $0.values) }
        out += controls.map { Term(name: $0.name, group: .control, values: $0.values) }
        return out
    }
}
