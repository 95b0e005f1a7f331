import Hummingbird

/// Refuses a write key offered in the query string of a read request (`GET`/`HEAD`), on every
/// route.
///
/// Write keys are public by design (they sit in web pages and apps) and only write; reading
/// needs an API token or a dashboard session. Without this guard a `?writeKey=` on a read route
/// would be ignored silently, and a client might believe it had authenticated. Routes that take
/// a bearer token also refuse a write key sent as HTTP Basic (`ProfileAPIRequest.authenticate`).
struct WriteKeyReadGuard<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method == .get || request.method == .head, request.uri.queryParameters["writeKey"] != nil {
            throw ProblemDetails.writeKeyCannotRead
        }
        return try await next(request, context)
    }
}

extension ProblemDetails {
    /// 403 naming `writeKey`: the answer to a write key offered to a read route.
    static let writeKeyCannotRead = ProblemDetails(
        .forbidden,
        detail: "a write key can only send events; reading needs a workspace API token as 'Authorization: Bearer bt_…' (beacon token create)",
        field: "writeKey")
}
