import BeaconCore
import BeaconEngine

/// The OpenAPI description of the routes outside the token API: the Segment-compatible
/// tracking API (`/v1/*`, authenticated by the write key as the HTTP Basic user), webhook
/// sources (`/v1/sources/{sourceId}`, authenticated by the vendor's signature), health,
/// metrics and the document itself. The dashboard's routes serve HTML to signed-in browsers
/// and are not part of the API.
enum IngestOpenAPI {
    static func problem(_ description: String) -> JSONValue {
        [
            "description": .string(description),
            "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]],
        ]
    }

    static func ingest(_ endpoint: IngestEndpoint) -> JSONValue {
        let summary =
            endpoint.eventType == nil
            ? "Segment `\(endpoint.rawValue)`: up to \(SegmentMessage.maxBatchBytes / 1024) KB of messages in `batch`, stored all or nothing"
            : "Segment `\(endpoint.rawValue)` call (one message of at most \(SegmentMessage.maxEventBytes / 1024) KB)"
        return [
            "summary": .string(summary),
            "security": [["writeKey": []]],
            "requestBody": [
                "required": true,
                "content": [
                    "application/json": ["schema": ["type": "object", "description": "a message of the Segment spec (https://segment.com/docs/connections/spec/); the body may be gzip-compressed with `Content-Encoding: gzip`"]]
                ],
            ],
            "responses": [
                "200": ["description": "Committed durably: `{\"success\": true}`"],
                "400": problem("Invalid message (names the field, and the batch index)"),
                "401": problem("Missing or unknown write key"),
                "413": problem("Body or message too large"),
                "415": problem("Not JSON, or an unsupported Content-Encoding"),
                "503": problem("The event store is unavailable; nothing was stored"),
            ],
        ]
    }

    static var paths: [String: JSONValue] {
        var paths: [String: JSONValue] = [:]
        for endpoint in IngestEndpoint.allCases { paths["/v1/\(endpoint.rawValue)"] = ["post": ingest(endpoint)] }
        paths["/v1/sources/{sourceId}"] = [
            "post": [
                "summary": "A Shopify, Stripe or mapped JSON webhook delivery, authenticated by its signature (X-Shopify-Hmac-Sha256, Stripe-Signature or X-Beacon-Signature)",
                "security": [],
                "parameters": [["name": "sourceId", "in": "path", "required": true, "schema": ["type": "string"]]],
                "requestBody": ["required": true, "content": ["application/json": ["schema": ["type": "object"]]]],
                "responses": [
                    "200": ["description": "Committed (or acknowledged and ignored): `{\"success\", \"topic\", \"stored\", \"duplicates\", \"ignored\"}`"],
                    "400": problem("A payload that cannot be mapped (names the field)"),
                    "401": problem("Wrong signature or stale timestamp (names the header); nothing stored"),
                    "404": problem("No such source"),
                    "413": problem("Body too large"),
                ],
            ]
        ]
        paths["/healthz"] = [
            "get": ["summary": "Liveness and store reachability", "security": [], "responses": ["200": ["description": "OK"], "503": ["description": "Store unreachable"]]]
        ]
        paths["/metrics"] = [
            "get": ["summary": "Prometheus metrics", "security": [], "responses": ["200": ["description": "Text exposition format"]]]
        ]
        paths["/openapi.json"] = [
            "get": ["summary": "This document", "security": [], "responses": ["200": ["description": "OpenAPI 3.1 JSON"]]]
        ]
        return paths
    }

    /// The token API's document with these routes and the write-key scheme added.
    static let document: JSONValue = {
        guard case .object(var root) = ProfilesOpenAPI.document, case .object(var paths)? = root["paths"],
            case .object(var components)? = root["components"], case .object(var schemes)? = components["securitySchemes"]
        else { return ProfilesOpenAPI.document }
        for (path, item) in Self.paths { paths[path] = item }
        for (path, item) in PrivacyOpenAPI.paths { paths[path] = item }
        for (path, item) in EmailOpenAPI.paths { paths[path] = item }
        if case .object(var schemas)? = components["schemas"] {
            for (name, schema) in EmailOpenAPI.schemas { schemas[name] = schema }
            for (name, schema) in ReportSchedulesOpenAPI.schemas { schemas[name] = schema }
            for (name, schema) in JourneysOpenAPI.schemas { schemas[name] = schema }
            for (name, schema) in DiscoveryOpenAPI.schemas { schemas[name] = schema }
            components["schemas"] = .object(schemas)
        }
        for (path, item) in AuditOpenAPI.paths { paths[path] = item }
        for (path, item) in ReportsOpenAPI.paths { paths[path] = item }
        for (path, item) in ForecastOpenAPI.paths { paths[path] = item }
        for (path, item) in ReportSchedulesOpenAPI.paths { paths[path] = item }
        for (path, item) in JourneysOpenAPI.paths { paths[path] = item }
        for (path, item) in DiscoveryOpenAPI.paths { paths[path] = item }
        schemes["writeKey"] = [
            "type": "http", "scheme": "basic",
            "description": "the workspace write key as the user name, empty password (what Segment and RudderStack SDKs send)",
        ]
        components["securitySchemes"] = .object(schemes)
        root["components"] = .object(components)
        root["paths"] = .object(paths)
        root["info"] = [
            "title": "Beacon API", "version": .string(BeaconRelease.version),
            "description": "Tracking (`/v1/*`, write key), webhook sources (`/v1/sources/{sourceId}`, vendor signature) and the token API (`/api/*`: `Authorization: Bearer bt_…` from `beacon token create`). Lists are paged with `limit` and the `next` cursor.",
        ]
        return .object(root)
    }()
}
