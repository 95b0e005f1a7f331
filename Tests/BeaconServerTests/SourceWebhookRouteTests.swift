import BeaconCore
import BeaconEngine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Webhook sources over HTTP")
struct SourceWebhookRouteTests {
    @Test("A Stripe delivery with a wrong signature or a stale timestamp is 401 and stores nothing; a valid one stores once across retries")
    func stripe() async throws {
        let server = try await TestServer.make()
        let source = try await server.runtime.sources.create(
            workspace: server.workspace, kind: .stripe, name: "payments", secret: "whsec_route_test")
        let body = #"""
            {"id":"evt_9","object":"event","created":1709290800,"type":"charge.succeeded","data":{"object":
            {"id":"ch_9","object":"charge","amount":2500,"currency":"eur","customer":"cus_9","created":1709290790}}}
            """#
        @Sendable func headers(secret: String = "whsec_route_test", at: Date = Date()) -> HTTPFields {
            let signature = SourceSignature.stripeHeader(body: Array(body.utf8), secret: secret, time: at)
            return [.contentType: "application/json", HTTPField.Name("Stripe-Signature")!: signature]
        }
        try await server.app().test(.router) { client in
            try await client.execute(
                uri: "/v1/sources/\(source.id)", method: .post, headers: headers(secret: "whsec_forged"),
                body: ByteBuffer(string: body)
            ) { r in
                #expect(r.status == .unauthorized)
                #expect(problem(r)["field"] as? String == "Stripe-Signature")
            }
            try await client.execute(
                uri: "/v1/sources/\(source.id)", method: .post, headers: headers(at: Date().addingTimeInterval(-3_600)),
                body: ByteBuffer(string: body)
            ) { r in
                #expect(r.status == .unauthorized)
                #expect((problem(r)["detail"] as? String)?.contains("tolerance") == true)
            }
            try await client.execute(
                uri: "/v1/sources/src_000000000000000000000000", method: .post, headers: headers(), body: ByteBuffer(string: body)
            ) { r in
                #expect(r.status == .notFound)
            }
            #expect(try await server.storedEvents().isEmpty)
            for attempt in 0..<3 {
                try await client.execute(
                    uri: "/v1/sources/\(source.id)", method: .post, headers: headers(), body: ByteBuffer(string: body)
                ) { r in
                    #expect(r.status == .ok)
                    let json = try JSONValue.parse(Data(buffer: r.body))
                    #expect(json["stored"] == .number(attempt == 0 ? 1 : 0))
                }
            }
        }
        let stored = try await server.storedEvents().map(\.event)
        #expect(stored.count == 1)
        #expect(Order(stored[0])?.revenue == 25 && Order(stored[0])?.currency == "EUR")
    }

    @Test("The Data page lists each source with its latest deliveries, refusals with their reason")
    func dataPage() async throws {
        let server = try await DashboardTestServer.make()
        let workspace = try #require(server.workspace)
        let source = try await server.runtime.sources.create(
            workspace: workspace, kind: .shopify, name: "Main store", secret: "shpss_datapage")
        let body = Array(#"{"id":7,"total_price":"12.50","currency":"EUR","customer":{"id":9}}"#.utf8)
        _ = try await server.runtime.sources.receive(
            sourceId: source.id,
            headers: ["x-shopify-topic": "orders/create",
                      "x-shopify-hmac-sha256": SourceSignature.shopifyHeader(body: body, secret: "shpss_datapage")],
            body: body)
        _ = try? await server.runtime.sources.receive(
            sourceId: source.id, headers: ["x-shopify-topic": "orders/create", "x-shopify-hmac-sha256": "AAAA"], body: body)
        try await server.app().test(.router) { client in
            let page = try await client.execute(uri: "/dashboard/data", method: .get, headers: [.cookie: server.cookie]) {
                String(buffer: $0.body)
            }
            #expect(page.contains("Main store") && page.contains("/v1/sources/\(source.id)"))
            #expect(page.contains(">accepted<") && page.contains(">refused<"))
            #expect(page.contains("X-Shopify-Hmac-Sha256: missing, or not the HMAC-SHA256"))
        }
    }
}
