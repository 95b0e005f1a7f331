import BeaconCore
import BeaconEngine
import Foundation

/// The rule builder page's view: the segment being edited (or blank), its rule JSON and the
/// vocabulary for the pickers, handed to the builder script in `data-` attributes (escaped
/// by the template like any other value; the script parses them as JSON).
struct SegmentBuilderPage: Sendable {
    /// Empty for a new segment.
    var id: String
    var name: String
    var description: String
    /// The rule JSON (`{"all": []}` for a new segment: the builder starts with an empty group).
    var rule: String
    /// `{"traits", "computed", "events", "rfm", "personas", "predictions"}`: names for the pickers.
    var vocabulary: String
    var cancelHref: String
    var isSystem: Bool

    /// Prediction traits offered as "prediction" conditions, with their labels.
    static let predictions: [(trait: String, label: String)] = [
        ("p_alive", "P(alive)"), ("churn_risk", "Churn risk"), ("predicted_clv", "Predicted CLV"),
    ]

    init(
        id: String, name: String, description: String, rule: String, vocabulary: String,
        cancelHref: String, isSystem: Bool
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.rule = rule
        self.vocabulary = vocabulary
        self.cancelHref = cancelHref
        self.isSystem = isSystem
    }

    /// - Parameter query: `?ws=<name>` for links.
    init(segment: SegmentDefinition?, vocabulary: SegmentVocabulary, query: String) {
        id = segment?.id ?? ""
        name = segment?.name ?? ""
        description = segment?.description ?? ""
        rule = (segment?.rule ?? .object(["all": .array([])])).serialized()
        isSystem = segment?.system ?? false
        let computed = Profile.computedTraitNames.filter { $0 != "predictions_refreshed_at" && $0 != "predictions_as_of" }
        self.vocabulary = JSONValue.object([
            "traits": .array(vocabulary.traits.map(JSONValue.string)),
            "computed": .array(computed.map(JSONValue.string)),
            "events": .array(vocabulary.events.map(JSONValue.string)),
            "rfm": .array(SystemSegments.rfmSegmentNames.map(JSONValue.string)),
            "personas": .array(ClusterCondition.personaFamilies.map(JSONValue.string)),
            "predictions": .array(
                Self.predictions.map { .object(["trait": .string($0.trait), "label": .string($0.label)]) }),
        ]).serialized()
        cancelHref =
            segment.map { "/dashboard/segments/" + DashboardQuery.encode($0.id) + query } ?? "/dashboard/segments" + query
    }
}
