import Foundation
import NIOHTTP1

/// A client of an S3-compatible object store: put, get, head, list (ListObjectsV2) and delete
/// objects of one bucket, each request signed with AWS Signature Version 4.
///
/// Failures throw `S3Error` carrying the store's own error code and message (`NoSuchKey`,
/// `SignatureDoesNotMatch`, `PreconditionFailed` for a conditional put that found the key).
public struct S3Client: Sendable {
    public let configuration: S3Configuration
    let transport: HTTPExchange
    let signer: SigV4Signer
    /// The clock signing uses (tests pin it).
    let now: @Sendable () -> Date

    public init(_ configuration: S3Configuration, now: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        self.transport = HTTPExchange()
        self.signer = SigV4Signer(
            accessKey: configuration.accessKey, secretKey: configuration.secretKey, region: configuration.region)
        self.now = now
    }

    /// What a listing or `HEAD` says about one object.
    public struct ObjectInfo: Sendable, Equatable {
        public var key: String
        public var size: Int
        public var etag: String
    }

    /// One page of a ListObjectsV2 answer.
    public struct ListPage: Sendable {
        public var objects: [ObjectInfo]
        /// The token for the next page, nil on the last.
        public var nextContinuationToken: String?
    }

    /// Stores `body` under `key`, replacing any object there.
    /// - Parameter ifNoneMatch: when true, sends `If-None-Match: *`: the store refuses (412,
    ///   `PreconditionFailed`) when the key exists, where it supports conditional writes.
    /// - Returns: the object's ETag.
    @discardableResult
    public func putObject(
        key: String, body: [UInt8], contentType: String = "application/octet-stream", ifNoneMatch: Bool = false
    ) async throws -> String {
        var headers = [("Content-Type", contentType)]
        if ifNoneMatch { headers.append(("If-None-Match", "*")) }
        let response = try await request(.PUT, key: key, headers: headers, body: body)
        return response.headers.first(name: "ETag") ?? ""
    }

    /// The bytes of the object at `key`.
    /// - Throws: `S3Error` with code `NoSuchKey` when there is none.
    public func getObject(key: String) async throws -> [UInt8] {
        try await request(.GET, key: key).body
    }

    /// The size and ETag of the object at `key`, or nil when there is none.
    public func headObject(key: String) async throws -> ObjectInfo? {
        do {
            let response = try await request(.HEAD, key: key)
            return ObjectInfo(
                key: key, size: Int(response.headers.first(name: "Content-Length") ?? "") ?? 0,
                etag: response.headers.first(name: "ETag") ?? "")
        } catch let error as S3Error where error.status == 404 {
            return nil
        }
    }

    /// Deletes the object at `key` (no error when there is none, as S3 answers).
    public func deleteObject(key: String) async throws {
        _ = try await request(.DELETE, key: key)
    }

    /// One page of the keys under `prefix`, in key order (ListObjectsV2).
    public func listObjects(prefix: String, continuationToken: String? = nil, maxKeys: Int = 1_000) async throws
        -> ListPage
    {
        var query = [("list-type", "2"), ("prefix", prefix), ("max-keys", String(maxKeys))]
        if let continuationToken { query.append(("continuation-token", continuationToken)) }
        let response = try await request(.GET, key: nil, query: query)
        let xml = String(decoding: response.body, as: UTF8.self)[...]
        let objects = S3XML.blocks("Contents", in: xml).map { block in
            ObjectInfo(
                key: S3XML.value("Key", in: block) ?? "", size: Int(S3XML.value("Size", in: block) ?? "") ?? 0,
                etag: S3XML.value("ETag", in: block) ?? "")
        }
        let truncated = S3XML.value("IsTruncated", in: xml) == "true"
        return ListPage(
            objects: objects, nextContinuationToken: truncated ? S3XML.value("NextContinuationToken", in: xml) : nil)
    }

    /// Every key under `prefix`, following continuation tokens.
    public func listAllObjects(prefix: String) async throws -> [ObjectInfo] {
        var all: [ObjectInfo] = []
        var token: String?
        repeat {
            let page = try await listObjects(prefix: prefix, continuationToken: token)
            all += page.objects
            token = page.nextContinuationToken
        } while token != nil
        return all
    }

    /// Creates the bucket; succeeds when this account already owns it.
    public func createBucket() async throws {
        do {
            _ = try await request(.PUT, key: nil)
        } catch let error as S3Error where error.code == "BucketAlreadyOwnedByYou" || error.code == "BucketAlreadyExists" {
            return
        }
    }

    /// Signs and sends one request for `key` (nil: the bucket itself); a non-2xx answer throws.
    func request(
        _ method: HTTPMethod, key: String?, query: [(String, String)] = [], headers extra: [(String, String)] = [],
        body: [UInt8] = []
    ) async throws -> HTTPExchange.Response {
        let endpoint = configuration.endpoint
        let basePath = endpoint.path.hasSuffix("/") ? String(endpoint.path.dropLast()) : endpoint.path
        let path = basePath + "/" + configuration.bucket + (key.map { "/" + $0 } ?? "")
        let defaultPort = endpoint.scheme == "https" ? 443 : 80
        let host = endpoint.port.map { $0 == defaultPort ? endpoint.host! : "\(endpoint.host!):\($0)" } ?? endpoint.host!
        let date = now()
        let payloadHash = SigV4Signer.payloadHash(body)
        var headers = [("Host", host), ("x-amz-date", SigV4Signer.timestamp(date)), ("x-amz-content-sha256", payloadHash)]
        headers += extra
        let signature = signer.sign(
            method: method.rawValue, path: path, query: query, headers: headers, payloadHash: payloadHash, date: date)
        headers.append(("Authorization", signature.authorization))
        let canonicalQuery = SigV4Signer.canonicalQuery(query)
        let uri = SigV4Signer.encodePath(path) + (canonicalQuery.isEmpty ? "" : "?" + canonicalQuery)
        let operation = "\(method.rawValue) \(configuration.bucket)\(key.map { "/" + $0 } ?? "")"
        let response: HTTPExchange.Response
        do {
            response = try await transport.send(method: method, url: endpoint, uri: uri, headers: headers, body: body)
        } catch let failure as HTTPExchange.Failure {
            throw S3Error(operation: operation, status: 0, code: "Unreachable", message: failure.description)
        }
        guard (200..<300).contains(response.status) else {
            throw S3Error(operation: operation, status: response.status, body: response.body)
        }
        return response
    }
}
