/// An error in churn-model input, naming the row (file line) and column at fault.
///
/// Thrown by `ChurnFrame`, `ChurnPreprocessor` and `ChurnTraining` when the data cannot be
/// modelled: an empty table, a missing target column, a non-numeric cell in a numeric
/// column, a target with one class only. The code lets callers branch; the message is meant
/// to be shown to a person as is.
public struct ChurnError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, so the set can grow without breaking callers.
    public enum Code: String, Sendable {
        case emptyInput
        case missingColumn
        case badValue
        case badTarget
        case tooFewRows
        case incompatibleModel
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
