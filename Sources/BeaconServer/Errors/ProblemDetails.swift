import Foundation
import Hummingbird

/// An HTTP error rendered as RFC 9457 `application/problem+json`, naming the field at fault.
///
/// Body: `{"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "…",
/// "field": "batch[3].userId", "index": 3}`.
public struct ProblemDetails: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var detail: String
    public var field: String?
    public var index: Int?
    /// The methods the path answers, sent as `Allow` with a 405.
    public var allow: [HTTPRequest.Method] = []

    public init(_ status: HTTPResponse.Status, detail: String, field: String? = nil, index: Int? = nil) {
        self.status = status
        self.detail = detail
        self.field = field
        self.index = index
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var body: [String: Any] = ["type": "about:blank", "title": status.reasonPhrase, "status": status.code, "detail": detail]
        body["field"] = field
        body["index"] = index
        let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data()
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Basic realm=\"beacon\"" }
        if !allow.isEmpty { headers[.allow] = allow.map(\.rawValue).joined(separator: ", ") }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
