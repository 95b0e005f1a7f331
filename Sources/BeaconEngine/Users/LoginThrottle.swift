import Foundation

/// Slows password guessing: after `limit` failed sign-ins for one email within `window`,
/// further attempts for that email are refused until `window` has passed since the last
/// failure. A success clears the count. Kept in memory: a restart forgets it, which only
/// ever helps the legitimate user.
public actor LoginThrottle {
    public let limit: Int
    public let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    public init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Seconds until `key` may try again, or nil when it may try now.
    public func retryAfter(_ key: String, now: Date) -> TimeInterval? {
        let recent = prune(key, now: now)
        guard recent.count >= limit, let last = recent.last else { return nil }
        return max(1, window - now.timeIntervalSince(last))
    }

    public func recordFailure(_ key: String, now: Date) {
        failures[key, default: []].append(now)
        _ = prune(key, now: now)
        if failures.count > 100_000 { failures = failures.filter { !$0.value.isEmpty } }
    }

    public func recordSuccess(_ key: String) {
        failures[key] = nil
    }

    private func prune(_ key: String, now: Date) -> [Date] {
        let kept = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[key] = kept.isEmpty ? nil : kept
        return kept
    }
}
