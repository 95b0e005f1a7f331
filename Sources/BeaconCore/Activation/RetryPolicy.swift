import Foundation

/// When a failed delivery is tried again, and when it gives up: exponential backoff with
/// jitter over a bounded number of attempts.
///
/// The default makes 8 attempts over about a day: the waits after attempts 1…7 are
/// 1 min, 3.5 min, 12 min, 43 min, 2.5 h, 8.8 h and 12 h (the cap), about 24 h in all, each
/// moved by up to ±`jitter` of itself so that messages failing together do not retry together.
/// A `Retry-After` the destination sent replaces the computed wait (capped at `maxDelay`).
/// Pure: the random number is a parameter.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts before a message goes to the dead letters.
    public var maxAttempts: Int
    /// The wait after the first failed attempt.
    public var initialDelay: TimeInterval
    /// How much longer each following wait is.
    public var multiplier: Double
    /// The longest wait.
    public var maxDelay: TimeInterval
    /// The fraction of a wait it may move either way.
    public var jitter: Double

    public init(
        maxAttempts: Int = 8, initialDelay: TimeInterval = 60, multiplier: Double = 3.5,
        maxDelay: TimeInterval = 12 * 3600, jitter: Double = 0.2
    ) {
        self.maxAttempts = maxAttempts
        self.initialDelay = initialDelay
        self.multiplier = multiplier
        self.maxDelay = maxDelay
        self.jitter = jitter
    }

    /// The wait after failed attempt number `attempt` (1-based), before jitter.
    public func baseDelay(afterAttempt attempt: Int) -> TimeInterval {
        min(maxDelay, initialDelay * pow(multiplier, Double(max(0, attempt - 1))))
    }

    /// The wait after failed attempt `attempt`, or nil when it was the last one.
    /// - Parameters:
    ///   - retryAfter: the wait the destination asked for, which replaces the computed one.
    ///   - random: a number in [0, 1) choosing the jitter (0.5 means none).
    public func delay(afterAttempt attempt: Int, retryAfter: TimeInterval? = nil, random: Double) -> TimeInterval? {
        guard attempt < maxAttempts else { return nil }
        if let retryAfter { return min(maxDelay, max(0, retryAfter)) }
        let base = baseDelay(afterAttempt: attempt)
        return base * (1 + jitter * (2 * random - 1))
    }

    /// The whole retry window before jitter: the sum of every wait.
    public var window: TimeInterval {
        (1..<max(1, maxAttempts)).reduce(0) { $0 + baseDelay(afterAttempt: $1) }
    }
}
