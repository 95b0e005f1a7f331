import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// Journeys over HTTP: create, list, read, edit the draft and delete; publish, dry-run and roll
/// back with a step mapping; pause and resume; the funnel per version and step.
struct JourneysController<Context: RequestContext> {
    let api: ProfileAPIRequest

    var service: JourneyService { api.runtime.journeys }

    func addRoutes(to router: Router<Context>) {
        router.post("/api/journeys") { request, _ -> Response in
            let (_, ws) = try await api.authenticate(request)
            let body = try await api.body(request)
            guard let name = body["name"]?.stringValue else {
                throw ProblemDetails(.badRequest, detail: "name is required (a string)", field: "name")
            }
            let definition = try await ProblemDetails.answering { try JourneyDefinition.decode(body["definition"] ?? .null) }
            let j = try await ProblemDetails.answering {
                try await service.create(workspaceId: ws.id, name: name, definition: definition)
            }
            return ProfileAPIRequest.json(try await view(ws.id, j), status: .created)
        }
        router.get("/api/journeys") { request, _ -> Response in
            let (_, ws) = try await api.authenticate(request)
            let list = try await service.list(workspaceId: ws.id)
            return ProfileAPIRequest.json(.object(["journeys": .array(list.map { JourneysAPIJSON.journey($0) })]))
        }
        router.get("/api/journeys/:id") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let j = try await ProblemDetails.answering { try await service.journey(workspaceId: ws.id, id: context.parameters.require("id")) }
            return ProfileAPIRequest.json(try await view(ws.id, j))
        }
        router.put("/api/journeys/:id/draft") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            let body = try await api.body(request)
            let definition = try await ProblemDetails.answering { try JourneyDefinition.decode(body["definition"] ?? .null) }
            let v = try await ProblemDetails.answering {
                try await service.saveDraft(workspaceId: ws.id, id: id, definition: definition)
            }
            return ProfileAPIRequest.json(JourneysAPIJSON.version(v))
        }
        router.delete("/api/journeys/:id") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            try await ProblemDetails.answering { try await service.delete(workspaceId: ws.id, id: id) }
            return Response(status: .noContent)
        }
        router.post("/api/journeys/:id/publish") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            let body = try await api.body(request)
            let moves = try await ProblemDetails.answering {
                let (definition, mapping) = try await mappingRequest(ws.id, id, body, required: false)
                return try await service.publish(workspaceId: ws.id, id: id, definition: definition, mapping: mapping)
            }
            return ProfileAPIRequest.json(.object(["moves": JourneysAPIJSON.moves(moves)]))
        }
        router.post("/api/journeys/:id/dry-run") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            let body = try await api.body(request)
            let moves = try await ProblemDetails.answering {
                let (definition, mapping) = try await mappingRequest(ws.id, id, body, required: true)
                return try await service.dryRun(workspaceId: ws.id, id: id, definition: definition, mapping: mapping!)
            }
            return ProfileAPIRequest.json(.object(["moves": JourneysAPIJSON.moves(moves)]))
        }
        router.post("/api/journeys/:id/rollback") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            let body = try await api.body(request)
            let moves = try await ProblemDetails.answering {
                let j = try await service.journey(workspaceId: ws.id, id: id)
                guard j.history.count >= 2, let live = j.liveVersion else {
                    throw JourneyError(.conflict, field: "version", "there is no earlier published version to roll back to")
                }
                let versions = try await service.versions(workspaceId: ws.id, id: id)
                let from = versions.first { $0.version == live }!.definition
                let to = versions.first { $0.version == j.history[j.history.count - 2] }!.definition
                guard let json = body["mapping"] else { throw JourneyError(field: "mapping", "is required") }
                let mapping = try JourneyStepMapping.decode(json, from: from, to: to)
                return try await service.rollback(workspaceId: ws.id, id: id, mapping: mapping)
            }
            return ProfileAPIRequest.json(.object(["moves": JourneysAPIJSON.moves(moves)]))
        }
        router.post("/api/journeys/:id/pause") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            try await ProblemDetails.answering { try await service.pause(workspaceId: ws.id, id: id) }
            return ProfileAPIRequest.json(try await view(ws.id, try await service.journey(workspaceId: ws.id, id: id)))
        }
        router.post("/api/journeys/:id/resume") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            try await ProblemDetails.answering { try await service.resume(workspaceId: ws.id, id: id) }
            return ProfileAPIRequest.json(try await view(ws.id, try await service.journey(workspaceId: ws.id, id: id)))
        }
        router.get("/api/journeys/:id/experiments") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            let reports = try await ProblemDetails.answering { try await service.experiments(workspaceId: ws.id, id: id) }
            return ProfileAPIRequest.json(.object(["experiments": JourneyJSON.encode(reports)]))
        }
        router.get("/api/journeys/:id/funnel") { request, context -> Response in
            let (_, ws) = try await api.authenticate(request)
            let id = try context.parameters.require("id")
            let funnel = try await ProblemDetails.answering { try await service.funnel(workspaceId: ws.id, id: id) }
            return ProfileAPIRequest.json(.object(["steps": .array(funnel.map(JourneysAPIJSON.funnelStep))]))
        }
    }

    /// The journey with its versions.
    private func view(_ workspaceId: String, _ j: Journey) async throws -> JSONValue {
        let versions = try await service.versions(workspaceId: workspaceId, id: j.id)
        return JourneysAPIJSON.journey(j, versions: versions)
    }

    /// The body's optional new `definition` and its `mapping` from the live version.
    private func mappingRequest(_ workspaceId: String, _ id: String, _ body: [String: JSONValue], required: Bool)
        async throws -> (JourneyDefinition?, JourneyStepMapping?)
    {
        let definition = try body["definition"].map { try JourneyDefinition.decode($0) }
        let j = try await service.journey(workspaceId: workspaceId, id: id)
        guard let live = j.liveVersion else {
            if required { throw JourneyError(.conflict, field: "version", "the journey has no live version") }
            return (definition, nil)
        }
        guard let json = body["mapping"] else {
            throw JourneyError(field: "mapping", "is required: say where the people at each step of v\(live) go")
        }
        let versions = try await service.versions(workspaceId: workspaceId, id: id)
        guard let old = versions.first(where: { $0.version == live })?.definition,
            let new = definition ?? versions.last(where: { $0.publishedAt == nil })?.definition
        else { throw JourneyError(field: "definition", "is required: there is no unpublished draft") }
        return (definition, try JourneyStepMapping.decode(json, from: old, to: new))
    }
}
