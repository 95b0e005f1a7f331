/// A request refused for a reason its sender can fix, naming the field at fault.
///
/// Every interface answers a refusal the same way: the HTTP API as a problem response whose
/// status follows `kind` (400, 404, 409) with `field` and `detail`, the command line as
/// `field: detail`. Services throw their own error types; conforming them here is what lets one
/// piece of code in each interface answer all of them.
public protocol RequestRefusal: Error, CustomStringConvertible {
    /// The request field (or path into a definition) at fault.
    var field: String { get }
    /// What is wrong, in words the sender can act on.
    var detail: String { get }
    var kind: RequestRefusalKind { get }
}

/// Why a request was refused.
public enum RequestRefusalKind: Sendable, Equatable {
    /// The request is malformed or breaks a rule (400).
    case invalid
    /// The thing it names does not exist (404).
    case notFound
    /// The thing's current state forbids it, or a name is taken (409).
    case conflict
}

extension JourneyError: RequestRefusal {
    public var detail: String { description }
    public var kind: RequestRefusalKind {
        switch code {
        case .invalid: .invalid
        case .notFound: .notFound
        case .conflict: .conflict
        }
    }
}

extension SegmentRuleError: RequestRefusal {
    public var field: String { path }
    public var detail: String { description }
    public var kind: RequestRefusalKind { .invalid }
}
