import BeaconCore
import BeaconStore
import Foundation
import Testing

@testable import BeaconEngine

/// Shopify and Stripe webhooks: signatures checked against RFC 4231's HMAC-SHA256 vector, and
/// payloads shaped as the vendors document them, mapped, stored once and folded into profiles.
@Suite("Webhook sources: Shopify and Stripe")
struct WebhookSourceTests {
    /// Shopify's order webhook example (Admin REST API, Order resource), trimmed to what is read.
    static let shopifyOrder = """
        {"id":820982911946154508,"email":"jon@example.com","created_at":"2024-03-01T10:00:00-05:00",
         "currency":"USD","total_price":"598.94",
         "customer":{"id":115310627314723954,"email":"john@example.com","first_name":"John"},
         "line_items":[{"product_id":632910392,"sku":"IPOD2008PINK","title":"IPod Nano - 8GB","quantity":1,"price":"199.00"},
                       {"product_id":632910393,"sku":"IPOD2008BLACK","title":"IPod Nano - 8GB","quantity":2,"price":"199.97"}]}
        """
    /// Shopify's refund webhook example: no customer, two transactions (one failed).
    static let shopifyRefund = """
        {"id":509562969,"order_id":820982911946154508,"created_at":"2024-03-03T09:00:00-05:00",
         "transactions":[{"id":179259969,"kind":"refund","status":"success","amount":"41.94","currency":"USD"},
                         {"id":179259970,"kind":"refund","status":"failure","amount":"100.00","currency":"USD"}]}
        """

    static func stripeEvent(id: String, type: String, object: String, previous: String? = nil) -> String {
        let prev = previous.map { #","previous_attributes":\#($0)"# } ?? ""
        return #"{"id":"\#(id)","object":"event","api_version":"2024-06-20","created":1709290800,"type":"\#(type)","data":{"object":\#(object)\#(prev)}}"#
    }

    static let charge = #"""
        {"id":"ch_3MmlLrLkdIwHu7ix0snN0B15","object":"charge","amount":1099,"amount_refunded":0,"currency":"usd",
         "customer":"cus_NffrFeUfNV2Hib","payment_intent":"pi_3MmlLrLkdIwHu7ix0uke3Ezy","created":1709290700,
         "billing_details":{"email":"jenny.rosen@example.com"}}
        """#

    @Test("HMAC-SHA256 equals RFC 4231 test case 2; Shopify's header is its base64, Stripe's the hex of t.body")
    func signatures() throws {
        let mac = SourceSignature.mac(Array("what do ya want for nothing?".utf8), secret: "Jefe")
        #expect(mac.map { String(format: "%02x", $0) }.joined() == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let body = Array(#"{"a":1}"#.utf8)
        let shopify = SourceSignature.shopifyHeader(body: body, secret: "Jefe")
        #expect(Data(base64Encoded: shopify).map(Array.init) == SourceSignature.mac(body, secret: "Jefe"))
        #expect(SourceSignature.verifyShopify(body: body, header: shopify, secret: "Jefe"))
        #expect(!SourceSignature.verifyShopify(body: body + [0x20], header: shopify, secret: "Jefe"))
        #expect(!SourceSignature.verifyShopify(body: body, header: nil, secret: "Jefe"))

        let now = Date(timeIntervalSince1970: 1_709_290_800)
        let header = SourceSignature.stripeHeader(body: body, secret: "whsec_test", time: now)
        let expected = SourceSignature.mac(Array("1709290800.".utf8) + body, secret: "whsec_test")
        #expect(header == "t=1709290800,v1=" + expected.map { String(format: "%02x", $0) }.joined())
        try SourceSignature.verifyStripe(body: body, header: header, secret: "whsec_test", now: now.addingTimeInterval(299))
        // A rolled secret: either signature may match.
        try SourceSignature.verifyStripe(
            body: body, header: header + ",v1=" + String(repeating: "0", count: 64), secret: "whsec_test", now: now)
        #expect(throws: SourceSignature.StripeFailure.stale(seconds: 301)) {
            try SourceSignature.verifyStripe(body: body, header: header, secret: "whsec_test", now: now.addingTimeInterval(301))
        }
        #expect(throws: SourceSignature.StripeFailure.mismatch) {
            try SourceSignature.verifyStripe(body: body, header: header, secret: "whsec_other", now: now)
        }
        #expect(throws: SourceSignature.StripeFailure.malformed) {
            try SourceSignature.verifyStripe(body: body, header: "v1=abc", secret: "whsec_test", now: now)
        }
    }

    @Test("Stripe amounts: cents for USD, whole yen for JPY, thousandths for KWD")
    func stripeUnits() {
        #expect(StripeWebhookMapper.majorUnits(1099, currency: "usd") == 10.99)
        #expect(StripeWebhookMapper.majorUnits(500, currency: "JPY") == 500)
        #expect(StripeWebhookMapper.majorUnits(1250, currency: "kwd") == 1.25)
    }

    @Test(
        "Shopify: an order and its refund land on one profile, net of the refund; a bad signature stores nothing; retries store once",
        arguments: ProfileBackend.available)
    func shopify(_ backend: ProfileBackend) async throws {
        let f = try await ProfileFixture.make(backend)
        let committer = GroupCommitter(store: f.store.events, onCommit: { _ in })
        let box = SecretBox.random()
        let service = WebhookSourceService(store: f.store.webhookSources, committer: committer, secrets: { box })
        let source = try await service.create(workspace: f.workspace, kind: .shopify, name: "store", secret: "shpss_secret1")
        // The secret is stored sealed, never as given.
        let sealed = try #require(try await f.store.webhookSources.source(id: source.id)).secret
        #expect(!sealed.contains("shpss_secret1"))
        #expect(try box.open(sealed) == "shpss_secret1")
        let order = Array(Self.shopifyOrder.utf8), refund = Array(Self.shopifyRefund.utf8)
        func headers(_ topic: String, _ body: [UInt8], secret: String = "shpss_secret1") -> [String: String] {
            ["x-shopify-topic": topic, "x-shopify-hmac-sha256": SourceSignature.shopifyHeader(body: body, secret: secret)]
        }

        await #expect(throws: WebhookSourceError.self) {
            try await service.receive(sourceId: source.id, headers: headers("orders/create", order, secret: "wrong"), body: order)
        }
        #expect(try await f.store.events.eventCount(in: f.workspace.id) == 0)

        let first = try await service.receive(sourceId: source.id, headers: headers("orders/create", order), body: order)
        #expect(first.eventsStored == 1)
        let paid = try await service.receive(sourceId: source.id, headers: headers("orders/paid", order), body: order)
        #expect(paid.eventsStored == 0 && paid.duplicates == 1)
        let refunded = try await service.receive(sourceId: source.id, headers: headers("refunds/create", refund), body: refund)
        #expect(refunded.eventsStored == 1)
        let retried = try await service.receive(sourceId: source.id, headers: headers("refunds/create", refund), body: refund)
        #expect(retried.eventsStored == 0)
        let ignored = try await service.receive(
            sourceId: source.id, headers: headers("products/update", Array("{}".utf8)), body: Array("{}".utf8))
        #expect(ignored.ignored != nil)

        let stored = try await f.store.events.events(in: f.workspace.id, after: nil, limit: 10).map(\.event)
        #expect(stored.map(\.messageId) == ["shopify-order-820982911946154508", "shopify-refund-509562969"])
        #expect(stored.allSatisfy { $0.userId == "115310627314723954" })
        #expect(stored[0].timestamp == Timestamp.parse("2024-03-01T15:00:00Z"))
        #expect(Order(stored[0])?.revenue == 598.94 && Order(stored[0])?.orderId == "820982911946154508")
        #expect(Refund(stored[1])?.revenue == -41.94 && Refund(stored[1])?.orderId == "820982911946154508")

        try await f.engine.catchUp(workspaceId: f.workspace.id)
        let profile = try #require(try await f.profile("115310627314723954"))
        #expect(abs(profile.orders.lifetimeValue - (598.94 - 41.94)) < 1e-9)

        let deliveries = try await service.deliveries(of: source)
        #expect(deliveries.map(\.outcome) == [.ignored, .accepted, .accepted, .accepted, .accepted, .refused])
        #expect(deliveries.last?.detail.contains("X-Shopify-Hmac-Sha256") == true)
    }

    @Test(
        "Stripe: charge, partial refunds and a subscription mapped from documented events; stale timestamps refused",
        arguments: ProfileBackend.available)
    func stripe(_ backend: ProfileBackend) async throws {
        let f = try await ProfileFixture.make(backend)
        let committer = GroupCommitter(store: f.store.events, onCommit: { _ in })
        let box = SecretBox.random()
        let service = WebhookSourceService(store: f.store.webhookSources, committer: committer, secrets: { box })
        await #expect(throws: WebhookSourceError.invalid(field: "secret", reason: "a Stripe endpoint secret starts with 'whsec_'")) {
            try await service.create(workspace: f.workspace, kind: .stripe, name: "payments", secret: "sk_live_12345678")
        }
        let source = try await service.create(workspace: f.workspace, kind: .stripe, name: "payments", secret: "whsec_abcdefgh")
        let now = Date(timeIntervalSince1970: 1_709_290_800)
        func send(_ json: String, at: Date = now, signedAt: Date = now) async throws -> WebhookSourceService.Receipt {
            let body = Array(json.utf8)
            let header = SourceSignature.stripeHeader(body: body, secret: "whsec_abcdefgh", time: signedAt)
            return try await service.receive(sourceId: source.id, headers: ["stripe-signature": header], body: body, now: at)
        }
        let succeeded = Self.stripeEvent(id: "evt_1", type: "charge.succeeded", object: Self.charge)
        await #expect(throws: WebhookSourceError.self) { try await send(succeeded, signedAt: now.addingTimeInterval(-600)) }
        #expect(try await f.store.events.eventCount(in: f.workspace.id) == 0)

        #expect(try await send(succeeded).eventsStored == 1)
        #expect(try await send(succeeded).duplicates == 1)
        let refunded = Self.charge.replacingOccurrences(of: #""amount_refunded":0"#, with: #""amount_refunded":300"#)
        #expect(try await send(Self.stripeEvent(id: "evt_2", type: "charge.refunded", object: refunded)).eventsStored == 1)
        let refundedMore = Self.charge.replacingOccurrences(of: #""amount_refunded":0"#, with: #""amount_refunded":1099"#)
        let second = Self.stripeEvent(
            id: "evt_3", type: "charge.refunded", object: refundedMore, previous: #"{"amount_refunded":300}"#)
        #expect(try await send(second).eventsStored == 1)
        let subscription = #"""
            {"id":"sub_1MowQVLkdIwHu7ixeRlqHVzs","object":"subscription","customer":"cus_NffrFeUfNV2Hib","status":"active",
             "items":{"data":[{"quantity":2,"price":{"id":"price_1MowQULkdIwHu7ixraBm864M","currency":"usd","unit_amount":1500,
             "recurring":{"interval":"month"}}}]}}
            """#
        #expect(try await send(Self.stripeEvent(id: "evt_4", type: "customer.subscription.created", object: subscription)).eventsStored == 1)

        let stored = try await f.store.events.events(in: f.workspace.id, after: nil, limit: 10).map(\.event)
        #expect(stored.map(\.event) == ["Order Completed", "Order Refunded", "Order Refunded", "Subscription Started"])
        #expect(Order(stored[0])?.revenue == 10.99 && Order(stored[0])?.orderId == "pi_3MmlLrLkdIwHu7ix0uke3Ezy")
        #expect(Refund(stored[1])?.amount == 3 && Refund(stored[2])?.amount == 7.99)
        #expect(stored.allSatisfy { $0.userId == "cus_NffrFeUfNV2Hib" })
        #expect(stored[0].context?["traits"]?["email"] == .string("jenny.rosen@example.com"))
        #expect(stored[3].properties?["amount"] == .number(30) && stored[3].properties?["interval"] == .string("month"))
    }
}
