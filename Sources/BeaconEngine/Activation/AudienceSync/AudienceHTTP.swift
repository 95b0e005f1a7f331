import BeaconCore
import Foundation

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
public final class URLSessionAudienceTransport: AudienceHTTPTransport, Sendable {
    let http: OutboundHTTPSession

    public init(maxConnections: Int) {
        http = OutboundHTTPSession(maxConnections: maxConnections)
    }

    public func send(_ request: AudienceHTTPRequest, timeout: TimeInterval) async -> AudienceHTTPResponse {
        let headers = request.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        switch await http.send(
            method: request.method, url: request.url, headers: headers, body: request.body, timeout: timeout)
        {
        case .success(let reply):
            return AudienceHTTPResponse(status: reply.status, retryAfter: reply.retryAfter, body: reply.body)
        case .failure(let failure):
            return AudienceHTTPResponse(status: 0, body: Data(failure.detail.utf8))
        }
    }
}
