/// The one entry point for attribution: journeys (from a path file or built from live events)
/// in, every requested model side by side out.
///
/// The CLI, the HTTP API and the dashboard all call `run`; live data goes through
/// `run(events:builder:models:settings:)`, which builds journeys with
/// `AttributionJourneyBuilder` first. Pure: no I/O, no clock, randomness only from the seed.
public enum AttributionEngine {
    /// A model to run.
    public enum Model: Sendable, Hashable {
        case rule(RuleAttributionModel)
        case markov(order: Int)
        case shapley(ShapleyAttribution.Variant)

        public var name: String {
            switch self {
            case .rule(let rule): rule.name
            case .markov(let order): "markov_\(order)"
            case .shapley(let variant): ShapleyAttribution(variant: variant).name
            }
        }
    }

    /// Parameters shared by the models.
    public struct Settings: Sendable {
        /// Time-decay half-life, in the unit of the journeys' touch ages (touches for path files).
        public var halfLife: Double = 7
        public var uShaped: (first: Double, last: Double) = (0.4, 0.4)
        public var wShaped: (first: Double, lead: Double, last: Double) = (0.3, 0.3, 0.3)
        /// The channel last-non-direct skips.
        public var directChannel: String = "Direct"
        /// Order used for a bare `markov` in a model list.
        public var markovOrder: Int = 1
        public var solver = AbsorbingChainSolver()
        public var shapleyCharacteristic: ShapleyAttribution.Characteristic = .conversionRate
        public var shapleyExactChannelCap: Int = 20
        public var shapleySamples: Int = 2000
        public var seed: UInt64 = 0

        public init() {}
    }

    /// The model names `parseModels` understands.
    public static let modelNames = [
        "first", "last", "last_non_direct", "linear", "time_decay", "u_shaped", "w_shaped", "markov", "markov_1",
        "markov_2", "markov_3", "markov_4", "shapley", "shapley_ordered", "shapley_coalition",
    ]

    /// Parses a comma-separated model list such as `first,last,linear,markov,shapley`.
    /// - Throws: `AttributionInputError` naming an unknown model.
    public static func parseModels(_ list: String, settings: Settings = Settings()) throws -> [Model] {
        let names = list.split(separator: ",").map { $0.trimmingWhitespace().lowercased() }.filter { !$0.isEmpty }
        guard !names.isEmpty else {
            throw AttributionInputError(
                line: nil, column: nil, message: "no models given; choose from \(modelNames.joined(separator: ", "))")
        }
        return try names.map { name in
            switch name {
            case "first", "first_touch": return .rule(.firstTouch)
            case "last", "last_touch": return .rule(.lastTouch)
            case "last_non_direct": return .rule(.lastNonDirect(directChannel: settings.directChannel))
            case "linear": return .rule(.linear)
            case "time_decay": return .rule(.timeDecay(halfLife: settings.halfLife))
            case "u_shaped", "position":
                return .rule(.uShaped(first: settings.uShaped.first, last: settings.uShaped.last))
            case "w_shaped":
                let w = settings.wShaped
                return .rule(.wShaped(first: w.first, lead: w.lead, last: w.last))
            case "markov": return .markov(order: settings.markovOrder)
            case "markov_1", "markov_2", "markov_3", "markov_4": return .markov(order: Int(String(name.last!))!)
            case "shapley", "shapley_simplified": return .shapley(.simplified)
            case "shapley_ordered": return .shapley(.ordered)
            case "shapley_coalition": return .shapley(.coalition)
            default:
                throw AttributionInputError(
                    line: nil, column: nil,
                    message: "unknown model '\(name)'; choose from \(modelNames.joined(separator: ", "))")
            }
        }
    }

    /// Runs `models` on `dataset`.
    /// - Throws: `AttributionInputError` for an invalid Markov order or too many channels.
    public static func run(_ dataset: AttributionDataset, models: [Model], settings: Settings = Settings()) throws
        -> AttributionReport
    {
        var results: [AttributionModelResult] = []
        var markov: [MarkovAttributionResult] = []
        var shapley: [ShapleyAttributionResult] = []
        for model in models {
            switch model {
            case .rule(let rule):
                results.append(rule.attribute(dataset))
            case .markov(let order):
                let result = try MarkovChainAttribution(order: order, solver: settings.solver).attribute(dataset)
                markov.append(result)
                results.append(result.attribution)
            case .shapley(let variant):
                let result = ShapleyAttribution(
                    variant: variant, characteristic: settings.shapleyCharacteristic,
                    exactChannelCap: settings.shapleyExactChannelCap, samples: settings.shapleySamples,
                    seed: settings.seed
                ).attribute(dataset)
                shapley.append(result)
                results.append(result.attribution)
            }
        }
        return AttributionReport(
            channels: dataset.channels, journeys: dataset.journeys.count, totalConversions: dataset.totalConversions,
            totalValue: dataset.totalValue, totalNulls: dataset.totalNulls, models: results, markov: markov,
            shapley: shapley)
    }

    /// Builds journeys from live events with `builder`, then runs `models` on them.
    public static func run(
        events: [AttributionTouchEvent], builder: AttributionJourneyBuilder = AttributionJourneyBuilder(),
        models: [Model], settings: Settings = Settings()
    ) throws -> AttributionReport {
        try run(builder.journeys(from: events), models: models, settings: settings)
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
