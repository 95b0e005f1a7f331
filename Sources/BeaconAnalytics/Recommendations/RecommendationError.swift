/// An error from the recommendation and lookalike models, with a code and a message naming the
/// parameter or value at fault.
public struct RecommendationError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong; codes can grow without breaking callers that match on them.
    public enum Code: String, Sendable {
        /// No baskets, purchases or people to work on.
        case emptyInput
        /// A parameter is out of its range (support outside (0, 1], k < 1, …).
        case invalidParameter
        /// Fewer rows than the method needs (a lookalike seed of fewer than 100 people).
        case tooFewRows
    }

    public var code: Code
    /// The parameter or field at fault (`min_support`, `k`, `seed_segment`…).
    public var field: String
    public var message: String

    public init(_ code: Code, field: String, _ message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    public var description: String { message }
}
