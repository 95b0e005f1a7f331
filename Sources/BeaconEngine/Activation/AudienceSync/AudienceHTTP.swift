import BeaconCore
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One request to an audience vendor's API: any method, JSON body or none.
public struct AudienceHTTPRequest: Sendable, Equatable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: Data?

    public init(method: String, url: URL, headers: [String: String], body: Data?) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// A vendor's answer: status (0 when there was none), `Retry-After` in seconds, and the whole
/// body (partial failures are reported inside it).
public struct AudienceHTTPResponse: Sendable, Equatable {
    public var status: Int
    public var retryAfter: TimeInterval?
    public var body: Data

    public init(status: Int, retryAfter: TimeInterval? = nil, body: Data = Data()) {
        self.status = status
        self.retryAfter = retryAfter
        self.body = body
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body as JSON, or nil.
    public var json: JSONValue? { try? JSONValue.parse(body) }

    /// The start of the body, or why there was no answer, for the delivery log.
    public var detail: String { String(decoding: body.prefix(300), as: UTF8.self) }
}

/// Sends audience vendor requests; the sync depends on this seam only, so contract tests
/// point it at a recorded-reply server on loopback.
public protocol AudienceHTTPTransport: Sendable {
    func send(_ request: AudienceHTTPRequest, timeout: TimeInterval) async -> AudienceHTTPResponse
}

/// Audience vendor requests over Foundation's URL loading, one session per destination with
/// a bounded number of connections (Mailchimp allows 10 at once).
public final class URLSessionAudienceTransport: AudienceHTTPTransport, @unchecked Sendable {
    let session: URLSession

    public init(maxConnections: Int) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = maxConnections
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    deinit { session.invalidateAndCancel() }

    public func send(_ request: AudienceHTTPRequest, timeout: TimeInterval) async -> AudienceHTTPResponse {
        var r = URLRequest(url: request.url, timeoutInterval: timeout)
        r.httpMethod = request.method
        for (name, value) in request.headers { r.setValue(value, forHTTPHeaderField: name) }
        r.httpBody = request.body
        do {
            let (data, response) = try await session.data(for: r)
            guard let http = response as? HTTPURLResponse else {
                return AudienceHTTPResponse(status: 0, body: Data("not HTTP".utf8))
            }
            return AudienceHTTPResponse(
                status: http.statusCode,
                retryAfter: WebhookResponse.retryAfter(http.value(forHTTPHeaderField: "Retry-After"), now: Date()),
                body: data)
        } catch {
            return AudienceHTTPResponse(status: 0, body: Data(error.localizedDescription.utf8))
        }
    }
}
