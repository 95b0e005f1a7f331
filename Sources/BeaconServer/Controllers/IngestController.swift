import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The Segment-compatible tracking API: `POST /v1/{identify,track,page,screen,group,alias,batch,import}`.
///
/// Authentication is the workspace write key as the HTTP Basic user (empty password), as
/// every Segment and RudderStack SDK sends it, or `writeKey` in the body. Bodies may be
/// gzip-compressed (`Content-Encoding: gzip`); size limits apply to the inflated JSON.
/// The answer is `200 {"success": true}` only after the events are committed; every
/// refusal is an `application/problem+json` naming the field.
struct IngestController<Context: RequestContext> {
    let runtime: BeaconRuntime
    let metrics: BeaconMetrics
    let logger: Logger

    func addRoutes(to router: Router<Context>) {
        for endpoint in IngestEndpoint.allCases {
            router.post("/v1/\(endpoint.rawValue)") { request, context in
                try await handle(request, context: context, endpoint: endpoint)
            }
        }
    }

    func handle(_ request: Request, context: Context, endpoint: IngestEndpoint) async throws -> Response {
        do {
            let body = try await readBody(request, limit: endpoint.maxBodyBytes)
            let outcome = try await runtime.ingest.ingest(body: body, endpoint: endpoint, writeKey: request.basicAuthUser)
            metrics.eventsAccepted.increment(by: Int64(outcome.accepted))
            metrics.eventsDuplicate.increment(by: Int64(outcome.duplicates))
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: "{\"success\":true}")))
        } catch let error as IngestError {
            let problem = Self.problem(for: error)
            metrics.requestsRejected(Int(problem.status.code)).increment()
            throw problem
        } catch let problem as ProblemDetails {
            metrics.requestsRejected(Int(problem.status.code)).increment()
            throw problem
        } catch {
            logger.error("ingest failed", metadata: ["error": "\(error)", "endpoint": "\(endpoint.rawValue)"])
            metrics.requestsRejected(503).increment()
            throw ProblemDetails(.serviceUnavailable, detail: "the event store is unavailable; nothing was stored, retry later")
        }
    }

    /// Reads the body, inflating gzip, and enforces the size limit on the inflated bytes.
    func readBody(_ request: Request, limit: Int) async throws -> [UInt8] {
        if let type = request.headers[.contentType]?.lowercased(),
           !(type.hasPrefix("application/json") || type.hasPrefix("text/plain")) {
            throw ProblemDetails(.unsupportedMediaType, detail: "Content-Type must be application/json, got '\(type)'", field: "Content-Type")
        }
        let encoding = request.headers[.contentEncoding]?.lowercased().trimmingCharacters(in: .whitespaces) ?? "identity"
        guard encoding == "identity" || encoding == "gzip" else {
            throw ProblemDetails(.unsupportedMediaType, detail: "Content-Encoding '\(encoding)' is not supported; use gzip or none", field: "Content-Encoding")
        }
        var buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw IngestError.tooLarge(field: "body", limit: limit)
        }
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        guard encoding == "gzip" else { return bytes }
        do {
            return try Gzip.decompress(bytes, maxSize: limit)
        } catch GzipError.tooLarge {
            throw IngestError.tooLarge(field: "body", limit: limit)
        } catch {
            throw ProblemDetails(.badRequest, detail: "body is not valid gzip", field: "(body)")
        }
    }

    static func problem(for error: IngestError) -> ProblemDetails {
        switch error {
        case .invalid(let e):
            return ProblemDetails(.badRequest, detail: e.description, field: e.pointer, index: e.index)
        case .unauthorized(let message):
            return ProblemDetails(.unauthorized, detail: message, field: "writeKey")
        case .tooLarge(let field, _):
            return ProblemDetails(.contentTooLarge, detail: error.description, field: field)
        case .unsupportedMediaType(let message):
            return ProblemDetails(.unsupportedMediaType, detail: message, field: "Content-Type")
        }
    }
}
