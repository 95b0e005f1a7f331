/// Why a journey, a version or a mapping between versions was refused, naming the node and field.
///
/// `field` is a path into the definition (`steps[w1].seconds`, `trigger.segment`, `mapping[s2]`),
/// so the builder, the API and the command line can point at the exact place.
public struct JourneyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of refusal it is.
    public enum Code: String, Sendable {
        /// The definition or the request is malformed.
        case invalid
        /// No journey, version or step of that name.
        case notFound
        /// The journey is not in a state that allows the operation (publish a paused one, roll back v1).
        case conflict
    }

    public var code: Code
    /// The path of the offending node or field.
    public var field: String
    public var reason: String

    public init(_ code: Code = .invalid, field: String, _ reason: String) {
        self.code = code
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field) \(reason)" }
}
