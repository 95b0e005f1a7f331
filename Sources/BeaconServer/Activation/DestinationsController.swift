import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// Destinations over HTTP: create (the secret shown once), list, get, pause and resume,
/// rotate the secret, send a test, delete; the delivery log and dead letters with replay.
struct DestinationsController<Context: RequestContext> {
    let api: ProfileAPIRequest

    var service: ActivationService { api.runtime.activation }

    func addRoutes(to router: Router<Context>) {
        router.post("/api/destinations") { request, _ -> Response in
            let (_, ws) = try await api.authenticate(request)
            let body = try await api.body(request)
            let name = try string(body, "name")
            let type = try optionalString(body, "type") ?? "webhook"
            if type == Destination.Kind.email.rawValue {
                let d = try await EmailDestinationRequest.create(body, workspaceId: ws.id, service: service)
                return ProfileAPIRequest.json(ActivationAPIJSON.destination(d), status: .created)
            }
            if Destination.Kind(rawValue: type)?.isAudienceSync == true {
                let d = try await createAudienceDestination(body, workspaceId: ws.id, name: name, type: type)
                return ProfileAPIRequest.json(ActivationAPIJSON.destination(d), status: .created)
            }
            let url = try string(body, "url")
            let secret = try optionalString(body, "secret")
            let created = try await ProblemDetails.answering {
                try await service.createDestination(
                    workspaceId: ws.id, name: name, type: type, url: url, secret: secret)
            }
            return ProfileAPIRequest.json(
                ActivationAPIJSON.destination(created.destination, secret: created.secret), status: .created)
        }
        router.get("/api/destinations") { request, _ -> Response in
            let (_, ws) = try await api.authenticate(request)
            var items: [JSONValue] = []
            for d in try await service.destinations(workspaceId: ws.id) {
                items.append(
                    ActivationAPIJSON.destination(
                        d, counts: try await service.counts(workspaceId: ws.id, destinationId: d.id)))
            }
            return ProfileAPIRequest.json(.object(["destinations": .array(items)]))
        }
        router.get("/api/destinations/:id") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            let d = try await ProblemDetails.answering { try await service.destination(workspaceId: ws.id, id: id) }
            return ProfileAPIRequest.json(
                ActivationAPIJSON.destination(
                    d, counts: try await service.counts(workspaceId: ws.id, destinationId: id)))
        }
        router.delete("/api/destinations/:id") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            try await ProblemDetails.answering { try await service.deleteDestination(workspaceId: ws.id, id: id) }
            return Response(status: .noContent)
        }
        for (path, active) in [("pause", false), ("resume", true)] {
            router.post("/api/destinations/:id/\(path)") { request, context -> Response in
                let (_, ws) = try await api.authenticate(request)
                let id = try context.parameters.require("id")
                let d = try await ProblemDetails.answering {
                    try await service.setActive(workspaceId: ws.id, id: id, active)
                }
                return ProfileAPIRequest.json(ActivationAPIJSON.destination(d))
            }
        }
        router.post("/api/destinations/:id/rotate-secret") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            let rotated = try await ProblemDetails.answering { try await service.rotateSecret(workspaceId: ws.id, id: id) }
            return ProfileAPIRequest.json(ActivationAPIJSON.destination(rotated.destination, secret: rotated.secret))
        }
        router.post("/api/destinations/:id/test") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            let m = try await ProblemDetails.answering {
                try await service.sendTest(workspaceId: ws.id, destinationId: id)
            }
            return ProfileAPIRequest.json(ActivationAPIJSON.message(m), status: .accepted)
        }
        router.get("/api/destinations/:id/messages") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            var state: OutboxMessage.State?
            if let text = request.uri.queryParameters["state"] {
                guard let s = OutboxMessage.State(rawValue: String(text)) else {
                    throw ProblemDetails(
                        .badRequest, detail: "state must be pending, delivered or dead", field: "state")
                }
                state = s
            }
            let limit = try api.limit(request)
            let list = try await ProblemDetails.answering {
                try await service.messages(workspaceId: ws.id, destinationId: id, state: state, limit: limit)
            }
            return ProfileAPIRequest.json(.object(["messages": .array(list.map(ActivationAPIJSON.message))]))
        }
        router.get("/api/destinations/:id/dead-letters") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            let limit = try api.limit(request)
            let list = try await ProblemDetails.answering {
                try await service.messages(workspaceId: ws.id, destinationId: id, state: .dead, limit: limit)
            }
            return ProfileAPIRequest.json(.object(["messages": .array(list.map(ActivationAPIJSON.message))]))
        }
        router.post("/api/destinations/:id/dead-letters/replay") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            let buffer = try await request.body.collect(upTo: 1 << 20)
            var ids: [String]?
            if buffer.readableBytes > 0 {
                guard let body = (try? JSONValue.parse(Data(buffer: buffer)))?.objectValue else {
                    throw ProblemDetails(
                        .badRequest, detail: "body must be a JSON object like {\"ids\": [...]}", field: "(body)")
                }
                if let list = body["ids"] {
                    guard let items = list.arrayValue?.compactMap(\.stringValue), items.count == list.arrayValue?.count
                    else {
                        throw ProblemDetails(.badRequest, detail: "ids must be an array of message ids", field: "ids")
                    }
                    ids = items
                }
            }
            let n = try await ProblemDetails.answering {
                try await service.replay(workspaceId: ws.id, destinationId: id, ids: ids)
            }
            return ProfileAPIRequest.json(.object(["replayed": .number(Double(n))]))
        }
    }
}

/// A required string field of a JSON body.
/// - Throws: 400 naming the field.
func string(_ body: [String: JSONValue], _ field: String) throws -> String {
    guard let value = try optionalString(body, field) else {
        throw ProblemDetails(.badRequest, detail: "\(field) is required", field: field)
    }
    return value
}

/// An optional string field of a JSON body.
/// - Throws: 400 naming the field when it is present and not a string.
func optionalString(_ body: [String: JSONValue], _ field: String) throws -> String? {
    // Absent is allowed; null is not a string (the API document says string, not nullable).
    guard let value = body[field] else { return nil }
    guard let s = value.stringValue else {
        throw ProblemDetails(
            .badRequest, detail: "\(field) must be a string, got \(value.typeDescription)", field: field)
    }
    return s
}
