import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// `POST /api/rebuild` starts a rebuild of the token's workspace (identities, profiles and
/// memberships from the event log) inside the running server, while ingest keeps accepting
/// events; `GET /api/rebuild` shows its progress and result.
struct RebuildController<Context: RequestContext> {
    let api: ProfileAPIRequest

    func addRoutes(to router: Router<Context>) {
        router.post("/api/rebuild") { request, _ -> Response in
            let (engine, ws) = try await api.authenticate(request)
            let predictions = try await options(request)
            do {
                let status = try await engine.startRebuild(workspaceId: ws.id, refreshPredictions: predictions)
                return ProfileAPIRequest.json(Self.json(status), status: .accepted)
            } catch RebuildError.alreadyRunning {
                throw ProblemDetails(.conflict, detail: RebuildError.alreadyRunning.description, field: "(workspace)")
            }
        }
        router.get("/api/rebuild") { request, _ -> Response in
            let (engine, ws) = try await api.authenticate(request)
            guard let status = await engine.rebuildStatus(workspaceId: ws.id) else {
                return ProfileAPIRequest.json(.object(["state": "idle"]))
            }
            return ProfileAPIRequest.json(Self.json(status))
        }
    }

    /// The optional body `{"predictions": true}`: refresh predictions after the rebuild.
    private func options(_ request: Request) async throws -> Bool {
        let buffer = try await request.body.collect(upTo: 1 << 16)
        guard buffer.readableBytes > 0 else { return false }
        let value: JSONValue
        do {
            value = try JSONValue.parse(Data(buffer: buffer))
        } catch {
            throw ProblemDetails(.badRequest, detail: "body is not valid JSON: \(error)", field: "(body)")
        }
        guard let body = value.objectValue else {
            throw ProblemDetails(
                .badRequest, detail: "body must be a JSON object, got \(value.typeDescription)", field: "(body)")
        }
        if let unknown = body.keys.sorted().first(where: { $0 != "predictions" }) {
            throw ProblemDetails(
                .badRequest, detail: "\(unknown) is not an option of a rebuild (predictions)", field: unknown)
        }
        guard let value = body["predictions"] else { return false }
        guard case .bool(let b) = value else {
            throw ProblemDetails(.badRequest, detail: "predictions must be true or false", field: "predictions")
        }
        return b
    }

    static func json(_ s: RebuildStatus) -> JSONValue {
        var o: [String: JSONValue] = [
            "state": .string(s.state.rawValue), "phase": .string(s.phase.rawValue),
            "eventsFolded": .number(Double(s.eventsFolded)), "eventsAtStart": .number(Double(s.eventsAtStart)),
            "progress": .number(s.progress), "startedAt": .string(Timestamp.format(s.startedAt)),
        ]
        o["finishedAt"] = s.finishedAt.map { .string(Timestamp.format($0)) }
        o["error"] = s.error.map(JSONValue.string)
        if let r = s.report {
            o["report"] = .object([
                "events": .number(Double(r.events)), "profiles": .number(Double(r.profiles)),
                "merges": .number(Double(r.merges)),
                "entered": .number(Double(r.entered)), "exited": .number(Double(r.exited)),
            ])
        }
        return .object(o)
    }
}
