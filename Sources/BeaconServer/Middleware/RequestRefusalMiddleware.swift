import BeaconCore
import Hummingbird

/// Answers a `RequestRefusal` thrown by any route as a problem response naming its field:
/// 400 for an invalid request, 404 for a thing that does not exist, 409 for a conflict.
///
/// The innermost middleware, so the access log, rate limits and audit see the problem as they
/// see any other, and no route has to catch its service's errors itself.
struct RequestRefusalMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refusal as any RequestRefusal {
            throw ProblemDetails(refusal)
        }
    }
}

extension ProblemDetails {
    /// The problem that answers `refusal`.
    init(_ refusal: any RequestRefusal) {
        let status: HTTPResponse.Status =
            switch refusal.kind {
            case .invalid: .badRequest
            case .notFound: .notFound
            case .conflict: .conflict
            }
        self.init(status, detail: refusal.detail, field: refusal.field)
    }

    /// Runs `body`, answering a `RequestRefusal` as the problem that names its field; for the
    /// dashboard's form routes, which catch a `ProblemDetails` to show it beside the field.
    static func answering<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let refusal as any RequestRefusal {
            throw ProblemDetails(refusal)
        }
    }
}
