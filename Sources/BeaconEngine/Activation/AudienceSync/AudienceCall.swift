import BeaconCore
import Foundation

/// One vendor API call as a vendor's request builder describes it: method, path (with its
/// query, already encoded) and JSON body; `AudienceSyncClient` adds the base URL and the
/// authentication headers.
public struct AudienceCall: Sendable, Equatable {
    public var method: String
    public var path: String
    public var body: JSONValue?

    public init(_ method: String, _ path: String, body: JSONValue? = nil) {
        self.method = method
        self.path = path
        self.body = body
    }

    /// `text` encoded for one path segment (a list id).
    public static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
            ?? text
    }
}
