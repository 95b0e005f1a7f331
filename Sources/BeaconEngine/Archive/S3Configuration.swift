import Foundation

/// Where an S3-compatible bucket is and how to sign requests to it.
///
/// Requests use path-style addressing (`endpoint/bucket/key`), which AWS S3, MinIO, SeaweedFS
/// and Ceph all accept, so one setting works for each.
public struct S3Configuration: Sendable, Equatable {
    /// `http://host:port` or `https://host`, without the bucket.
    public var endpoint: URL
    public var bucket: String
    public var region: String
    public var accessKey: String
    public var secretKey: String

    public init(endpoint: URL, bucket: String, region: String = "us-east-1", accessKey: String, secretKey: String) {
        self.endpoint = endpoint
        self.bucket = bucket
        self.region = region
        self.accessKey = accessKey
        self.secretKey = secretKey
    }

    /// The configuration from options, each falling back to the environment
    /// (`BEACON_ARCHIVE_S3_ENDPOINT`, `…_BUCKET`, `…_REGION`, `…_ACCESS_KEY`, `…_SECRET_KEY`; the keys
    /// also from `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`).
    /// - Returns: nil when neither names an endpoint (the archive is off).
    /// - Throws: `S3ConfigurationError` naming the setting that is missing or malformed.
    public static func resolve(
        endpoint: String? = nil, bucket: String? = nil, region: String? = nil, accessKey: String? = nil,
        secretKey: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> S3Configuration? {
        func pick(_ option: String?, _ names: String...) -> String? {
            if let option, !option.isEmpty { return option }
            return names.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        }
        guard let endpointText = pick(endpoint, "BEACON_ARCHIVE_S3_ENDPOINT") else { return nil }
        guard let url = URL(string: endpointText), let scheme = url.scheme, scheme == "http" || scheme == "https",
            url.host != nil
        else {
            throw S3ConfigurationError(field: "endpoint", reason: "'\(endpointText)' is not an http:// or https:// URL")
        }
        guard let bucket = pick(bucket, "BEACON_ARCHIVE_S3_BUCKET") else {
            throw S3ConfigurationError(field: "bucket", reason: "no bucket given (BEACON_ARCHIVE_S3_BUCKET)")
        }
        guard bucket.range(of: "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", options: .regularExpression) != nil else {
            throw S3ConfigurationError(
                field: "bucket", reason: "'\(bucket)' is not a valid bucket name (3–63 of a–z, 0–9, '.', '-')")
        }
        guard let accessKey = pick(accessKey, "BEACON_ARCHIVE_S3_ACCESS_KEY", "AWS_ACCESS_KEY_ID") else {
            throw S3ConfigurationError(field: "access-key", reason: "no access key (BEACON_ARCHIVE_S3_ACCESS_KEY)")
        }
        guard let secretKey = pick(secretKey, "BEACON_ARCHIVE_S3_SECRET_KEY", "AWS_SECRET_ACCESS_KEY") else {
            throw S3ConfigurationError(field: "secret-key", reason: "no secret key (BEACON_ARCHIVE_S3_SECRET_KEY)")
        }
        return S3Configuration(
            endpoint: url, bucket: bucket, region: pick(region, "BEACON_ARCHIVE_S3_REGION", "AWS_REGION") ?? "us-east-1",
            accessKey: accessKey, secretKey: secretKey)
    }
}

/// A setting of the S3 archive that is missing or malformed, named.
public struct S3ConfigurationError: Error, CustomStringConvertible, Sendable {
    public var field: String
    public var reason: String

    public var description: String { "\(field): \(reason)" }
}
