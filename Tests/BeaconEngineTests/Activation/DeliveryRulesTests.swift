import BeaconCore
import BeaconEngine
import Foundation
import Testing

@Suite("Delivery rules")
struct DeliveryRulesTests {
    @Test("signatures match the Standard Webhooks reference vector")
    func referenceVector() throws {
        // The vector of the Standard Webhooks / Svix libraries' own tests.
        let header = try WebhookSignature.header(
            id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: Data(#"{"test": 2432232314}"#.utf8),
            secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"])
        #expect(header == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        // During a rotation both secrets sign, space-separated, newest first.
        let rotated = try WebhookSignature.header(
            id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: Data(#"{"test": 2432232314}"#.utf8),
            secrets: [WebhookSignature.newSecret(), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"])
        #expect(rotated.split(separator: " ").count == 2)
        #expect(rotated.hasSuffix(" v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="))
        #expect(throws: ActivationError.self) { try WebhookSignature.key(of: "not-a-secret") }
        #expect(throws: ActivationError.self) { try WebhookSignature.key(of: "whsec_c2hvcnQ=") }
    }

    @Test("sealed secrets open only with their key and never hold the plain text")
    func secretBox() throws {
        let box = SecretBox.random()
        let secret = WebhookSignature.newSecret()
        let sealed = try box.seal(secret)
        #expect(!sealed.contains(secret) && !sealed.contains(String(secret.dropFirst(6))))
        #expect(try box.open(sealed) == secret)
        #expect(try box.seal(secret) != sealed)
        #expect(throws: ActivationError.self) { try SecretBox.random().open(sealed) }
        #expect(throws: ActivationError.self) { try SecretBox.fromEnvironment(["BEACON_SECRET_KEY": "c2hvcnQ="]) }
    }

    @Test("an attempt delivers, backs off, honours Retry-After and ends dead after the last attempt")
    func attempts() {
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        let policy = RetryPolicy(maxAttempts: 3, initialDelay: 10, multiplier: 2, maxDelay: 100, jitter: 0.2)
        let m = OutboxMessage(
            workspaceId: "w", id: "msg_1", destinationId: "d", orderKey: "p", cause: "c", payload: "{}",
            nextAttemptAt: t0,
            createdAt: t0)
        let ok = DeliveryAttempt.settled(
            m, response: WebhookResponse(status: 204), policy: policy, now: t0, random: 0.5)
        #expect(ok.state == .delivered && ok.deliveredAt == t0 && ok.attempts == 1 && ok.lastError == nil)
        let first = DeliveryAttempt.settled(
            m, response: WebhookResponse(status: 503, detail: "busy"), policy: policy, now: t0, random: 0.5)
        #expect(first.state == .pending && first.attempts == 1 && first.nextAttemptAt == t0.addingTimeInterval(10))
        #expect(first.lastStatus == 503 && first.lastError == "busy")
        let second = DeliveryAttempt.settled(
            first, response: WebhookResponse(status: 429, retryAfter: 3), policy: policy, now: t0, random: 0.5)
        #expect(second.state == .pending && second.nextAttemptAt == t0.addingTimeInterval(3))
        let third = DeliveryAttempt.settled(
            second, response: WebhookResponse(status: 0), policy: policy, now: t0, random: 0.5)
        #expect(third.state == .dead && third.attempts == 3)
        let refused = DeliveryAttempt.settled(
            m, response: WebhookResponse(status: 550, detail: "no such mailbox", permanent: true), policy: policy,
            now: t0, random: 0.5)
        #expect(refused.state == .dead && refused.attempts == 1 && refused.lastError == "no such mailbox")
    }

    @Test("Retry-After is read as seconds or as an HTTP date")
    func retryAfter() {
        let now = Date(timeIntervalSince1970: 1_445_412_480)  // 2015-10-21T07:28:00Z
        #expect(WebhookResponse.retryAfter("120", now: now) == 120)
        #expect(WebhookResponse.retryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now: now) == 30)
        #expect(WebhookResponse.retryAfter("soon", now: now) == nil)
        #expect(WebhookResponse.retryAfter(nil, now: now) == nil)
    }

    @Test("the breaker opens after the threshold, lets one probe through after the cooldown, and doubles it on failure")
    func breaker() {
        let t0 = Date(timeIntervalSince1970: 0)
        var b = CircuitBreaker(threshold: 3, cooldown: 5, maxCooldown: 15)
        #expect(b.permits(8, now: t0) == 8)
        b.failed(now: t0)
        b.failed(now: t0)
        #expect(b.permits(8, now: t0) == 8)
        b.failed(now: t0)
        #expect(b.openUntil == t0.addingTimeInterval(5))
        #expect(b.permits(8, now: t0.addingTimeInterval(4.9)) == 0)
        #expect(b.permits(8, now: t0.addingTimeInterval(5)) == 1)
        #expect(b.state == .halfOpen)
        b.failed(now: t0.addingTimeInterval(5))
        #expect(b.openUntil == t0.addingTimeInterval(15))
        #expect(b.permits(8, now: t0.addingTimeInterval(15)) == 1)
        b.succeeded()
        #expect(b.state == .closed && b.permits(8, now: t0.addingTimeInterval(15)) == 8)
    }

    @Test("webhooks and email have their own in-flight bounds, each set by its variable; a bad value names it")
    func inFlightBounds() throws {
        let defaults = try DeliverySettings.fromEnvironment([:])
        #expect(defaults.maxInFlight == 32 && defaults.emailConnections == 16)
        let set = try DeliverySettings.fromEnvironment(
            ["BEACON_DELIVERY_MAX_IN_FLIGHT": "64", "BEACON_DELIVERY_EMAIL_CONNECTIONS": "4"])
        #expect(set.maxInFlight == 64 && set.emailConnections == 4)
        #expect(throws: ActivationError.self) {
            try DeliverySettings.fromEnvironment(["BEACON_DELIVERY_EMAIL_CONNECTIONS": "0"])
        }
        let error = #expect(throws: ActivationError.self) {
            try DeliverySettings.fromEnvironment(["BEACON_DELIVERY_EMAIL_CONNECTIONS": "many"])
        }
        #expect(error.map { "\($0)" }?.contains("BEACON_DELIVERY_EMAIL_CONNECTIONS") == true)
    }
}

