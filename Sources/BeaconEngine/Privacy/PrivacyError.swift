import BeaconCore

/// A privacy request that cannot be served, naming the field at fault.
public struct PrivacyError: RequestRefusal, Sendable, Equatable {
    public var field: String
    public var message: String
    /// The thing named does not exist in this workspace (404 rather than 400).
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
