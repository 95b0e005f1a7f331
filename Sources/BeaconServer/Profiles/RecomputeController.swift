import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// `GET /api/segments/recompute` (the schedule, the last run over all workspaces and the
/// last result for the token's workspace) and `POST /api/segments/recompute` (recompute the
/// token's workspace now: prediction refresh, then every segment at the current time).
struct RecomputeController<Context: RequestContext> {
    let api: ProfileAPIRequest

    func addRoutes(to router: Router<Context>) {
        router.get("/api/segments/recompute") { request, _ -> Response in
            let (_, ws) = try await api.authenticate(request)
            let scheduler = api.runtime.recompute
            var body: [String: JSONValue] = [
                "intervalSeconds": await scheduler.interval.map { .number(RecomputeController.seconds($0)) } ?? .null,
                "runs": .number(Double(await scheduler.runCount)),
                "lastRun": .null, "workspace": .null,
            ]
            if let run = await scheduler.lastRun {
                body["lastRun"] = .object([
                    "startedAt": .string(Timestamp.format(run.startedAt)),
                    "durationSeconds": .number(run.durationSeconds),
                    "segmentsChanged": .number(Double(run.segmentsChanged)),
                    "workspaces": .number(Double(run.workspaces.count)),
                    "failedWorkspaces": .number(Double(run.failures.count)),
                ])
            }
            if let record = await scheduler.lastByWorkspace[ws.id] { body["workspace"] = Self.json(record) }
            return ProfileAPIRequest.json(.object(body))
        }
        router.post("/api/segments/recompute") { request, _ -> Response in
            let (_, ws) = try await api.authenticate(request)
            let record = try await api.runtime.recompute.runWorkspace(ws.id)
            return ProfileAPIRequest.json(.object(["workspace": Self.json(record)]))
        }
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func json(_ r: WorkspaceRecomputeRecord) -> JSONValue {
        .object([
            "startedAt": .string(Timestamp.format(r.startedAt)), "durationSeconds": .number(r.durationSeconds),
            "scheduled": .bool(r.scheduled), "segments": .number(Double(r.result.segments)),
            "segmentsChanged": .number(Double(r.result.segmentsChanged)),
            "entered": .number(Double(r.result.entered)), "exited": .number(Double(r.result.exited)),
            "predictions": .object([
                "customers": .number(Double(r.result.predictions.customers)),
                "rfmScored": .number(Double(r.result.predictions.rfmScored)),
                "fitted": .bool(r.result.predictions.bgnbd != nil),
                "asOf": r.result.predictions.asOf.map { .string(Timestamp.format($0)) } ?? .null,
            ]),
        ])
    }
}
