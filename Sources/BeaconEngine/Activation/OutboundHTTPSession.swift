import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One destination's outbound HTTP connections over Foundation's URL loading (HTTP/1.1 and
/// HTTPS): an ephemeral session with no cache or cookies and a bounded number of connections,
/// so a stalled endpoint holds only its own. Webhook and audience sync transports send through it.
public final class OutboundHTTPSession: @unchecked Sendable {
    let session: URLSession

    /// An endpoint's answer: its status, `Retry-After` in seconds, and its body.
    public struct Reply: Sendable {
        public var status: Int
        public var retryAfter: TimeInterval?
        public var body: Data
    }

    /// - Parameter maxConnections: connections kept open to the endpoint (its in-flight bound).
    public init(maxConnections: Int) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = maxConnections
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    deinit { session.invalidateAndCancel() }

    /// Sends one request; the reply, or why none came (connection refused, timeout, not HTTP).
    public func send(method: String, url: URL, headers: [(String, String)], body: Data?, timeout: TimeInterval)
        async -> Result<Reply, OutboundHTTPFailure>
    {
        var r = URLRequest(url: url, timeoutInterval: timeout)
        r.httpMethod = method
        for (name, value) in headers { r.setValue(value, forHTTPHeaderField: name) }
        r.httpBody = body
        do {
            let (data, response) = try await session.data(for: r)
            guard let http = response as? HTTPURLResponse else { return .failure(OutboundHTTPFailure("not HTTP")) }
            return .success(
                Reply(
                    status: http.statusCode,
                    retryAfter: WebhookResponse.retryAfter(http.value(forHTTPHeaderField: "Retry-After"), now: Date()),
                    body: data))
        } catch {
            return .failure(OutboundHTTPFailure(error.localizedDescription))
        }
    }
}

/// Why an outbound request got no HTTP answer.
public struct OutboundHTTPFailure: Error, Sendable {
    public var detail: String

    public init(_ detail: String) { self.detail = detail }
}
