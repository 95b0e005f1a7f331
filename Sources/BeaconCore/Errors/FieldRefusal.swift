/// A refused request naming the field that was wrong and what is wrong with it: the error
/// activation (`url`, `secret`, `segment`), privacy (`identifier`, `retention`) and report
/// schedules (`schedule`, `time`, `timeZone`) throw.
///
/// `notFound` makes it a 404 (the thing named does not exist in this workspace) and `conflict`
/// a 409 (a name is taken, or the thing's state forbids the change); otherwise it is a 400.
/// Its `description` is `field: message`, what the command line prints.
public struct FieldRefusal: RequestRefusal, Sendable, Equatable {
    /// The request field (or setting) at fault.
    public var field: String
    public var message: String
    /// Whether the thing named does not exist (a 404 rather than a 400).
    public var notFound: Bool
    /// Whether the name is taken or the state forbids it (a 409 rather than a 400).
    public var conflict: Bool

    public init(field: String, _ message: String, notFound: Bool = false, conflict: Bool = false) {
        self.field = field
        self.message = message
        self.notFound = notFound
        self.conflict = conflict
    }

    public var description: String { "\(field): \(message)" }
    public var detail: String { message }
    public var kind: RequestRefusalKind { notFound ? .notFound : conflict ? .conflict : .invalid }
}
