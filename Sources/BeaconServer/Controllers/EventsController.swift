import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// `GET /api/events?after=SEQ&limit=N`: the newest events of the caller's workspace, for the
/// live event debugger and for checking what was stored.
///
/// Authenticated with a workspace API token (`Authorization: Bearer bt_…`); a token only ever
/// reads its own workspace. A write key is refused (403): write keys are public by design and
/// only write. Events come back in storage order with their sequence numbers, so a client
/// pages with `after=<last sequence>`.
struct EventsController<Context: RequestContext> {
    let runtime: BeaconRuntime
    static var maxLimit: Int { 1_000 }

    func addRoutes(to router: Router<Context>) {
        router.get("/api/events") { request, context -> Response in
            let api = ProfileAPIRequest(runtime: runtime)
            let (_, workspace) = try await api.authenticate(request)
            let limit = try api.limit(request, default: 100, max: Self.maxLimit)
            let after = try ProfileAPIRequest.cursor(request, "after")
            let events = try await runtime.eventLog.events(in: workspace.id, after: after, limit: limit)
            let items = events.map { stored -> JSONValue in
                guard case .object(var o) = stored.event.json else { return stored.event.json }
                o["sequence"] = .number(Double(stored.sequence))
                return RequestAccess.masked(.object(o))
            }
            var body: [String: JSONValue] = ["workspace": .string(workspace.name), "events": .array(items)]
            body["next"] = events.last.map { .number(Double($0.sequence)) }
            if let first = events.first, let last = events.last {
                RequestAccess.noteDetail("events \(first.sequence)…\(last.sequence)")
            }
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: JSONValue.object(body).serialized())))
        }
    }
}
