/// Bad input to a customer-lifetime-value model, naming the row and column at fault.
///
/// Rows are 1-based positions in the arrays handed to the model; errors raised through
/// ``CLVInputTable`` carry the file line instead (and say "line"). Thrown by the validating initialisers of ``CLVSummaryData``,
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
    /// True when `row` is a line of the input file (errors raised through ``CLVInputTable``).
    public var rowIsFileLine = false

    public init(_ code: Code, row: Int, column: String, message: String) {
        self.code = code
        self.row = row
        self.column = column
        self.message = message
    }

    /// An error located at a line of the input file.
    public init(_ code: Code, line: Int, column: String, message: String) {
        self.init(code, row: line, column: column, message: message)
        rowIsFileLine = true
    }

    public var description: String {
        row > 0
            ? "\(rowIsFileLine ? "line" : "row") \(row), column '\(column)': \(message)"
            : "column '\(column)': \(message)"
    }
}
