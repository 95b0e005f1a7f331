import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// Scheduled email reports over the token API (scope `destinations`, since they mail through
/// an email destination):
///
/// - `GET /api/reports/schedules`, `POST /api/reports/schedules` with `{"name", "user",
///   "schedule", "time", "timeZone", "destination"}` (`user` is a dashboard user's email);
/// - `GET`/`DELETE /api/reports/schedules/{id}`, `POST …/{id}/pause`, `…/{id}/resume`,
///   `…/{id}/send` (send now) and `GET …/{id}/runs` (delivery history).
///
/// Bad input is a 400 problem naming the field; an unknown id a 404 naming `id`.
struct ReportSchedulesController<Context: RequestContext>: Sendable {
    let api: ProfileAPIRequest
    let runner: ReportScheduleRunner

    var service: ReportScheduleService { api.runtime.reportSchedules }

    func addRoutes(to router: Router<Context>) {
        router.get("/api/reports/schedules") { request, _ -> Response in
            let (_, ws) = try await api.authenticate(request)
            let list = try await service.schedules(workspaceId: ws.id)
            return ProfileAPIRequest.json(.object(["schedules": .array(list.map(Self.json))]))
        }
        router.post("/api/reports/schedules") { request, _ -> Response in
            let (_, ws) = try await api.authenticate(request)
            let body = try await api.body(request)
            let schedule = try await ProblemDetails.answering {
                let userId = try await service.userId(email: try string(body, "user"))
                return try await service.create(
                    workspaceId: ws.id, userId: userId, name: try string(body, "name"),
                    schedule: try string(body, "schedule"), time: try optionalString(body, "time"),
                    timeZone: try optionalString(body, "timeZone") ?? "UTC", destinationId: try string(body, "destination"))
            }
            return ProfileAPIRequest.json(Self.json(schedule), status: .created)
        }
        router.get("/api/reports/schedules/:id") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            let s = try await ProblemDetails.answering { try await service.schedule(workspaceId: ws.id, id: id) }
            return ProfileAPIRequest.json(Self.json(s))
        }
        router.delete("/api/reports/schedules/:id") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            try await ProblemDetails.answering { try await service.delete(workspaceId: ws.id, id: id) }
            return Response(status: .noContent)
        }
        for (action, active) in [("pause", false), ("resume", true)] {
            router.post("/api/reports/schedules/:id/\(action)") { request, context -> Response in
                let (_, ws) = try await api.authenticate(request)
                let id = try context.parameters.require("id")
                let s = try await ProblemDetails.answering { try await service.setActive(workspaceId: ws.id, id: id, active) }
                return ProfileAPIRequest.json(Self.json(s))
            }
        }
        router.post("/api/reports/schedules/:id/send") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            let run = try await ProblemDetails.answering { try await runner.sendNow(workspaceId: ws.id, id: id) }
            return ProfileAPIRequest.json(Self.json(run))
        }
        router.get("/api/reports/schedules/:id/runs") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            let limit = try api.limit(request, default: 50, max: 1_000)
            let runs = try await ProblemDetails.answering {
                _ = try await service.schedule(workspaceId: ws.id, id: id)
                return try await service.runs(workspaceId: ws.id, scheduleId: id, limit: limit)
            }
            return ProfileAPIRequest.json(.object(["runs": .array(runs.map(Self.json))]))
        }
    }

    static func json(_ s: ReportSchedule) -> JSONValue {
        var o: [String: JSONValue] = [
            "id": .string(s.id), "name": .string(s.name), "user": .string(s.userId), "schedule": .string(s.cron),
            "timeZone": .string(s.timeZone), "destination": .string(s.destinationId),
            "state": .string(s.active ? "active" : "paused"), "createdAt": .string(Timestamp.format(s.createdAt)),
        ]
        o["nextRunAt"] = s.nextRunAt.map { JSONValue.string(Timestamp.format($0)) } ?? JSONValue.null
        return .object(o)
    }

    static func json(_ r: ReportScheduleRun) -> JSONValue {
        var o: [String: JSONValue] = [
            "schedule": .string(r.scheduleId), "scheduledAt": .string(Timestamp.format(r.scheduledAt)),
            "trigger": .string(r.trigger.rawValue), "status": .string(r.status.rawValue),
            "startedAt": .string(Timestamp.format(r.startedAt)),
        ]
        o["sentAt"] = r.sentAt.map { JSONValue.string(Timestamp.format($0)) } ?? JSONValue.null
        o["error"] = r.error.map(JSONValue.string) ?? JSONValue.null
        o["messageId"] = r.messageId.map(JSONValue.string) ?? JSONValue.null
        return .object(o)
    }
}
