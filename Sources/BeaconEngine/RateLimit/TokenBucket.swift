import Foundation

/// A token bucket: `capacity` requests at once, refilled at `refillPerSecond`.
///
/// The classic shaping algorithm (Tanenbaum, *Computer Networks*, §5.4): a request takes one
/// token when one is there and is refused otherwise; tokens accrue continuously up to the
/// capacity. Pure: the caller passes the time.
public struct TokenBucket: Sendable, Equatable {
    public let capacity: Double
    public let refillPerSecond: Double
    public private(set) var tokens: Double
    public private(set) var updated: Date

    /// A full bucket at `now`.
    public init(capacity: Double, refillPerSecond: Double, now: Date) {
        self.capacity = capacity
        self.refillPerSecond = refillPerSecond
        tokens = capacity
        self.updated = now
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

    /// Refills to `now` and takes one token if there is one. A clock that goes back refills nothing.
    public mutating func take(at now: Date) -> Decision {
        refill(at: now)
        let allowed = tokens >= 1
        if allowed { tokens -= 1 }
        return decision(allowed: allowed)
    }

    /// Adds the tokens accrued since the last refill, up to the capacity.
    public mutating func refill(at now: Date) {
        let elapsed = max(0, now.timeIntervalSince(updated))
        tokens = min(capacity, tokens + elapsed * refillPerSecond)
        updated = max(updated, now)
    }

    /// Whether a token is there now (after `refill`).
    public var hasToken: Bool { tokens >= 1 }

    /// Takes one token without checking (after `hasToken`).
    mutating func consume() { tokens -= 1 }

    /// The decision as the bucket stands.
    public func decision(allowed: Bool) -> Decision {
        let reset = refillPerSecond > 0 ? Int(((capacity - tokens) / refillPerSecond).rounded(.up)) : 0
        var retry: Int?
        if !allowed {
            retry = refillPerSecond > 0 ? max(1, Int(((1 - tokens) / refillPerSecond).rounded(.up))) : Int.max
        }
        return Decision(allowed: allowed, remaining: Int(tokens.rounded(.down)), resetSeconds: reset, retryAfterSeconds: retry)
    }
}
