import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// The workspace's email suppression list over HTTP: `GET /api/email-suppressions`,
/// `POST /api/email-suppressions` with `{"address", "detail"}` (a manual suppression) and
/// `DELETE /api/email-suppressions/{address}` (send to it again).
struct EmailSuppressionsController<Context: RequestContext> {
    let api: ProfileAPIRequest

    var service: ActivationService { api.runtime.activation }

    func addRoutes(to router: Router<Context>) {
        router.get("/api/email-suppressions") { request, _ -> Response in
            let (_, ws) = try await api.authenticate(request)
            let limit = try api.limit(request, default: 100, max: 10_000)
            let list = try await service.emailSuppressions(workspaceId: ws.id, limit: limit)
            return ProfileAPIRequest.json(.object(["suppressions": .array(list.map(Self.json))]))
        }
        router.post("/api/email-suppressions") { request, _ -> Response in
            let (_, ws) = try await api.authenticate(request)
            let body = try await api.body(request)
            let address = try string(body, "address")
            let detail = try optionalString(body, "detail") ?? ""
            let reasonText = try optionalString(body, "reason") ?? EmailSuppression.Reason.manual.rawValue
            guard let reason = EmailSuppression.Reason(rawValue: reasonText) else {
                throw ProblemDetails(
                    .badRequest,
                    detail:
                        "reason must be one of \(EmailSuppression.Reason.allCases.map(\.rawValue).joined(separator: ", "))",
                    field: "reason")
            }
            let s = try await ProblemDetails.answering {
                try await service.suppressEmail(workspaceId: ws.id, address: address, reason: reason, detail: detail)
            }
            return ProfileAPIRequest.json(Self.json(s), status: .created)
        }
        router.delete("/api/email-suppressions/:address") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let raw = try context.parameters.require("address")
            let address = raw.removingPercentEncoding ?? raw
            try await ProblemDetails.answering {
                try await service.removeEmailSuppression(workspaceId: ws.id, address: address)
            }
            return Response(status: .noContent)
        }
    }

    static func json(_ s: EmailSuppression) -> JSONValue {
        .object([
            "address": .string(s.address), "reason": .string(s.reason.rawValue), "detail": .string(s.detail),
            "createdAt": .string(Timestamp.format(s.createdAt)),
        ])
    }
}
