import Foundation

/// A destination's circuit breaker: after `threshold` failures in a row it opens and the
/// worker stops sending; after a cooldown one probe goes out (half-open), and its outcome
/// closes the breaker or opens it again with twice the cooldown (up to `maxCooldown`).
///
/// It keeps a failing destination from taking requests, connections and time it cannot use;
/// other destinations have their own breakers and workers, so they never wait for it. Pure:
/// the time is a parameter.
public struct CircuitBreaker: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        case closed
        /// Open until the date; then one probe may go.
        case open(until: Date)
        /// A probe is out.
        case halfOpen
    }

    public var threshold: Int
    public var cooldown: TimeInterval
    public var maxCooldown: TimeInterval
    public private(set) var state: State = .closed
    public private(set) var consecutiveFailures = 0
    private var nextCooldown: TimeInterval

    public init(threshold: Int = 5, cooldown: TimeInterval = 5, maxCooldown: TimeInterval = 300) {
        self.threshold = threshold
        self.cooldown = cooldown
        self.maxCooldown = maxCooldown
        nextCooldown = cooldown
    }

    /// How many messages may go out at `now`: `limit` when closed, 0 while open, 1 probe once
    /// the cooldown is over (half-open; the worker waits for each batch, so one probe is out
    /// at a time).
    public mutating func permits(_ limit: Int, now: Date) -> Int {
        switch state {
        case .closed: return limit
        case .halfOpen: return 1
        case .open(let until):
            guard now >= until else { return 0 }
            state = .halfOpen
            return 1
        }
    }

    /// Records a delivered message.
    public mutating func succeeded() {
        state = .closed
        consecutiveFailures = 0
        nextCooldown = cooldown
    }

    /// Records a failed attempt at `now`.
    public mutating func failed(now: Date) {
        consecutiveFailures += 1
        if state == .halfOpen || consecutiveFailures >= threshold {
            state = .open(until: now.addingTimeInterval(nextCooldown))
            nextCooldown = min(maxCooldown, nextCooldown * 2)
        }
    }

    /// When the breaker lets a probe out, if it is open.
    public var openUntil: Date? {
        if case .open(let until) = state { return until }
        return nil
    }
}
