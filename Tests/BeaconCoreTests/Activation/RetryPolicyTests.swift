import BeaconCore
import Foundation
import Testing

@Suite("Retry policy")
struct RetryPolicyTests {
    @Test("the default makes 8 attempts over about a day")
    func defaultWindow() {
        let p = RetryPolicy()
        // Waits after attempts 1…7: 60·3.5^(n-1) s capped at 12 h, by hand:
        // 60, 210, 735, 2572.5, 9003.75, 31513.125, 43200 (cap; 110295.9 uncapped).
        let expected = [60, 210, 735, 2572.5, 9003.75, 31513.125, 43200]
        for (i, e) in expected.enumerated() {
            #expect(abs(p.baseDelay(afterAttempt: i + 1) - e) < 1e-9)
        }
        #expect(abs(p.window - 87294.375) < 1e-9)
        #expect(p.window > 20 * 3600 && p.window < 28 * 3600)
        #expect(p.delay(afterAttempt: 8, random: 0.5) == nil)
        #expect(p.delay(afterAttempt: 7, random: 0.5) == 43200)
    }

    @Test("jitter moves a wait by at most ±20 %, and Retry-After replaces it (capped)")
    func jitterAndRetryAfter() {
        let p = RetryPolicy()
        #expect(p.delay(afterAttempt: 2, random: 0) == 210 * 0.8)
        #expect(abs(p.delay(afterAttempt: 2, random: 0.999_999)! - 210 * 1.2) < 1e-3)
        #expect(p.delay(afterAttempt: 2, retryAfter: 7, random: 0.9) == 7)
        #expect(p.delay(afterAttempt: 2, retryAfter: 999_999, random: 0.9) == 43200)
        #expect(p.delay(afterAttempt: 8, retryAfter: 7, random: 0.9) == nil)
    }

    @Test("the idempotency key depends on cause, profile and destination only")
    func keys() {
        let a = OutboxMessage.key(cause: "event:m1", profile: "p-1", destination: "dst_a")
        #expect(a == OutboxMessage.key(cause: "event:m1", profile: "p-1", destination: "dst_a"))
        #expect(a.hasPrefix("msg_") && a.count == 36)
        let others = [
            OutboxMessage.key(cause: "event:m2", profile: "p-1", destination: "dst_a"),
            OutboxMessage.key(cause: "event:m1", profile: "p-2", destination: "dst_a"),
            OutboxMessage.key(cause: "event:m1", profile: "p-1", destination: "dst_b"),
            // The separator keeps "ab"+"c" apart from "a"+"bc".
            OutboxMessage.key(cause: "event:m1p", profile: "-1", destination: "dst_a"),
        ]
        #expect(Set(others + [a]).count == 5)
        // 10,000 causes give 10,000 keys.
        #expect(
            Set((0..<10_000).map { OutboxMessage.key(cause: "event:\($0)", profile: "p", destination: "d") }).count
                == 10_000)
    }

    @Test("an event activation matches on name and every filtered property")
    func eventFilter() {
        let t = ActivationTrigger.event(
            name: "Order Completed", properties: ["currency": .string("EUR"), "total": .number(20)])
        #expect(
            t.matches(
                eventName: "Order Completed",
                properties: ["currency": .string("EUR"), "total": .number(20), "x": .bool(true)]))
        #expect(
            !t.matches(eventName: "Order Completed", properties: ["currency": .string("USD"), "total": .number(20)]))
        #expect(!t.matches(eventName: "Order Completed", properties: ["currency": .string("EUR")]))
        #expect(
            !t.matches(eventName: "Order Refunded", properties: ["currency": .string("EUR"), "total": .number(20)]))
        #expect(
            ActivationTrigger.event(name: "Signed Up", properties: [:]).matches(eventName: "Signed Up", properties: nil)
        )
        #expect(!ActivationTrigger.segment(id: "vip", on: [.entered]).matches(eventName: "vip", properties: nil))
    }
}
