import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// Activations over HTTP: `POST /api/activations` with `{"segment","destination","on"}` or
/// `{"event","properties","destination"}`, list, get and delete.
struct ActivationsController<Context: RequestContext> {
    let api: ProfileAPIRequest

    var service: ActivationService { api.runtime.activation }

    func addRoutes(to router: Router<Context>) {
        router.post("/api/activations") { request, _ -> Response in
            let (_, ws) = try await api.authenticate(request)
            let body = try await api.body(request)
            let destination = try string(body, "destination")
            let activation: Activation
            if let segment = try optionalString(body, "segment"), let every = body["everyHours"] {
                guard let hours = every.doubleValue, every.stringValue == nil else {
                    throw ProblemDetails(
                        .badRequest, detail: "everyHours must be a number of hours", field: "everyHours")
                }
                activation = try await ProblemDetails.answering {
                    try await service.activateSchedule(
                        workspaceId: ws.id, segment: segment, destination: destination, everyHours: hours)
                }
            } else if let segment = try optionalString(body, "segment") {
                guard body["event"] == nil else {
                    throw ProblemDetails(.badRequest, detail: "give either segment or event, not both", field: "event")
                }
                var on = ["entered"]
                if let list = body["on"] {
                    guard let items = list.arrayValue?.compactMap(\.stringValue), items.count == list.arrayValue?.count
                    else {
                        throw ProblemDetails(
                            .badRequest, detail: "on must be an array of 'entered' and 'exited'", field: "on")
                    }
                    on = items
                }
                activation = try await ProblemDetails.answering {
                    try await service.activateSegment(
                        workspaceId: ws.id, segment: segment, destination: destination, on: on)
                }
            } else if let event = try optionalString(body, "event") {
                var properties: [String: JSONValue] = [:]
                if let p = body["properties"] {
                    guard let o = p.objectValue else {
                        throw ProblemDetails(
                            .badRequest, detail: "properties must be an object of values to match", field: "properties")
                    }
                    properties = o
                }
                activation = try await ProblemDetails.answering {
                    try await service.activateEvent(
                        workspaceId: ws.id, event: event, properties: properties, destination: destination)
                }
            } else {
                throw ProblemDetails(.badRequest, detail: "segment or event is required", field: "segment")
            }
            return ProfileAPIRequest.json(ActivationAPIJSON.activation(activation), status: .created)
        }
        router.get("/api/activations") { request, _ -> Response in
            let (_, ws) = try await api.authenticate(request)
            let list = try await service.activations(workspaceId: ws.id)
            return ProfileAPIRequest.json(.object(["activations": .array(list.map(ActivationAPIJSON.activation))]))
        }
        router.get("/api/activations/:id") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            let a = try await ProblemDetails.answering { try await service.activation(workspaceId: ws.id, id: id) }
            return ProfileAPIRequest.json(ActivationAPIJSON.activation(a))
        }
        router.post("/api/activations/:id/sync") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            let report = try await ProblemDetails.answering {
                try await service.syncAudience(workspaceId: ws.id, activationId: id)
            }
            return ProfileAPIRequest.json(ActivationAPIJSON.syncReport(report), status: .accepted)
        }
        router.delete("/api/activations/:id") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            try await ProblemDetails.answering { try await service.deleteActivation(workspaceId: ws.id, id: id) }
            return Response(status: .noContent)
        }
    }
}
