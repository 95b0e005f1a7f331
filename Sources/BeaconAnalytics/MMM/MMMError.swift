/// A problem with the data or settings given to the marketing-mix model, naming the column
/// and row at fault so the command line can point at the file's line.
public struct MMMError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong; codes can grow without breaking callers.
    public enum Code: String, Sendable, Codable {
        case tooFewRows
        case lengthMismatch
        case badDate
        case unsortedDates
        case missingDates
        case irregularFrequency
        case nonFinite
        case negativeSpend
        case constantColumn
        case unknownChannel
        case badSetting
        case singularFit
    }

    public var code: Code
    /// The column at fault, when there is one.
    public var column: String?
    /// The 0-based data row at fault (add 2 for the CSV line with a header), when there is one.
    public var row: Int?
    public var message: String

    public init(_ code: Code, column: String? = nil, row: Int? = nil, _ message: String) {
        self.code = code
        self.column = column
        self.row = row
        self.message = message
    }

    public var description: String {
        var where_ = ""
        if let column { where_ += "column '\(column)'" }
        if let row { where_ += (where_.isEmpty ? "" : ", ") + "row \(row + 1)" }
        return where_.isEmpty ? message : "\(where_): \(message)"
    }
}
