import Foundation

/// A store failure with a code that callers can match and a message for people.
///
/// Every repository port throws it, so the engine and the server can tell a conflict (a
/// taken name or email) from a missing row without knowing the backend.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable {
        case conflict, notFound, invalidConfiguration, corrupt
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
