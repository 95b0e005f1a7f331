/// One customer journey (or a group of identical journeys): the ordered marketing touches and
/// what came of them.
///
/// This is the common input of every attribution model. A row of a ChannelAttribution path
/// file becomes one journey with its conversion, value and null counts; a journey built from
/// live events (`AttributionJourneyBuilder`) has one conversion or one null and the time from
/// each touch to the conversion, which time-decay attribution uses.
public struct AttributionJourney: Sendable, Hashable, Codable {
    /// Channel indices into `AttributionDataset.channels`, oldest touch first. Never empty.
    public var touches: [Int]
    /// Conversions that followed this path (a count, ≥ 0; may be fractional in aggregated data).
    public var conversions: Double
    /// Total conversion value (revenue) of those conversions.
    public var value: Double
    /// Journeys along this path that did not convert.
    public var nulls: Double
    /// Age of each touch at the end of the journey (conversion time − touch time), in the unit
    /// the time-decay half-life is given in; nil means "count touches": the last touch has
    /// age 0, the one before it age 1, and so on.
    public var touchAges: [Double]?
    /// Index into `touches` of the lead-creation touch (the W-shaped model's middle anchor);
    /// nil when unknown, in which case the W-shaped model uses the middle touch.
    public var leadTouch: Int?

    public init(
        touches: [Int], conversions: Double, value: Double = 0, nulls: Double = 0,
        touchAges: [Double]? = nil, leadTouch: Int? = nil
    ) {
        self.touches = touches
        self.conversions = conversions
        self.value = value
        self.nulls = nulls
        self.touchAges = touchAges
        self.leadTouch = leadTouch
    }

    /// The age of touch `index`: from `touchAges` when known, else its distance in touches from
    /// the last touch.
    public func age(of index: Int) -> Double {
        if let ages = touchAges, index < ages.count { return ages[index] }
        return Double(touches.count - 1 - index)
    }
}

/// A set of journeys over a named list of channels: what every attribution model consumes.
///
/// Channels are interned to indices so that models work on small integers; the names are kept
/// once here and in every result, in the order they were first seen.
public struct AttributionDataset: Sendable, Codable {
    /// Channel names; `AttributionJourney.touches` index into this array.
    public var channels: [String]
    public var journeys: [AttributionJourney]

    public init(channels: [String], journeys: [AttributionJourney]) {
        self.channels = channels
        self.journeys = journeys
    }

    /// A data set from journeys whose touches are given by channel name (names are interned in
    /// order of first appearance).
    public init(
        namedJourneys: [(channels: [String], conversions: Double, value: Double, nulls: Double)]
    ) {
        var interner = AttributionChannelInterner()
        journeys = namedJourneys.map { row in
            AttributionJourney(
                touches: row.channels.map { interner.index(of: $0) }, conversions: row.conversions,
                value: row.value, nulls: row.nulls)
        }
        channels = interner.names
    }

    /// Σ conversions over all journeys.
    public var totalConversions: Double { journeys.reduce(0) { $0 + $1.conversions } }
    /// Σ conversion value over all journeys.
    public var totalValue: Double { journeys.reduce(0) { $0 + $1.value } }
    /// Σ non-converting journeys.
    public var totalNulls: Double { journeys.reduce(0) { $0 + $1.nulls } }
}

/// Maps channel names to dense indices in order of first appearance.
public struct AttributionChannelInterner: Sendable {
    public private(set) var names: [String] = []
    private var indices: [String: Int] = [:]

    public init() {}

    /// The index of `name`, adding it when new.
    public mutating func index(of name: String) -> Int {
        if let i = indices[name] { return i }
        let i = names.count
        indices[name] = i
        names.append(name)
        return i
    }
}
