/// A cron expression that could not be read: the field, the 1-based column where the bad
/// part starts, and what is wrong.
public struct CronScheduleError: Error, Equatable, CustomStringConvertible {
    public var field: String
    public var column: Int
    public var message: String

    public var description: String { "\(field) (column \(column)): \(message)" }
}
