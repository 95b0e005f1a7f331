/// A survey answer outside its scale (an NPS of 11, a CSAT of 0, a fractional score), naming the
/// field and the index of the answer.
public struct FeedbackScoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field at fault, e.g. `score`.
    public var field: String
    /// The offending value as given.
    public var value: Double
    /// The accepted whole numbers.
    public var range: ClosedRange<Int>
    /// The answer's position in the input, when it came from a list.
    public var index: Int?

    public init(field: String, value: Double, range: ClosedRange<Int>, index: Int? = nil) {
        self.field = field
        self.value = value
        self.range = range
        self.index = index
    }

    public var description: String {
        let place = index.map { "\(field) [\($0)]" } ?? field
        let shown = value.rounded() == value && value.magnitude < 1e15 ? "\(Int(value))" : "\(value)"
        return "\(place): \(shown) is not a whole number from \(range.lowerBound) to \(range.upperBound)"
    }

    /// The value as a whole number within `range`.
    /// - Throws: `FeedbackScoreError` when it is fractional, non-finite or out of range.
    public static func checked(_ value: Double, field: String, range: ClosedRange<Int>, index: Int? = nil) throws
        -> Int
    {
        guard value.isFinite, value.rounded() == value, value >= Double(range.lowerBound),
            value <= Double(range.upperBound)
        else { throw FeedbackScoreError(field: field, value: value, range: range, index: index) }
        return Int(value)
    }
}
