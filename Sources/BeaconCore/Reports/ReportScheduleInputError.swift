/// A schedule request that could not be accepted, naming the field.
public struct ReportScheduleInputError: Error, Equatable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field) \(message)" }
}
