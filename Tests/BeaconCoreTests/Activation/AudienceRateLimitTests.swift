import BeaconCore
import Foundation
import Testing

@Suite("Audience rate limits")
struct AudienceRateLimitTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    /// Requests sent as soon as the limit lets them, from `t0` until `seconds` later: their times.
    func drive(_ limit: inout AudienceRateLimit, seconds: TimeInterval) -> [TimeInterval] {
        var now = t0
        var sent: [TimeInterval] = []
        while now.timeIntervalSince(t0) < seconds {
            let wait = limit.acquire(now: now)
            if wait == 0 {
                sent.append(now.timeIntervalSince(t0))
            } else {
                now = now.addingTimeInterval(max(wait, 1e-6))
            }
        }
        return sent
    }

    @Test("HubSpot's 100 per 10 s: 100 at once, then one every 0.1 s")
    func hubspot() {
        var limit = AudienceRateLimit([TokenBucket(requests: 100, per: 10)])
        let sent = drive(&limit, seconds: 10)
        // 100 at t = 0, then one per 0.1 s at 0.1 … 9.9: 99 more (hand count).
        #expect(sent.filter { $0 == 0 }.count == 100)
        #expect(sent.count == 199 || sent.count == 200)
        #expect(abs(sent[100] - 0.1) < 1e-6)
    }

    @Test("Klaviyo's burst 10/s and steady 150/min: the burst binds first, the steady rate after about 18.7 s")
    func klaviyo() {
        var limit = AudienceRateLimit([TokenBucket(capacity: 10, refillPerSecond: 10), TokenBucket(requests: 150, per: 60)])
        let sent = drive(&limit, seconds: 60)
        // Burst: 10 + 10 t; steady: 150 + 2.5 t. They cross at t = 140 / 7.5 = 18.67 s (191.7
        // requests); by 60 s the steady bucket allows 150 + 2.5 × 60 = 300.
        #expect(sent.filter { $0 < 1 }.count == 19)
        #expect(abs(sent.count - 300) <= 1)
        let early = sent.filter { $0 < 18 }.count
        #expect(abs(early - 190) <= 1)
        // Past the crossing, requests are 0.4 s apart (2.5 per second).
        let late = sent.filter { $0 > 30 }
        #expect(zip(late, late.dropFirst()).allSatisfy { abs(($1 - $0) - 0.4) < 1e-6 })
    }

    @Test("a 429's Retry-After holds every request until it passes, and the buckets start again from empty")
    func retryAfter() {
        var limit = AudienceRateLimit([TokenBucket(capacity: 10, refillPerSecond: 10)])
        #expect(limit.acquire(now: t0) == 0)
        limit.throttled(now: t0, retryAfter: 3)
        #expect(abs(limit.acquire(now: t0.addingTimeInterval(2.5)) - 0.5) < 1e-9)
        #expect(limit.acquire(now: t0.addingTimeInterval(3)) == 0)
        // A 429 without Retry-After empties the buckets: the next token is 0.1 s away.
        limit.throttled(now: t0.addingTimeInterval(4), retryAfter: nil)
        #expect(abs(limit.acquire(now: t0.addingTimeInterval(4)) - 0.1) < 1e-9)
    }
}
