/// An error from the segmentation models (RFM, k-means, cohorts), with a code and a message
/// naming the parameter or value at fault.
public struct SegmentationError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong; codes can grow without breaking callers that match on them.
    public enum Code: String, Sendable {
        /// No rows, customers or points to work on.
        case emptyInput
        /// Fewer customers or points than the method needs (e.g. quantile scoring needs 2).
        case tooFewRows
        /// A parameter is out of its range (k < 1, tolerance < 0, …).
        case invalidParameter
        /// A value is NaN or infinite, or negative where a log is taken.
        case invalidValue
        /// Arrays whose shapes do not fit together.
        case dimensionMismatch
        /// A column named in a mapping is not in the table.
        case missingColumn
        /// A cell that should hold a number or date does not (the message names line and column).
        case badValue
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
