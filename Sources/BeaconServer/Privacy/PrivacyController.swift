import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// `/api/privacy/*`: data-subject export (JSON or CSV), erasure jobs, subject suppressions,
/// consent history and retention rules of the token's workspace.
///
/// `PrivacyService` records each of these actions in the audit log under the token's actor
/// (`privacy.export`, `privacy.suppress`, …), so the handlers tell `AccessMiddleware` not to add
/// its generic entry.
struct PrivacyController<Context: RequestContext> {
    let api: ProfileAPIRequest

    var privacy: PrivacyService { api.runtime.privacy }

    func addRoutes(to router: Router<Context>) {
        router.get("/api/privacy/export") { request, _ -> Response in
            let (_, ws) = try await api.authenticate(request)
            let identifier = try Self.identifier(request)
            let format = request.uri.queryParameters["format"].map(String.init) ?? "json"
            guard format == "json" || format == "csv" else {
                throw ProblemDetails(.badRequest, detail: "format must be json or csv", field: "format")
            }
            let export = try await ProblemDetails.answering { try await privacy.export(workspaceId: ws.id, identifier: identifier, actor: RequestAccess.actor) }
            RequestAccess.noteRecorded()
            guard format == "csv" else { return ProfileAPIRequest.json(export.json) }
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8",
                          .contentDisposition: "attachment; filename=\"subject-export.csv\""],
                body: .init(byteBuffer: ByteBuffer(string: export.csv)))
        }
        router.post("/api/privacy/erasures") { request, _ -> Response in
            let (_, ws) = try await api.authenticate(request)
            let identifier = try Self.identifier(try await api.body(request))
            let actor = RequestAccess.actor
            let job = try await ProblemDetails.answering {
                try await privacy.requestErasure(workspaceId: ws.id, identifier: identifier, actor: actor)
            }
            RequestAccess.noteRecorded()
            let service = privacy
            Task { _ = await service.runErasure(job, identifier: identifier, actor: actor) }
            return ProfileAPIRequest.json(Self.json(job), status: .accepted)
        }
        router.get("/api/privacy/erasures/:id") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            return ProfileAPIRequest.json(Self.json(try await ProblemDetails.answering { try await privacy.erasure(workspaceId: ws.id, id: id) }))
        }
        router.get("/api/privacy/suppressions") { request, _ -> Response in
            let (_, ws) = try await api.authenticate(request)
            let list = try await privacy.suppressions(workspaceId: ws.id)
            return ProfileAPIRequest.json(["suppressions": .array(list.map(Self.json))])
        }
        router.post("/api/privacy/suppressions") { request, _ -> Response in
            let (_, ws) = try await api.authenticate(request)
            let identifier = try Self.identifier(try await api.body(request))
            let s = try await ProblemDetails.answering {
                try await privacy.suppress(workspaceId: ws.id, identifier: identifier, actor: RequestAccess.actor)
            }
            RequestAccess.noteRecorded()
            return ProfileAPIRequest.json(Self.json(s), status: .created)
        }
        router.delete("/api/privacy/suppressions/:id") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            try await ProblemDetails.answering { try await privacy.liftSuppression(workspaceId: ws.id, id: id, actor: RequestAccess.actor) }
            RequestAccess.noteRecorded()
            return Response(status: .noContent)
        }
        router.get("/api/privacy/consent") { request, _ -> Response in
            let (_, ws) = try await api.authenticate(request)
            let identifier = try Self.identifier(request)
            let history = try await ProblemDetails.answering {
                try await privacy.consent(workspaceId: ws.id, identifier: identifier, actor: RequestAccess.actor)
            }
            RequestAccess.noteRecorded()
            return ProfileAPIRequest.json(["identifier": .string(identifier), "history": .array(history.records.map(Self.json))])
        }
        router.get("/api/privacy/retention") { request, _ -> Response in
            let (_, ws) = try await api.authenticate(request)
            let rules = try await privacy.retentionRules(workspaceId: ws.id)
            return ProfileAPIRequest.json(["rules": .array(rules.map(Self.json))])
        }
        router.put("/api/privacy/retention") { request, _ -> Response in
            let (_, ws) = try await api.authenticate(request)
            let body = try await api.body(request)
            let event = body["event"]?.stringValue ?? RetentionRule.allEvents
            var days: Int?
            switch body["days"] {
            case .number(let d)? where d == d.rounded() && abs(d) <= 1_000_000: days = Int(d)
            case .null?: days = nil
            default: throw ProblemDetails(.badRequest, detail: "days must be a whole number of days, or null to remove the rule", field: "days")
            }
            try await ProblemDetails.answering {
                try await privacy.setRetention(workspaceId: ws.id, eventName: event, days: days, actor: RequestAccess.actor)
            }
            RequestAccess.noteRecorded()
            let rules = try await privacy.retentionRules(workspaceId: ws.id)
            return ProfileAPIRequest.json(["rules": .array(rules.map(Self.json))])
        }
        router.post("/api/privacy/retention/run") { request, _ -> Response in
            let (_, ws) = try await api.authenticate(request)
            let report = try await privacy.runRetention(workspaceId: ws.id, actor: RequestAccess.actor)
            RequestAccess.noteRecorded()
            return ProfileAPIRequest.json([
                "eventsDeleted": .number(Double(report.eventsDeleted)), "eventsRefolded": .number(Double(report.eventsRefolded)),
            ])
        }
    }

    /// `identifier` from the query.
    static func identifier(_ request: Request) throws -> String {
        guard let v = request.uri.queryParameters["identifier"].map(String.init),
              !v.trimmingCharacters(in: .whitespaces).isEmpty
        else {
            throw ProblemDetails(.badRequest, detail: "identifier is required: a user id, anonymous id, email, phone or profile id", field: "identifier")
        }
        return v
    }

    /// `identifier` from a JSON body.
    static func identifier(_ body: [String: JSONValue]) throws -> String {
        guard let v = body["identifier"]?.stringValue, !v.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ProblemDetails(.badRequest, detail: "identifier is required: a user id, anonymous id, email, phone or profile id", field: "identifier")
        }
        return v
    }

    static func json(_ job: ErasureJob) -> JSONValue {
        var o: [String: JSONValue] = [
            "id": .string(job.id), "state": .string(job.state.rawValue), "suppression": .string(job.suppressionId),
            "requestedAt": .string(Timestamp.format(job.requestedAt)),
        ]
        o["finishedAt"] = job.finishedAt.map { .string(Timestamp.format($0)) }
        o["error"] = job.error.map(JSONValue.string)
        if let r = job.report {
            o["report"] = [
                "rowsDeleted": .object(r.rowsDeleted.mapValues { .number(Double($0)) }),
                "cellsScrubbed": .object(r.cellsScrubbed.mapValues { .number(Double($0)) }),
                "filesRewritten": .array(r.filesRewritten.map(JSONValue.string)),
                "identifiersSuppressed": .object(r.identifiersSuppressed.mapValues { .number(Double($0)) }),
                "eventsRefolded": .number(Double(r.eventsRefolded)),
            ]
        }
        return .object(o)
    }

    static func json(_ s: SubjectSuppression) -> JSONValue {
        [
            "id": .string(s.id), "reason": .string(s.reason), "createdAt": .string(Timestamp.format(s.createdAt)),
            "identifiers": .object(s.identifierKinds.mapValues { .number(Double($0)) }),
        ]
    }

    static func json(_ r: ConsentRecord) -> JSONValue {
        [
            "identifier": ["kind": .string(r.identifier.kind), "value": .string(r.identifier.value)],
            "category": .string(r.category), "granted": .bool(r.granted), "source": .string(r.source),
            "at": .string(Timestamp.format(r.at)), "policyVersion": r.policyVersion.map(JSONValue.string) ?? .null,
            "messageId": .string(r.messageId),
        ]
    }

    static func json(_ r: RetentionRule) -> JSONValue {
        ["event": .string(r.eventName), "days": .number(Double(r.maxAgeDays)), "updatedAt": .string(Timestamp.format(r.updatedAt))]
    }
}
