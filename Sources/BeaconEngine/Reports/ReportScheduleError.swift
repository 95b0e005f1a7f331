import BeaconCore

/// A refused report-schedule request, naming the field that was wrong (`schedule`, `time`,
/// `timeZone`, `destination`, `user`, `name`, `id`).
public struct ReportScheduleError: RequestRefusal, Sendable, Equatable {
    public var field: String
    public var message: String
    /// Whether the thing named does not exist (a 404 rather than a 400).
    public var notFound: Bool

    public init(field: String, _ message: String, notFound: Bool = false) {
        self.field = field
        self.message = message
        self.notFound = notFound
    }

    public var description: String { "\(field): \(message)" }
    public var detail: String { message }
    public var kind: RequestRefusalKind { notFound ? .notFound : .invalid }
}
