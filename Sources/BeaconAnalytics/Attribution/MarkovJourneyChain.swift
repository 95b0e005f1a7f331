/// The order-k Markov chain fitted to a set of journeys, with `(start)`, `(conversion)` and
/// `(null)` states, stored sparsely.
///
/// Construction follows Anderl, Becker, von Wangenheim & Schumann (2016), "Mapping the
/// customer journey: Lessons learned from graph-based online attribution modeling", *IJRM*
/// 33(3) (their graph of channel states), and matches the ChannelAttribution package exactly so the two can be
/// compared: a state of order k is a window of k consecutive channels of a journey (a journey
/// shorter than k is one state holding all of it); consecutive repeats of the same state are
/// collapsed (so an order-1 chain has no self-loops); every transition of a journey is counted
/// with weight conversions + nulls, the last state moves to `(conversion)` with weight
/// conversions and to `(null)` with weight nulls; probabilities are the maximum-likelihood
/// row-normalised counts.
///
/// States are identified by up to four channel indices packed 16 bits each into a `UInt64`,
/// so a data set may have at most 65,534 channels.
public struct MarkovJourneyChain: Sendable {
    /// The largest supported order.
    public static let maxOrder = 4
    /// The largest supported number of channels (indices are packed 16 bits each).
    public static let maxChannels = 65_534

    public let order: Int
    /// Number of transient states including `(start)` (state 0).
    public let stateCount: Int
    /// The channels of each transient state (empty for `(start)`).
    public let stateChannels: [[Int]]
    /// Row `i`'s transitions to transient states are `columns[rowStart[i]..<rowStart[i+1]]` with
    /// weighted counts `counts[…]`.
    public let rowStart: [Int]
    public let columns: [Int]
    public let counts: [Double]
    /// Weighted counts into `(conversion)` and `(null)`, and the total out of each state.
    public let conversionCounts: [Double]
    public let nullCounts: [Double]
    public let rowTotals: [Double]
    /// Σ value of the conversions whose journey ended in each state.
    public let endValues: [Double]

    /// Fits the chain.
    /// - Throws: `AttributionInputError` when the order is outside 1…4 or there are too many
    ///   channels.
    public init(dataset: AttributionDataset, order: Int) throws {
        guard (1...Self.maxOrder).contains(order) else {
            throw AttributionInputError(line: nil, column: nil, message: "Markov order must be 1…4, not \(order)")
        }
        guard dataset.channels.count <= Self.maxChannels else {
            throw AttributionInputError(
                line: nil, column: nil, message: "at most \(Self.maxChannels) channels are supported")
        }
        self.order = order
        var ids: [UInt64: Int] = [:]
        var channelsOf: [[Int]] = [[]]
        var edges: [UInt64: Double] = [:]
        var conv: [Double] = [0]
        var null: [Double] = [0]
        var value: [Double] = [0]
        var sequence: [Int] = []
        for journey in dataset.journeys {
            let weight = journey.conversions + journey.nulls
            guard weight > 0, !journey.touches.isEmpty else { continue }
            let touches = journey.touches
            let windows = touches.count <= order ? 1 : touches.count - order + 1
            sequence.removeAll(keepingCapacity: true)
            for start in 0..<windows {
                let end = min(start + order, touches.count)
                var key: UInt64 = 0
                for t in start..<end { key |= UInt64(touches[t] + 1) << (16 * UInt64(t - start)) }
                let id: Int
                if let known = ids[key] {
                    id = known
                } else {
                    id = channelsOf.count
                    ids[key] = id
                    channelsOf.append(Array(touches[start..<end]))
                    conv.append(0)
                    null.append(0)
                    value.append(0)
                }
                if sequence.last != id { sequence.append(id) }
            }
            var previous = 0
            for id in sequence {
                edges[UInt64(previous) << 32 | UInt64(id), default: 0] += weight
                previous = id
            }
            conv[previous] += journey.conversions
            null[previous] += journey.nulls
            value[previous] += journey.value
        }
        stateCount = channelsOf.count
        stateChannels = channelsOf
        conversionCounts = conv
        nullCounts = null
        endValues = value

        // Compressed sparse rows, columns sorted within a row for reproducible sums.
        let sortedEdges = edges.sorted { $0.key < $1.key }
        var starts = [Int](repeating: 0, count: stateCount + 1)
        var cols: [Int] = []
        var weights: [Double] = []
        cols.reserveCapacity(sortedEdges.count)
        weights.reserveCapacity(sortedEdges.count)
        for (key, weight) in sortedEdges {
            starts[Int(key >> 32) + 1] += 1
            cols.append(Int(key & 0xFFFF_FFFF))
            weights.append(weight)
        }
        for i in 0..<stateCount { starts[i + 1] += starts[i] }
        rowStart = starts
        columns = cols
        counts = weights
        var totals = [Double](repeating: 0, count: stateCount)
        for i in 0..<stateCount {
            totals[i] = conv[i] + null[i]
            for k in starts[i]..<starts[i + 1] { totals[i] += weights[k] }
        }
        rowTotals = totals
    }

    /// The label of state `i`: `(start)` or its channel names joined by `>`.
    public func label(_ i: Int, channels: [String]) -> String {
        i == 0 ? "(start)" : stateChannels[i].map { channels[$0] }.joined(separator: ">")
    }

    /// Every observed transition with its count and probability.
    public func transitions(channels: [String]) -> [MarkovAttributionResult.Transition] {
        var out: [MarkovAttributionResult.Transition] = []
        for i in 0..<stateCount where rowTotals[i] > 0 {
            let from = label(i, channels: channels)
            for k in rowStart[i]..<rowStart[i + 1] {
                out.append(
                    .init(
                        from: from, to: label(columns[k], channels: channels), count: counts[k],
                        probability: counts[k] / rowTotals[i]))
            }
            if conversionCounts[i] > 0 {
                out.append(
                    .init(
                        from: from, to: "(conversion)", count: conversionCounts[i],
                        probability: conversionCounts[i] / rowTotals[i]))
            }
            if nullCounts[i] > 0 {
                out.append(
                    .init(
                        from: from, to: "(null)", count: nullCounts[i], probability: nullCounts[i] / rowTotals[i]))
            }
        }
        return out
    }
}
