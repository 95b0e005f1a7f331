import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// JSON in and out of the dashboard's own endpoints under `/dashboard/api/`: responses with
/// the dashboard's security headers, request bodies read with a size limit, and engine
/// errors turned into problem+json naming the field (a rule error names the rule node, e.g.
/// `rule.all[1].event.within_days`, which the builder shows next to that node).
enum DashboardJSON {
    /// `value` as an `application/json` response.
    static func response(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        var headers = DashboardRenderer.securityHeaders
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: value.serialized())))
    }

    /// The request body as a JSON object.
    /// - Throws: `ProblemDetails` 400 naming `body` when it is not a JSON object or too large.
    static func object(_ request: Request, limit: Int = 256 * 1024) async throws -> [String: JSONValue] {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw ProblemDetails(.contentTooLarge, detail: "the body must be at most \(limit) bytes", field: "body")
        }
        guard let parsed = try? JSONValue.parse(Data(buffer: buffer)), case .object(let root) = parsed else {
            throw ProblemDetails(.badRequest, detail: "the body must be a JSON object", field: "body")
        }
        return root
    }
}
