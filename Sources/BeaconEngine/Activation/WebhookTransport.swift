import Foundation

/// Sends one signed webhook request and reports the destination's answer.
///
/// The delivery workers depend on this seam only; the server uses
/// `URLSessionWebhookTransport`, tests may count or script answers.
public protocol WebhookTransport: Sendable {
    func send(_ request: WebhookRequest) async -> WebhookResponse
}

/// A POST of a JSON body with the Standard Webhooks headers.
public struct WebhookRequest: Sendable {
    public var url: URL
    public var headers: [(String, String)]
    public var body: Data
    /// How long to wait for the answer.
    public var timeout: TimeInterval

    public init(url: URL, headers: [(String, String)], body: Data, timeout: TimeInterval) {
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// What a destination answered (status 0 when it did not answer: refused, timed out).
///
/// Every kind of destination reports in these terms: senders that do not speak HTTP map their
/// protocol's reply onto an HTTP status (2xx delivered, others not) and say when a refusal is
/// permanent.
public struct WebhookResponse: Sendable, Equatable {
    public var status: Int
    /// The `Retry-After` header as seconds from now, when it was sent (seconds or an HTTP date).
    public var retryAfter: TimeInterval?
    /// The start of the body, or why there was no answer.
    public var detail: String
    /// The destination refused this message for good (a mail server's 5xx for its recipient, a
    /// vendor's validation error): retrying cannot help, so the message goes to the dead letters now.
    public var permanent: Bool

    public init(status: Int, retryAfter: TimeInterval? = nil, detail: String = "", permanent: Bool = false) {
        self.status = status
        self.retryAfter = retryAfter
        self.detail = detail
        self.permanent = permanent
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// Seconds from `now` named by a `Retry-After` value: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
    public static func retryAfter(_ value: String?, now: Date) -> TimeInterval? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) { return TimeInterval(max(0, seconds)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSince(now)) }
    }
}
