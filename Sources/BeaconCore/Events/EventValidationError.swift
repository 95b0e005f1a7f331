/// Why a tracking call was refused, naming the field (and, in a batch, the event's index).
///
/// Rendered by the server as an `application/problem+json` 400 response and by the CLI
/// importer as a line-numbered message.
public struct EventValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The JSON field at fault, e.g. `userId` or `timestamp`.
    public var field: String
    /// What is wrong with it.
    public var reason: String
    /// The index of the event within a batch, when the call was a batch.
    public var index: Int?

    public init(field: String, reason: String, index: Int? = nil) {
        self.field = field
        self.reason = reason
        self.index = index
    }

    /// The same error located at `index` in a batch.
    public func at(index: Int) -> EventValidationError {
        EventValidationError(field: field, reason: reason, index: index)
    }

    /// The field's path as a person would write it: `batch[3].userId`.
    public var pointer: String {
        index.map { "batch[\($0)].\(field)" } ?? field
    }

    public var description: String { "\(pointer): \(reason)" }
}
