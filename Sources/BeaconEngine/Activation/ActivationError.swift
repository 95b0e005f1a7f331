import BeaconCore

/// A refused activation request or setting, naming the field that was wrong.
public struct ActivationError: RequestRefusal, Sendable, Equatable {
    /// The request field (`url`, `secret`, `segment`, …) or setting that was wrong.
    public var field: String
    public var message: String
    /// Whether the thing named does not exist (a 404 rather than a 400).
    public var notFound: Bool
    /// Whether the name is taken (a 409 rather than a 400).
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
