import Crypto
import Foundation

/// Standard Webhooks signing: the `webhook-id`, `webhook-timestamp` and `webhook-signature`
/// headers a receiver verifies (https://www.standardwebhooks.com, the spec Svix follows).
///
/// A secret is `whsec_` and the base64 of its key bytes. The signature is `v1,` and the base64
/// HMAC-SHA256 of `id.timestamp.body` under the key; with several secrets (during a rotation)
/// the header holds one signature per secret, separated by spaces, and a receiver accepts
/// the message when any of them verifies.
public enum WebhookSignature {
    /// A new random secret (24 key bytes, as Svix makes them).
    public static func newSecret() -> String {
        var bytes = [UInt8](repeating: 0, count: 24)
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255) }
        return "whsec_" + Data(bytes).base64EncodedString()
    }

    /// The key bytes of a `whsec_` secret.
    /// - Throws: `ActivationError` naming `secret` when it is not `whsec_` and base64 of 24 to 64 bytes.
    public static func key(of secret: String) throws -> SymmetricKey {
        guard secret.hasPrefix("whsec_"), let data = Data(base64Encoded: String(secret.dropFirst(6))),
            (24...64).contains(data.count)
        else {
            throw ActivationError(field: "secret", "must be 'whsec_' followed by the base64 of 24 to 64 random bytes")
        }
        return SymmetricKey(data: data)
    }

    /// The `webhook-signature` header value for `body` sent as `id` at `timestamp` (Unix seconds).
    public static func header(id: String, timestamp: Int64, body: Data, secrets: [String]) throws -> String {
        var content = Data("\(id).\(timestamp).".utf8)
        content.append(body)
        return try secrets.map { secret in
            let mac = HMAC<SHA256>.authenticationCode(for: content, using: try key(of: secret))
            return "v1," + Data(mac).base64EncodedString()
        }.joined(separator: " ")
    }
}
