import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Webhook requests over Foundation's URL loading (HTTP/1.1 and HTTPS), one session per
/// destination so a stalled endpoint holds only its own connections.
public final class URLSessionWebhookTransport: WebhookTransport, @unchecked Sendable {
    let session: URLSession

    /// - Parameter maxConnections: connections kept open to the destination (its in-flight bound).
    public init(maxConnections: Int) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = maxConnections
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    deinit { session.invalidateAndCancel() }

    public func send(_ request: WebhookRequest) async -> WebhookResponse {
        var r = URLRequest(url: request.url, timeoutInterval: request.timeout)
        r.httpMethod = "POST"
        for (name, value) in request.headers { r.setValue(value, forHTTPHeaderField: name) }
        r.httpBody = request.body
        do {
            let (data, response) = try await session.data(for: r)
            guard let http = response as? HTTPURLResponse else { return WebhookResponse(status: 0, detail: "not HTTP") }
            return WebhookResponse(
                status: http.statusCode,
                retryAfter: WebhookResponse.retryAfter(http.value(forHTTPHeaderField: "Retry-After"), now: Date()),
                detail: String(decoding: data.prefix(300), as: UTF8.self))
        } catch {
            return WebhookResponse(status: 0, detail: "\(error.localizedDescription)")
        }
    }
}
