import BeaconCore
import Foundation
import Synchronization

/// Token buckets by policy and key (a token, a write key, a workspace, a client address).
///
/// Buckets live in memory, per server process. Full buckets are dropped once more than
/// `maxBuckets` exist, which forgets nothing: a full bucket is what a new one would be.
public final class RateLimiter: Sendable {
    private let buckets = Mutex<[String: TokenBucket]>([:])
    public let maxBuckets: Int

    public init(maxBuckets: Int = 100_000) {
        self.maxBuckets = maxBuckets
    }

    /// Takes one token from `key`'s bucket of `policy` at `now`.
    public func take(_ policy: RateLimitPolicy, key: String, now: Date = Date()) -> TokenBucket.Decision {
        take([(policy: policy, key: key)], now: now)[0]
    }

    /// Takes one token from each bucket, or from none when any is empty (a refused request
    /// costs nothing), atomically. Each decision says whether its own bucket had a token.
    public func take(_ items: [(policy: RateLimitPolicy, key: String)], now: Date = Date()) -> [TokenBucket.Decision] {
        let ids = items.map { $0.policy.name + "\u{0}" + $0.key }
        return buckets.withLock { buckets in
            if buckets.count >= maxBuckets {
                buckets = buckets.filter { _, b in
                    var copy = b
                    copy.refill(at: now)
                    return copy.tokens < copy.capacity
                }
            }
            var chosen = zip(items, ids).map { item, id in
                buckets[id]
                    ?? TokenBucket(capacity: Double(item.policy.quota), refillPerSecond: item.policy.refillPerSecond, now: now)
            }
            for i in chosen.indices { chosen[i].refill(at: now) }
            let all = chosen.allSatisfy(\.hasToken)
            var decisions: [TokenBucket.Decision] = []
            for i in chosen.indices {
                if all { chosen[i].consume() }
                decisions.append(chosen[i].decision(allowed: all || chosen[i].hasToken))
                buckets[ids[i]] = chosen[i]
            }
            return decisions
        }
    }
}
