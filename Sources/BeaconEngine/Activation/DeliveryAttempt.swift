import BeaconCore
import Foundation

/// What one attempt to deliver a message did to it: delivered, scheduled again with backoff
/// (or the destination's `Retry-After`), or dead once the retry window is used up or the
/// destination refused it for good.
///
/// Pure: the time and the jitter's random number are parameters.
public enum DeliveryAttempt {
    /// `message` after an attempt at `now` that got `response`.
    public static func settled(
        _ message: OutboxMessage, response: WebhookResponse, policy: RetryPolicy, now: Date, random: Double
    ) -> OutboxMessage {
        var m = message
        m.attempts += 1
        m.lastStatus = response.status
        m.lastError = response.isSuccess ? nil : (response.detail.isEmpty ? "HTTP \(response.status)" : response.detail)
        if response.isSuccess {
            m.state = .delivered
            m.deliveredAt = now
        } else if response.permanent {
            m.state = .dead
        } else if let wait = policy.delay(afterAttempt: m.attempts, retryAfter: response.retryAfter, random: random) {
            m.state = .pending
            m.nextAttemptAt = now.addingTimeInterval(wait)
        } else {
            m.state = .dead
        }
        return m
    }
}
