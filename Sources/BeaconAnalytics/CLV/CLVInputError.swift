/// Bad input to a customer-lifetime-value model, naming the row and column at fault.
///
/// Rows are 1-based positions in the arrays handed to the model (the command line maps them
/// to file lines). Thrown by the validating initialisers of ``CLVSummaryData``,
/// ``CLVTransactionLog`` and the discrete-time models' data.
public struct CLVInputError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What kind of problem it is, so callers can react without parsing the message.
    public enum Code: String, Sendable {
        case empty
        case lengthMismatch
        case notFinite
        case negative
        case notInteger
        case recencyAfterT
        case zeroFrequencyWithRecency
        case nonPositiveMonetaryValue
        case outOfRange
    }

    public var code: Code
    /// 1-based row, or 0 when the problem is not about one row (empty input, length mismatch).
    public var row: Int
    /// The column (variable) name, e.g. `frequency`, `recency`, `T`, `monetary_value`.
    public var column: String
    public var message: String

    public init(_ code: Code, row: Int, column: String, message: String) {
        self.code = code
        self.row = row
        self.column = column
        self.message = message
    }

    public var description: String {
        row > 0 ? "row \(row), column '\(column)': \(message)" : "column '\(column)': \(message)"
    }
}
