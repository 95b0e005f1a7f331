import BeaconCore
import Foundation

/// Sends one destination's vendor calls: waits for its rate limit, adds the base URL and
/// authentication, and after a 429 holds every later call for the vendor's `Retry-After`.
///
/// One client per destination, so one vendor's throttling never slows another destination.
/// A wait longer than `maxWait` is not slept through (the worker's lease would run out): the
/// call answers a 429 itself with the wait as `Retry-After`, and the messages are tried again
/// from the outbox.
public actor AudienceSyncClient {
    let baseURL: URL
    let headers: [String: String]
    let transport: any AudienceHTTPTransport
    let timeout: TimeInterval
    let maxWait: TimeInterval
    let clock: @Sendable () -> Date
    private(set) var limit: AudienceRateLimit
    /// Calls sent, for tests and metrics.
    public private(set) var sent = 0

    public init(
        baseURL: URL, headers: [String: String], limit: AudienceRateLimit, transport: any AudienceHTTPTransport,
        timeout: TimeInterval = 30, maxWait: TimeInterval = 10, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.baseURL = baseURL
        self.headers = headers
        self.limit = limit
        self.transport = transport
        self.timeout = timeout
        self.maxWait = maxWait
        self.clock = clock
    }

    /// Sends `call` once its turn comes.
    public func send(_ call: AudienceCall) async -> AudienceHTTPResponse {
        while true {
            let wait = limit.acquire(now: clock())
            if wait == 0 { break }
            if wait > maxWait {
                return AudienceHTTPResponse(
                    status: 429, retryAfter: wait.rounded(.up),
                    body: Data("held by the vendor's rate limit for \(Int(wait.rounded(.up))) s".utf8))
            }
            try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
        }
        let base = baseURL.absoluteString.hasSuffix("/") ? String(baseURL.absoluteString.dropLast()) : baseURL.absoluteString
        guard let url = URL(string: base + call.path) else {
            return AudienceHTTPResponse(status: 0, body: Data("bad URL \(base + call.path)".utf8))
        }
        sent += 1
        let response = await transport.send(
            AudienceHTTPRequest(
                method: call.method, url: url, headers: headers, body: call.body.map { Data($0.serialized().utf8) }),
            timeout: timeout)
        if response.status == 429 { limit.throttled(now: clock(), retryAfter: response.retryAfter) }
        return response
    }
}
