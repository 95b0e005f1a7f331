import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird
import NIOCore

/// `POST /v1/sources/{sourceId}`: where a shop's own webhooks (Shopify, Stripe) are delivered.
///
/// The vendor's signature authenticates the delivery (no write key): a wrong signature or a
/// stale Stripe timestamp is a 401 naming the header, and stores nothing; an unknown source
/// is a 404; a payload that cannot be mapped is a 400 naming the field. A valid delivery is
/// answered 200 once its events are committed, and a retried one stores nothing twice. A
/// topic Beacon does not map is answered 200 (so the vendor stops retrying) and listed as
/// ignored among the source's deliveries.
struct SourceWebhookController<Context: RequestContext> {
    let runtime: BeaconRuntime
    /// The largest delivery accepted (Shopify and Stripe payloads are far smaller).
    static var maxBodyBytes: Int { 1 << 20 }

    func addRoutes(to router: Router<Context>) {
        router.post("/v1/sources/:sourceId") { request, context in
            try await receive(request, context: context)
        }
    }

    func receive(_ request: Request, context: Context) async throws -> Response {
        let sourceId = try context.parameters.require("sourceId")
        var buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: Self.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw ProblemDetails(.contentTooLarge, detail: "a delivery is at most \(Self.maxBodyBytes) bytes", field: "(body)")
        }
        let body = buffer.readBytes(length: buffer.readableBytes) ?? []
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        do {
            let receipt = try await runtime.sources.receive(sourceId: sourceId, headers: headers, body: body)
            var answer: [String: JSONValue] = [
                "success": .bool(true), "topic": .string(receipt.topic), "stored": .number(Double(receipt.eventsStored)),
                "duplicates": .number(Double(receipt.duplicates)),
            ]
            answer["ignored"] = receipt.ignored.map(JSONValue.string)
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: JSONValue.object(answer).serialized())))
        } catch let error as WebhookSourceError {
            switch error {
            case .notFound:
                throw ProblemDetails(.notFound, detail: error.description, field: "sourceId")
            case .unauthorized(let field, let reason):
                throw ProblemDetails(.unauthorized, detail: reason, field: field)
            case .invalid(let field, let reason):
                throw ProblemDetails(.badRequest, detail: reason, field: field)
            }
        }
    }
}
