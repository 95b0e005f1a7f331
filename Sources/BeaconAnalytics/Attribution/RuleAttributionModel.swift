import RealModule

/// A rule-based (heuristic) attribution model: fixed weights over the touches of a journey.
///
/// Each model gives every touch of a converting journey a weight; the weights of one journey
/// sum to exactly 1, so a journey's conversions and value are split among its touches and the
/// channel totals sum to the data set's totals. Definitions follow the industry conventions
/// summarised by Kannan, Reinartz & Verhoef (2016), "The path to purchase and attribution
/// modeling", *IJRM* 33(3), and the ChannelAttribution package's `heuristic_models`
/// (first, last and linear touch agree with it exactly: linear gives 1/n to every touch, so a
/// channel seen twice gets 2/n).
///
/// Edge cases: a one-touch journey gives that touch everything in every model. U-shaped with
/// two touches splits `first : last` in proportion to their shares. W-shaped merges anchor
/// shares that fall on the same touch, and when a journey has no touch besides its anchors the
/// anchors' shares are rescaled to sum to 1. Time-decay with a non-positive or non-finite
/// half-life degenerates to last-touch (half-life → 0) or linear (half-life → ∞).
public enum RuleAttributionModel: Sendable, Hashable, Codable {
    /// All credit to the first touch.
    case firstTouch
    /// All credit to the last touch.
    case lastTouch
    /// All credit to the last touch whose channel is not `directChannel`; to the last touch
    /// when every touch is direct.
    case lastNonDirect(directChannel: String)
    /// Equal credit 1/n to each of the n touches.
    case linear
    /// Weight 2^(−age/halfLife) per touch, normalised; age as in `AttributionJourney.age(of:)`.
    case timeDecay(halfLife: Double)
    /// Position-based: `first` to the first touch, `last` to the last, the rest (1 − first −
    /// last) split evenly over the touches between (40/20/40 by default).
    case uShaped(first: Double, last: Double)
    /// First touch, lead-creation touch and last touch get `first`, `lead`, `last`; the rest
    /// (1 − first − lead − last) is split evenly over the other touches (30/30/30/10 by default).
    case wShaped(first: Double, lead: Double, last: Double)

    public static let uShapedDefault = RuleAttributionModel.uShaped(first: 0.4, last: 0.4)
    public static let wShapedDefault = RuleAttributionModel.wShaped(first: 0.3, lead: 0.3, last: 0.3)

    /// The short name used in reports and on the command line.
    public var name: String {
        switch self {
        case .firstTouch: "first"
        case .lastTouch: "last"
        case .lastNonDirect: "last_non_direct"
        case .linear: "linear"
        case .timeDecay: "time_decay"
        case .uShaped: "u_shaped"
        case .wShaped: "w_shaped"
        }
    }

    /// The weight of each touch of `journey`; they sum to 1 (empty for an empty journey).
    /// - Parameter channels: channel names, needed by last-non-direct to recognise direct.
    public func weights(for journey: AttributionJourney, channels: [String]) -> [Double] {
        let n = journey.touches.count
        guard n > 0 else { return [] }
        var w = [Double](repeating: 0, count: n)
        if n == 1 {
            w[0] = 1
            return w
        }
        switch self {
        case .firstTouch:
            w[0] = 1
        case .lastTouch:
            w[n - 1] = 1
        case .lastNonDirect(let direct):
            let index = journey.touches.lastIndex { channels[$0] != direct } ?? (n - 1)
            w[index] = 1
        case .linear:
            for i in 0..<n { w[i] = 1 / Double(n) }
        case .timeDecay(let halfLife):
            return Self.timeDecayWeights(journey, halfLife: halfLife)
        case .uShaped(let first, let last):
            if n == 2 {
                let total = first + last
                w[0] = total > 0 ? first / total : 0.5
                w[1] = 1 - w[0]
            } else {
                w[0] = first
                w[n - 1] = last
                let middle = (1 - first - last) / Double(n - 2)
                for i in 1..<(n - 1) { w[i] = middle }
            }
        case .wShaped(let first, let lead, let last):
            let leadIndex = min(max(journey.leadTouch ?? (n / 2), 0), n - 1)
            w[0] += first
            w[leadIndex] += lead
            w[n - 1] += last
            let others = (0..<n).filter { $0 != 0 && $0 != leadIndex && $0 != n - 1 }
            if others.isEmpty {
                let total = w.reduce(0, +)
                for i in 0..<n { w[i] /= total }
            } else {
                let rest = (1 - first - lead - last) / Double(others.count)
                for i in others { w[i] = rest }
            }
        }
        return w
    }

    private static func timeDecayWeights(_ journey: AttributionJourney, halfLife: Double) -> [Double] {
        let n = journey.touches.count
        let ages = (0..<n).map { journey.age(of: $0) }
        if !(halfLife > 0) {
            // Limit h → 0: everything on the youngest touch (ties share equally).
            let youngest = ages.min()!
            let count = Double(ages.filter { $0 == youngest }.count)
            return ages.map { $0 == youngest ? 1 / count : 0 }
        }
        if !halfLife.isFinite { return [Double](repeating: 1 / Double(n), count: n) }
        // Shift by the youngest age so the largest weight is 1 and nothing underflows first.
        let youngest = ages.min()!
        let raw = ages.map { Double.exp2(-($0 - youngest) / halfLife) }
        let total = raw.reduce(0, +)
        return raw.map { $0 / total }
    }

    /// Conversions and value credited to each channel of `dataset` by this model.
    public func attribute(_ dataset: AttributionDataset) -> AttributionModelResult {
        var conversions = [Double](repeating: 0, count: dataset.channels.count)
        var value = [Double](repeating: 0, count: dataset.channels.count)
        for journey in dataset.journeys where journey.conversions > 0 || journey.value != 0 {
            let w = weights(for: journey, channels: dataset.channels)
            for (i, channel) in journey.touches.enumerated() {
                conversions[channel] += journey.conversions * w[i]
                value[channel] += journey.value * w[i]
            }
        }
        return AttributionModelResult(model: name, conversions: conversions, value: value)
    }
}
