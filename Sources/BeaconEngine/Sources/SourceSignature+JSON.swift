import Foundation

extension SourceSignature {
    /// True when `header` is `sha256=` and the hex HMAC-SHA256 of `body` under `secret` (a
    /// generic JSON source's `X-Beacon-Signature`, as GitHub signs its webhooks).
    public static func verifyJSON(body: [UInt8], header: String?, secret: String) -> Bool {
        guard let header = header?.trimmingCharacters(in: .whitespaces), header.hasPrefix("sha256="),
            let given = hexBytes(String(header.dropFirst("sha256=".count)))
        else { return false }
        return constantTimeEqual(given, mac(body, secret: secret))
    }

    /// The `X-Beacon-Signature` a sender computes for `body`.
    public static func jsonHeader(body: [UInt8], secret: String) -> String {
        "sha256=" + mac(body, secret: secret).map { String(format: "%02x", $0) }.joined()
    }
}
