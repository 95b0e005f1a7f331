import Foundation
import Hummingbird

extension Request {
    /// The user part of `Authorization: Basic base64(user:password)`: where the tracking
    /// SDKs put the write key (with an empty password). Nil when absent or malformed.
    var basicAuthUser: String? {
        guard let header = headers[.authorization], header.lowercased().hasPrefix("basic ") else { return nil }
        guard let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)) else { return nil }
        let credentials = String(decoding: data, as: UTF8.self)
        let user = credentials.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
        return user?.isEmpty == false ? user : nil
    }
}
