/// One channel's media effectiveness over time: its coefficient relative to its mean over the
/// fitting window, and the dates it changed.
///
/// A constant channel (the cross-validation kept it static, see `MMMTimeVaryingEffect`) has
/// `varies` false and an empty `multiplier`. A change is a run of consecutive knot-to-knot
/// steps in one direction whose total moves the multiplier by at least `minimumChange`
/// (0.15: a 15 % shift of the mean effect); its date is the middle of the run's steepest step.
public struct MMMChannelEffectiveness: Codable, Sendable, Equatable {
    /// A shift in effectiveness.
    public struct Change: Codable, Sendable, Equatable {
        /// When the change was steepest (`YYYY-MM-DD`).
        public var date: String
        /// The multiplier before and after the change.
        public var from: Double
        public var to: Double
    }

    public var varies: Bool
    /// Per period (fitting window and holdout), the coefficient over its fitting-window mean.
    public var multiplier: [Double]
    public var changes: [Change]

    public static let minimumChange = 0.15

    /// A constant channel.
    public static let constant = MMMChannelEffectiveness(varies: false, multiplier: [], changes: [])

    public init(varies: Bool, multiplier: [Double], changes: [Change]) {
        self.varies = varies
        self.multiplier = multiplier
        self.changes = changes
    }

    /// The effectiveness of a coefficient path.
    /// - Parameters:
    ///   - path: `β(t)` for every period.
    ///   - dates: the periods' dates.
    ///   - fitCount: the fitting window's length (the mean is taken over it).
    ///   - knots: the number of evenly spaced knots the path was built on.
    public init(path: [Double], dates: [String], fitCount: Int, knots: Int) {
        let mean = path[0..<fitCount].reduce(0, +) / Double(max(fitCount, 1))
        guard mean > 0 else {
            self = .constant
            return
        }
        let multiplier = path.map { $0 / mean }
        let span = Double(max(fitCount - 1, 1))
        let positions = (0..<knots).map { Int((Double($0) * span / Double(max(knots - 1, 1))).rounded()) }
        let levels = positions.map { multiplier[$0] }
        var changes: [Change] = []
        var k = 1
        while k < knots {
            let sign = levels[k] - levels[k - 1]
            guard abs(sign) > 0.01 else {
                k += 1
                continue
            }
            let start = k - 1
            var steepest = k
            while k < knots, (levels[k] - levels[k - 1]) * sign > 0, abs(levels[k] - levels[k - 1]) > 0.01 {
                if abs(levels[k] - levels[k - 1]) > abs(levels[steepest] - levels[steepest - 1]) { steepest = k }
                k += 1
            }
            if abs(levels[k - 1] - levels[start]) >= Self.minimumChange {
                let middle = (positions[steepest - 1] + positions[steepest]) / 2
                changes.append(Change(date: dates[middle], from: levels[start], to: levels[k - 1]))
            }
        }
        let range = (multiplier[0..<fitCount].max() ?? 1) - (multiplier[0..<fitCount].min() ?? 1)
        self = MMMChannelEffectiveness(varies: range >= Self.minimumChange, multiplier: multiplier, changes: changes)
    }
}

/// How the time-varying effectiveness was chosen: the knots, the cross-validated error of each
/// candidate smoothness and the one picked (see `MMMTimeVaryingEffect`).
public struct MMMEffectivenessSelection: Codable, Sendable, Equatable {
    /// A scored candidate.
    public struct Candidate: Codable, Sendable, Equatable {
        /// "static" or the smoothing penalty, e.g. "λ=10.0".
        public var label: String
        /// Mean blocked cross-validation squared error (target scaled by its mean).
        public var error: Double
    }

    public var knots: Int
    /// The chosen penalty; nil when every channel stayed static.
    public var smoothing: Double?
    public var candidates: [Candidate]
}
