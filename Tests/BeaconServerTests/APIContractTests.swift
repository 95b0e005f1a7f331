import BeaconCore
import BeaconEngine
import BeaconServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// The HTTP contract: every API route is in `/openapi.json` with its methods (and nothing
/// else is), and a wrong method on a known path is a 405 naming the methods it takes.
@Suite("API contract")
struct APIContractTests {
    /// Routes that serve HTML to signed-in browsers rather than the API.
    static func isDashboard(_ path: String) -> Bool {
        path == "/" || path.hasPrefix("/dashboard") || path.hasPrefix("/login") || path.hasPrefix("/logout")
    }

    @Test("Router paths and methods equal the OpenAPI document's, the dashboard's HTML aside")
    func routesDocumented() async throws {
        let server = try await TestServer.make()
        let router = buildRouter(runtime: server.runtime, metrics: server.metrics, logger: Logger(label: "test"))
        var routed: [String: Set<String>] = [:]
        for route in router.routes where !Self.isDashboard("\(route.path)") {
            routed["\(route.path)", default: []].insert(route.method.rawValue.lowercased())
        }
        #expect(routed.count > 20, "the router lists its routes")
        let routes = routed
        try await server.app().test(.router) { client in
            let body = try await client.execute(uri: "/openapi.json", method: .get) { $0.body }
            let document = try JSONValue.parse(Data(buffer: body))
            #expect(document["openapi"] == .string("3.1.0"))
            let paths = try #require(document["paths"]?.objectValue)
            var documented: [String: Set<String>] = [:]
            for (path, item) in paths { documented[path] = Set(item.objectValue?.keys.map { $0 } ?? []) }
            for (path, methods) in routes.sorted(by: { $0.key < $1.key }) {
                #expect(documented[path] == methods, "\(path): routed \(methods.sorted()), documented \(documented[path]?.sorted() ?? [])")
            }
            for path in documented.keys where routes[path] == nil {
                Issue.record("\(path) is documented but no route serves it")
            }
        }
    }

    @Test("A wrong method on a known path is 405 with Allow; an unknown path stays 404")
    func methodNotAllowed() async throws {
        let server = try await TestServer.make()
        try await server.app().test(.router) { client in
            try await client.execute(uri: "/v1/track", method: .get) { r in
                #expect(r.status == .methodNotAllowed)
                #expect(r.headers[.allow] == "POST")
                #expect(problem(r)["field"] as? String == "method")
            }
            try await client.execute(uri: "/api/segments/abc", method: .post) { r in
                #expect(r.status == .methodNotAllowed)
                #expect(r.headers[.allow] == "DELETE, GET, PUT")
            }
            // A literal route is chosen before a capture: /api/segments/overlap takes GET only.
            try await client.execute(uri: "/api/segments/overlap", method: .delete) { r in
                #expect(r.status == .methodNotAllowed)
                #expect(r.headers[.allow] == "GET")
            }
            try await client.execute(uri: "/api/nothing-here", method: .get) { r in
                #expect(r.status == .notFound)
            }
            // The route still answers its own method.
            try await client.execute(uri: "/healthz", method: .get) { r in #expect(r.status == .ok) }
        }
    }
}
