import Foundation

/// A token bucket: up to `capacity` requests at once, refilled at `perSecond`; the pacing
/// vendors state as "burst 10/s, steady 150/min" or "100 requests per 10 seconds".
///
/// Pure: the time is a parameter. A bucket starts full.
public struct TokenBucket: Sendable, Equatable {
    public var capacity: Double
    public var perSecond: Double
    public private(set) var tokens: Double
    public private(set) var updatedAt: Date?

    public init(capacity: Double, perSecond: Double) {
        self.capacity = capacity
        self.perSecond = perSecond
        tokens = capacity
    }

    /// `capacity` requests per `seconds`, all of them allowed at once.
    public init(requests: Double, per seconds: TimeInterval) {
        self.init(capacity: requests, perSecond: requests / seconds)
    }

    mutating func refill(_ now: Date) {
        if let updatedAt, now > updatedAt {
            tokens = min(capacity, tokens + now.timeIntervalSince(updatedAt) * perSecond)
        }
        if updatedAt == nil || now > updatedAt! { updatedAt = now }
    }

    /// The wait before one token is there at `now` (0 when one is there now).
    public mutating func wait(now: Date) -> TimeInterval {
        refill(now)
        // A hair below one token counts as one: times are doubles, and a wait of a few
        // nanoseconds would not move a `Date` at all.
        return tokens >= 1 - 1e-6 ? 0 : (1 - tokens) / perSecond
    }

    /// Takes one token at `now`; call after `wait(now:)` returned 0.
    public mutating func take(now: Date) {
        refill(now)
        tokens -= 1
    }

    /// Empties the bucket at `now` (the vendor answered 429: what it let through was already too much).
    public mutating func drain(now: Date) {
        refill(now)
        tokens = min(tokens, 0)
    }
}

/// A destination's request pacing: every one of its vendor's token buckets must have a
/// token, and a `Retry-After` holds all requests until it passes.
///
/// Pure: the time is a parameter.
public struct AudienceRateLimit: Sendable, Equatable {
    public var buckets: [TokenBucket]
    /// No request before this (the vendor's `Retry-After`).
    public private(set) var heldUntil: Date?

    public init(_ buckets: [TokenBucket]) {
        self.buckets = buckets
    }

    /// Takes a token from every bucket and returns 0, or returns the wait before a request
    /// may go at `now` (taking nothing).
    public mutating func acquire(now: Date) -> TimeInterval {
        if let heldUntil, now < heldUntil { return heldUntil.timeIntervalSince(now) }
        var wait: TimeInterval = 0
        for i in buckets.indices { wait = max(wait, buckets[i].wait(now: now)) }
        guard wait == 0 else { return wait }
        for i in buckets.indices { buckets[i].take(now: now) }
        return 0
    }

    /// The vendor answered 429 at `now`: nothing goes before `retryAfter` seconds (or until a
    /// token refills when it named no wait).
    public mutating func throttled(now: Date, retryAfter: TimeInterval?) {
        for i in buckets.indices { buckets[i].drain(now: now) }
        if let retryAfter { heldUntil = max(heldUntil ?? now, now.addingTimeInterval(retryAfter)) }
    }
}
