import Crypto
import Foundation

/// The HMAC-SHA256 signatures vendors put on their webhooks, checked in constant time.
///
/// - Shopify (https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-2-validate-the-origin-of-your-webhook):
///   `X-Shopify-Hmac-Sha256` is the base64 HMAC-SHA256 of the raw body, keyed by the app's secret.
/// - Stripe (https://docs.stripe.com/webhooks#verify-manually): `Stripe-Signature: t=<unix>,v1=<hex>[,v1=…]`,
///   where each `v1` is the hex HMAC-SHA256 of `"<t>.<raw body>"` keyed by the endpoint's `whsec_` secret
///   (several during a secret roll); the timestamp must be within a tolerance (default 300 s) of now.
public enum SourceSignature {
    /// Stripe's default tolerance between the signed timestamp and now, in seconds.
    public static let stripeTolerance: TimeInterval = 300

    /// The raw HMAC-SHA256 of `message` under `secret`.
    static func mac(_ message: [UInt8], secret: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8))))
    }

    /// True when `header` is the base64 HMAC of `body` (Shopify).
    public static func verifyShopify(body: [UInt8], header: String?, secret: String) -> Bool {
        guard let header, let given = Data(base64Encoded: header.trimmingCharacters(in: .whitespaces)) else {
            return false
        }
        return constantTimeEqual(Array(given), mac(body, secret: secret))
    }

    /// Why a Stripe signature was refused.
    public enum StripeFailure: Error, Equatable, CustomStringConvertible {
        case missing
        case malformed
        case stale(seconds: Int)
        case mismatch

        public var description: String {
            switch self {
            case .missing: return "Stripe-Signature header is missing"
            case .malformed: return "Stripe-Signature must be 't=<unix time>,v1=<hex signature>'"
            case .stale(let s): return "Stripe-Signature timestamp is \(s) s away from now (tolerance \(Int(stripeTolerance)) s)"
            case .mismatch: return "no v1 signature in Stripe-Signature matches the body"
            }
        }
    }

    /// Checks a `Stripe-Signature` header against the raw body.
    /// - Throws: `StripeFailure` naming what is wrong.
    public static func verifyStripe(
        body: [UInt8], header: String?, secret: String, now: Date, tolerance: TimeInterval = stripeTolerance
    ) throws {
        guard let header, !header.isEmpty else { throw StripeFailure.missing }
        var timestamp: String?
        var signatures: [[UInt8]] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { throw StripeFailure.malformed }
            switch pair[0] {
            case "t": timestamp = pair[1]
            case "v1": if let bytes = hexBytes(pair[1]) { signatures.append(bytes) }
            default: continue  // v0 (test mode scheme) and future schemes are not trusted
            }
        }
        guard let timestamp, let seconds = Int(timestamp) else { throw StripeFailure.malformed }
        let skew = abs(now.timeIntervalSince1970 - Double(seconds))
        guard skew <= tolerance else { throw StripeFailure.stale(seconds: Int(skew)) }
        let expected = mac(Array("\(timestamp).".utf8) + body, secret: secret)
        guard signatures.contains(where: { constantTimeEqual($0, expected) }) else { throw StripeFailure.mismatch }
    }

    /// The Stripe header a vendor would send for `body` at `time` (for tests and `beacon source test`).
    public static func stripeHeader(body: [UInt8], secret: String, time: Date) -> String {
        let t = Int(time.timeIntervalSince1970)
        return "t=\(t),v1=" + mac(Array("\(t).".utf8) + body, secret: secret).map { String(format: "%02x", $0) }.joined()
    }

    /// The Shopify header a vendor would send for `body`.
    public static func shopifyHeader(body: [UInt8], secret: String) -> String {
        Data(mac(body, secret: secret)).base64EncodedString()
    }

    static func hexBytes(_ text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var i = 0
        while i < chars.count {
            guard let byte = UInt8(String(decoding: chars[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
            out.append(byte)
            i += 2
        }
        return out
    }

    /// Compares without stopping at the first difference, so timing says nothing of the secret.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for i in a.indices { diff |= a[i] ^ b[i] }
        return diff == 0
    }
}
