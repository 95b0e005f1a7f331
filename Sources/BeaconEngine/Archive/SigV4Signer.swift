import Crypto
import Foundation

/// AWS Signature Version 4 (`AWS4-HMAC-SHA256`): signs an HTTP request's method, path, query,
/// headers and payload hash with a secret key scoped to a day, region and service.
///
/// Reference: AWS, "Signature Version 4 signing process" and "Authenticating Requests: Using
/// the Authorization Header" (S3 API reference). The canonical request is
/// `method \n uri \n query \n headers \n signedHeaders \n payloadHash`; the string to sign is
/// `AWS4-HMAC-SHA256 \n date \n scope \n hex(SHA256(canonicalRequest))`; the key is
/// `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, yyyymmdd), region), service), "aws4_request")`.
/// Every header passed is signed, so callers pass exactly the headers they send (`host`,
/// `x-amz-date`, and for S3 `x-amz-content-sha256`).
public struct SigV4Signer: Sendable {
    public var accessKey: String
    public var secretKey: String
    public var region: String
    public var service: String

    public init(accessKey: String, secretKey: String, region: String, service: String = "s3") {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.region = region
        self.service = service
    }

    /// A signed request's parts: the `Authorization` header and what it was computed from.
    public struct Signature: Sendable, Equatable {
        public var authorization: String
        public var canonicalRequest: String
        public var stringToSign: String
        public var signature: String
    }

    /// Signs a request.
    /// - Parameters:
    ///   - path: the request path, not yet percent-encoded (`/bucket/test$file.text`).
    ///   - query: query parameters, not yet encoded; a parameter without a value has "".
    ///   - headers: every header sent and signed (names in any case).
    ///   - payloadHash: hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`.
    public func sign(
        method: String, path: String, query: [(String, String)], headers: [(String, String)], payloadHash: String,
        date: Date
    ) -> Signature {
        let stamp = SigV4Signer.timestamp(date)
        let day = String(stamp.prefix(8))
        let canonicalHeaders = headers
            .map { (name: $0.0.lowercased(), value: SigV4Signer.trimmed($0.1)) }
            .sorted { $0.name < $1.name }
        let signedHeaders = canonicalHeaders.map(\.name).joined(separator: ";")
        let canonicalRequest = [
            method,
            SigV4Signer.encodePath(path),
            SigV4Signer.canonicalQuery(query),
            canonicalHeaders.map { "\($0.name):\($0.value)\n" }.joined(),
            signedHeaders,
            payloadHash,
        ].joined(separator: "\n")
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256", stamp, scope, SigV4Signer.hex(SHA256.hash(data: Data(canonicalRequest.utf8))),
        ].joined(separator: "\n")
        var key = SymmetricKey(data: Data(("AWS4" + secretKey).utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        let signature = SigV4Signer.hex(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key))
        return Signature(
            authorization: "AWS4-HMAC-SHA256 Credential=\(accessKey)/\(scope), SignedHeaders=\(signedHeaders), "
                + "Signature=\(signature)",
            canonicalRequest: canonicalRequest, stringToSign: stringToSign, signature: signature)
    }

    /// `yyyyMMdd'T'HHmmss'Z'` in UTC, the form of `x-amz-date`.
    public static func timestamp(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0,
            c.second ?? 0)
    }

    /// Hex SHA-256 of `bytes`, the form of `x-amz-content-sha256`.
    public static func payloadHash(_ bytes: some DataProtocol) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The path with each segment percent-encoded (RFC 3986 unreserved characters kept, `/` kept).
    public static func encodePath(_ path: String) -> String {
        let encoded = path.split(separator: "/", omittingEmptySubsequences: false).map { uriEncode(String($0)) }
            .joined(separator: "/")
        return encoded.hasPrefix("/") ? encoded : "/" + encoded
    }

    /// The query in canonical form: each name and value encoded, sorted by name then value.
    public static func canonicalQuery(_ query: [(String, String)]) -> String {
        let encoded: [(name: String, value: String)] = query.map { (uriEncode($0.0), uriEncode($0.1)) }
        let sorted = encoded.sorted { (a, b) -> Bool in a.name == b.name ? a.value < b.value : a.name < b.name }
        return sorted.map { $0.name + "=" + $0.value }.joined(separator: "&")
    }

    /// Percent-encodes every byte but `A–Z a–z 0–9 - . _ ~`, with upper-case hex digits.
    public static func uriEncode(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if unreserved(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    static func unreserved(_ byte: UInt8) -> Bool {
        let letterOrDigit = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
        return letterOrDigit || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
    }

    /// A header value with surrounding spaces removed and inner runs of spaces made one.
    static func trimmed(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
