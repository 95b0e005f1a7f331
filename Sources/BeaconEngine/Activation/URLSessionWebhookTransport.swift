import Foundation

/// Webhook requests over Foundation's URL loading (HTTP/1.1 and HTTPS), one session per
/// destination so a stalled endpoint holds only its own connections.
public final class URLSessionWebhookTransport: WebhookTransport, Sendable {
    let http: OutboundHTTPSession

    /// - Parameter maxConnections: connections kept open to the destination (its in-flight bound).
    public init(maxConnections: Int) {
        http = OutboundHTTPSession(maxConnections: maxConnections)
    }

    public func send(_ request: WebhookRequest) async -> WebhookResponse {
        switch await http.send(
            method: "POST", url: request.url, headers: request.headers, body: request.body, timeout: request.timeout)
        {
        case .success(let reply):
            return WebhookResponse(
                status: reply.status, retryAfter: reply.retryAfter,
                detail: String(decoding: reply.body.prefix(300), as: UTF8.self))
        case .failure(let failure):
            return WebhookResponse(status: 0, detail: failure.detail)
        }
    }
}
