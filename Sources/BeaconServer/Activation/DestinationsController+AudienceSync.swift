import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

extension DestinationsController {
    /// Creates an audience sync destination from `{"name","type","apiKey","listId","url"?,"settings"?}`.
    /// - Throws: 400 naming the field (`apiKey`, `listId`, `url`, `settings`, `settings.<key>`).
    func createAudienceDestination(_ body: [String: JSONValue], workspaceId: String, name: String, type: String)
        async throws -> Destination
    {
        let apiKey = try string(body, "apiKey")
        let listId = try string(body, "listId")
        let url = try optionalString(body, "url")
        var settings: [String: String] = [:]
        if let value = body["settings"] {
            guard let object = value.objectValue else {
                throw ProblemDetails(
                    .badRequest, detail: "settings must be an object of strings, got \(value.typeDescription)",
                    field: "settings")
            }
            for (key, v) in object {
                guard let text = v.stringValue else {
                    throw ProblemDetails(
                        .badRequest, detail: "settings.\(key) must be a string, got \(v.typeDescription)",
                        field: "settings.\(key)")
                }
                settings[key] = text
            }
        }
        return try await ProblemDetails.answering {
            try await service.createAudienceDestination(
                workspaceId: workspaceId, name: name, type: type, apiKey: apiKey, listId: listId, url: url,
                settings: settings)
        }
    }
}
