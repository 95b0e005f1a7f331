import BeaconCore

/// A recommendation request that cannot be carried out, naming the field at fault (`k`,
/// `strategy`, `min_support`, `metric`…): what the API turns into a 400 problem.
public struct RecommendationRequestError: RequestRefusal, Sendable, Equatable {
    public var field: String
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { reason }
    public var detail: String { reason }
    public var kind: RequestRefusalKind { .invalid }
}
