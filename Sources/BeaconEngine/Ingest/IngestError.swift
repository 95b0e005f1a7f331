import BeaconCore

/// Why an ingest request was refused; each case maps to one HTTP status.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 400: the body or one of its events is invalid; names the field (and batch index).
    case invalid(EventValidationError)
    /// 401: no write key, or one that belongs to no workspace.
    case unauthorized(String)
    /// 413: the body or one event is over Segment's size limits.
    case tooLarge(field: String, limit: Int)
    /// 415: the body is not JSON.
    case unsupportedMediaType(String)

    public var description: String {
        switch self {
        case .invalid(let e): return e.description
        case .unauthorized(let m): return m
        case .tooLarge(let field, let limit): return "\(field) is larger than \(limit / 1024) KB"
        case .unsupportedMediaType(let m): return m
        }
    }
}
