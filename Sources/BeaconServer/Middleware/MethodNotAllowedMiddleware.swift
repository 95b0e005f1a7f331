import Hummingbird
import Synchronization

/// Answers a request whose path exists under other methods with 405 and `Allow` (RFC 9110
/// §15.5.6) instead of the router's 404, so a client that sends `GET` to a `POST` route learns
/// what the route takes.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The router's routes, filled in once every route is registered.
    final class Routes: Sendable {
        private let table = Mutex<[(segments: [Substring], method: HTTPRequest.Method)]>([])

        /// Records the router's routes (`Router.routes`).
        func load(_ routes: [(path: String, method: HTTPRequest.Method)]) {
            table.withLock { $0 = routes.map { ($0.path.split(separator: "/"), $0.method) } }
        }

        /// The methods of the route the router would pick for `path`: of the templates that
        /// match it (a `:name` or `{name}` segment matches any one segment, `*` any one, `**`
        /// the rest), those whose literal segments come first, as the router prefers a literal
        /// segment to a capture (`/api/segments/overlap` before `/api/segments/{id}`).
        func methods(for path: String) -> [HTTPRequest.Method] {
            let parts = path.split(separator: "/")
            let found = table.withLock { table in
                table.filter { Self.matches($0.segments, parts) }
            }
            let literalness = { (segments: [Substring]) in RouteTemplate.literalness(segments) }
            guard let best = found.map({ literalness($0.segments) }).max(by: RouteTemplate.lessLiteral) else { return [] }
            let methods = found.filter { literalness($0.segments) == best }.map(\.method)
            return Array(Set(methods)).sorted { $0.rawValue < $1.rawValue }
        }

        static func matches(_ template: [Substring], _ parts: [Substring]) -> Bool {
            var i = 0
            for (n, segment) in template.enumerated() {
                if segment == "**" { return true }
                guard i < parts.count else { return false }
                let capture = segment.hasPrefix(":") || segment.hasPrefix("{") || segment == "*"
                if !capture, segment != parts[i] { return false }
                i += 1
                if n == template.count - 1 { return i == parts.count }
            }
            return template.isEmpty && parts.isEmpty
        }
    }

    let routes: Routes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = routes.methods(for: request.uri.path)
            guard !allowed.isEmpty, !allowed.contains(request.method) else { throw error }
            var problem = ProblemDetails(
                .methodNotAllowed,
                detail: "\(request.uri.path) takes \(allowed.map(\.rawValue).joined(separator: ", ")), not \(request.method.rawValue)",
                field: "method")
            problem.allow = allowed
            throw problem
        }
    }
}
