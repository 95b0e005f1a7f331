import Foundation

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
        for i in buckets.indices { wait = max(wait, buckets[i].wait(at: now)) }
        guard wait == 0 else { return wait }
        for i in buckets.indices { buckets[i].consume(at: now) }
        return 0
    }

    /// The vendor answered 429 at `now`: nothing goes before `retryAfter` seconds (or until a
    /// token refills when it named no wait).
    public mutating func throttled(now: Date, retryAfter: TimeInterval?) {
        for i in buckets.indices { buckets[i].drain(at: now) }
        if let retryAfter { heldUntil = max(heldUntil ?? now, now.addingTimeInterval(retryAfter)) }
    }
}
