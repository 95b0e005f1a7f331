import Foundation

/// A token bucket: up to `capacity` requests at once, refilled at `refillPerSecond`: the API's
/// per-token quotas, and the pacing vendors state as "burst 10/s, steady 150/min" or "100
/// requests per 10 seconds".
///
/// The classic shaping algorithm (Tanenbaum, *Computer Networks*, §5.4): a request takes one
/// token when one is there and is refused (or waits) otherwise; tokens accrue continuously up
/// to the capacity. A bucket starts full. Pure: the caller passes the time.
public struct TokenBucket: Sendable, Equatable {
    public let capacity: Double
    public let refillPerSecond: Double
    public private(set) var tokens: Double
    /// When the bucket was last refilled (nil: not yet used).
    public private(set) var updated: Date?

    /// A full bucket (`now`: when it starts accruing; by default its first use).
    public init(capacity: Double, refillPerSecond: Double, now: Date? = nil) {
        self.capacity = capacity
        self.refillPerSecond = refillPerSecond
        tokens = capacity
        updated = now
    }

    /// `requests` per `seconds`, all of them allowed at once.
    public init(requests: Double, per seconds: TimeInterval) {
        self.init(capacity: requests, refillPerSecond: requests / seconds)
    }

    /// What taking one token at `now` decided.
    public struct Decision: Sendable, Equatable {
        public var allowed: Bool
        /// Whole tokens left after this request.
        public var remaining: Int
        /// Seconds until the bucket is full again (the `t` of the `RateLimit` field), rounded up.
        public var resetSeconds: Int
        /// Seconds until one token is there, rounded up (at least 1); nil when allowed.
        public var retryAfterSeconds: Int?

        public init(allowed: Bool, remaining: Int, resetSeconds: Int, retryAfterSeconds: Int?) {
            self.allowed = allowed
            self.remaining = remaining
            self.resetSeconds = resetSeconds
            self.retryAfterSeconds = retryAfterSeconds
        }
    }

    /// Adds the tokens accrued since the last refill, up to the capacity. A clock that goes
    /// back refills nothing.
    public mutating func refill(at now: Date) {
        if let updated {
            let elapsed = max(0, now.timeIntervalSince(updated))
            tokens = min(capacity, tokens + elapsed * refillPerSecond)
            self.updated = max(updated, now)
        } else {
            updated = now
        }
    }

    /// Whether a token is there now (after `refill`). A hair below one token counts as one:
    /// times are doubles, and a wait of a few nanoseconds would not move a `Date` at all.
    public var hasToken: Bool { tokens >= 1 - 1e-6 }

    /// Takes one token without checking (after `hasToken` or `wait(at:)` returned 0).
    public mutating func consume() { tokens -= 1 }

    /// Refills to `now` and takes one token if there is one (a request that is refused, not delayed).
    public mutating func take(at now: Date) -> Decision {
        refill(at: now)
        let allowed = hasToken
        if allowed { consume() }
        return decision(allowed: allowed)
    }

    /// The wait before one token is there at `now` (0 when one is there now); takes nothing.
    public mutating func wait(at now: Date) -> TimeInterval {
        refill(at: now)
        return hasToken ? 0 : (1 - tokens) / refillPerSecond
    }

    /// Refills to `now` and takes one token; call after `wait(at:)` returned 0.
    public mutating func consume(at now: Date) {
        refill(at: now)
        consume()
    }

    /// Empties the bucket at `now` (the vendor answered 429: what it let through was already too much).
    public mutating func drain(at now: Date) {
        refill(at: now)
        tokens = min(tokens, 0)
    }

    /// The decision as the bucket stands.
    public func decision(allowed: Bool) -> Decision {
        let reset = refillPerSecond > 0 ? Int(max(0, (capacity - tokens) / refillPerSecond).rounded(.up)) : 0
        var retry: Int?
        if !allowed {
            retry = refillPerSecond > 0 ? max(1, Int(((1 - tokens) / refillPerSecond).rounded(.up))) : Int.max
        }
        return Decision(
            allowed: allowed, remaining: max(0, Int(tokens.rounded(.down))), resetSeconds: reset,
            retryAfterSeconds: retry)
    }
}
