import BeaconCore
import Hummingbird
import BeaconEngine

/// `GET /openapi.json`: the OpenAPI 3.1 description of the profile and segment API.
enum ProfilesOpenAPI {
    static func operation(_ summary: String, params: [JSONValue] = [], body: String? = nil, bodyRequired: Bool = true,
                          responses: [String: String] = ["200": "OK"]) -> JSONValue {
        var o: [String: JSONValue] = [
            "summary": .string(summary), "security": [["apiToken": []]],
            "responses": .object(responses.mapValues { desc -> JSONValue in
                desc == "problem"
                    ? ["description": "Problem", "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]]]
                    : ["description": .string(desc)]
            }.merging(["400": ["description": "Bad input (problem+json naming the field)"],
                       "401": ["description": "Missing or unknown API token"],
                       "403": ["description": "A write key was offered: write keys only send events"]]) { a, _ in a }),
        ]
        if !params.isEmpty { o["parameters"] = .array(params) }
        if let body { o["requestBody"] = ["required": .bool(bodyRequired), "content": ["application/json": ["schema": ["$ref": .string("#/components/schemas/\(body)")]]]] }
        return .object(o)
    }

    static func query(_ name: String, _ description: String, type: String = "string") -> JSONValue {
        ["name": .string(name), "in": "query", "required": false, "description": .string(description), "schema": ["type": .string(type)]]
    }

    static let id: JSONValue = ["name": "id", "in": "path", "required": true, "schema": ["type": "string"]]
    static let limit = query("limit", "page size", type: "integer")

    static let document: JSONValue = [
        "openapi": "3.1.0",
        "info": ["title": "Beacon profiles and segments API", "version": "1.0.0",
                 "description": "Unified profiles, identity merges and segments of one workspace. Authenticate with `Authorization: Bearer bt_…` (beacon token create). Lists are paged with `limit` and the `next` cursor."],
        "components": [
            "securitySchemes": ["apiToken": ["type": "http", "scheme": "bearer"]],
            "schemas": [
                "Problem": ["type": "object", "properties": [
                    "type": ["type": "string"], "title": ["type": "string"], "status": ["type": "integer"],
                    "detail": ["type": "string"], "field": ["type": "string", "description": "the field or rule node at fault"],
                ]],
                "IdentityRules": ["type": "object", "additionalProperties": false, "properties": [
                    "mergeOn": ["type": ["array", "null"], "items": ["type": "string"],
                                "description": "identifier kinds that may merge profiles (user_id, anonymous_id, email, phone, external, external:<type>); null: all"],
                    "limits": ["type": "object", "additionalProperties": ["type": "integer", "minimum": 1, "maximum": 1000],
                               "description": "at most this many identifiers of a kind per profile, e.g. {\"user_id\": 1}"],
                    "maxIdentifiers": ["type": "integer", "minimum": 1, "maximum": 10000],
                    "blockedValues": ["type": "array", "items": ["type": "string"], "description": "junk values on top of the built-in list"],
                    "defaultCallingCode": ["type": ["string", "null"], "description": "calling code for phone numbers without +, e.g. \"44\""],
                ]],
                "RebuildOptions": ["type": "object", "additionalProperties": false, "properties": [
                    "predictions": ["type": "boolean", "description": "refresh predictions afterwards"],
                ]],
                "DestinationInput": ["type": "object", "required": ["name", "url"], "properties": [
                    "name": ["type": "string"], "type": ["type": "string", "enum": ["webhook"]],
                    "url": ["type": "string", "description": "absolute http or https URL"],
                    "secret": ["type": "string", "description": "whsec_… (Standard Webhooks); made when absent, returned once"],
                ]],
                "ActivationInput": ["type": "object", "required": ["destination"], "properties": [
                    "destination": ["type": "string"], "segment": ["type": "string"],
                    "on": ["type": "array", "items": ["type": "string", "enum": ["entered", "exited"]]],
                    "event": ["type": "string", "description": "a tracked event name (instead of segment)"],
                    "properties": ["type": "object", "description": "event properties that must be equal"],
                ]],
                "ReplayInput": ["type": "object", "properties": ["ids": ["type": "array", "items": ["type": "string"]]]],
                "SegmentInput": ["type": "object", "required": ["name", "rule"], "properties": [
                    "name": ["type": "string"], "description": ["type": "string"],
                    "rule": ["type": "object", "description": "segment rule, e.g. {\"lifetime_value\": {\"gt\": 1000}}; groups all/any/not; operators eq, ne, lt, lte, gt, gte, between, in, contains, exists; {\"event\": {\"name\", \"count\", \"within_days\", \"where\"}}"],
                ]],
            ],
        ],
        "paths": [
            "/api/events": ["get": operation("The workspace's stored events in storage order, each with its sequence number (a write key is refused: 403)",
                                             params: [query("after", "cursor: event sequence", type: "integer"), limit],
                                             responses: ["200": "OK", "403": "problem"])],
            "/api/profiles": ["get": operation("List profiles, or search by identifier, email or name prefix",
                                               params: [query("q", "prefix to search"), query("after", "cursor: last profile id"), limit])],
            "/api/profiles/{id}": ["get": operation("A profile by profile id or any identifier (user id, anonymous id, email, phone, external id)",
                                                    params: [id, query("kind", "restrict to one identifier kind")], responses: ["200": "OK", "404": "problem"])],
            "/api/profiles/{id}/timeline": ["get": operation("The profile's events, newest first",
                                                             params: [id, query("before", "cursor: event sequence", type: "integer"), limit])],
            "/api/profiles/{id}/merges": ["get": operation("Why these identities are one person: the merges into or out of the profile", params: [id, limit])],
            "/api/identity/merges": ["get": operation("The workspace's merge log, oldest first", params: [limit])],
            "/api/identity/rules": [
                "get": operation("The workspace's identity rules: kinds that may merge, per-kind limits, blocked values"),
                "put": operation("Replace the identity rules (for events from now on; a rebuild applies them to the whole log)",
                                 body: "IdentityRules"),
            ],
            "/api/rebuild": [
                "get": operation("Progress and result of the running or last rebuild of this workspace"),
                "post": operation("Rebuild identities, profiles and memberships from the event log while ingest goes on",
                                  body: "RebuildOptions", bodyRequired: false, responses: ["202": "Started", "409": "problem"]),
            ],
            "/api/segments": [
                "get": operation("List segments with sizes"),
                "post": operation("Create a segment (evaluated at once)", body: "SegmentInput", responses: ["201": "Created"]),
            ],
            "/api/segments/preview": ["post": operation("Count and sample of a rule before saving", body: "SegmentInput")],
            "/api/segments/overlap": ["get": operation("Pairwise overlap counts and Jaccard index", params: [query("ids", "comma-separated segment ids")])],
            "/api/segments/recompute": [
                "get": operation("The scheduled full recompute: interval, last run over all workspaces, last result for this workspace"),
                "post": operation("Recompute this workspace now: refresh predictions, then every segment at the current time (entered/exited recorded)"),
            ],
            "/api/segments/{id}": [
                "get": operation("A segment with size, revenue contribution and size over time", params: [id]),
                "put": operation("Replace a segment's name and rule", params: [id], body: "SegmentInput"),
                "delete": operation("Delete a segment", params: [id], responses: ["204": "Deleted"]),
            ],
            "/api/segments/{id}/members": ["get": operation("Member profile ids", params: [id, query("after", "cursor"), limit])],
            "/api/segments/{id}/replayed-sizes": ["get": operation(
                "Size at past instants replayed from the event history (each profile as it stood then; traits as last set, predictions as now)",
                params: [id, query("points", "instants before now, 1–366 (default 52)", type: "integer"),
                         query("step_days", "days between instants, 1–365 (default 7)", type: "integer"),
                         query("sample", "profiles replayed; above it an evenly spread sample is scaled up (default 20,000)", type: "integer")])],
            "/api/segments/{id}/changes": ["get": operation("Entered/exited records", params: [id, query("after", "cursor", type: "integer"), limit])],
            "/api/destinations": [
                "get": operation("List destinations with their pending, delivered and dead message counts"),
                "post": operation("Create a webhook destination; the reply carries its signing secret, shown this once",
                                  body: "DestinationInput", responses: ["201": "Created", "409": "problem"]),
            ],
            "/api/destinations/{id}": [
                "get": operation("A destination with message counts", params: [id], responses: ["200": "OK", "404": "problem"]),
                "delete": operation("Delete a destination with its activations and queued messages", params: [id],
                                    responses: ["204": "Deleted", "404": "problem"]),
            ],
            "/api/destinations/{id}/pause": ["post": operation("Stop delivering (messages wait)", params: [id])],
            "/api/destinations/{id}/resume": ["post": operation("Deliver again (also after a 410 disabled it)", params: [id])],
            "/api/destinations/{id}/rotate-secret": ["post": operation(
                "A new signing secret, shown this once; the previous one keeps signing beside it until the next rotation",
                params: [id])],
            "/api/destinations/{id}/test": ["post": operation("Queue a test message", params: [id], responses: ["202": "Queued"])],
            "/api/destinations/{id}/messages": ["get": operation("The delivery log, newest first",
                                                                 params: [id, query("state", "pending, delivered or dead"), limit])],
            "/api/destinations/{id}/dead-letters": ["get": operation("Messages out of attempts", params: [id, limit])],
            "/api/destinations/{id}/dead-letters/replay": ["post": operation(
                "Queue dead messages again with fresh attempts (all, or those listed)", params: [id], body: "ReplayInput",
                bodyRequired: false)],
            "/api/activations": [
                "get": operation("List activations"),
                "post": operation("Send a segment's entered/exited changes or a tracked event to a destination",
                                  body: "ActivationInput", responses: ["201": "Created"]),
            ],
            "/api/activations/{id}": [
                "get": operation("An activation", params: [id], responses: ["200": "OK", "404": "problem"]),
                "delete": operation("Delete an activation", params: [id], responses: ["204": "Deleted", "404": "problem"]),
            ],
            "/api/segments/{id}/export.csv": ["get": operation("Members as CSV with chosen traits",
                                                               params: [id, query("traits", "comma-separated trait names")])],
        ],
    ]
}

/// Registers the profile, segment and OpenAPI routes.
struct ProfilesAPI<Context: RequestContext> {
    let runtime: BeaconRuntime

    func addRoutes(to router: Router<Context>) {
        let api = ProfileAPIRequest(runtime: runtime)
        ProfilesController<Context>(api: api).addRoutes(to: router)
        SegmentsController<Context>(api: api).addRoutes(to: router)
        RecomputeController<Context>(api: api).addRoutes(to: router)
        IdentityRulesController<Context>(api: api).addRoutes(to: router)
        RebuildController<Context>(api: api).addRoutes(to: router)
        DestinationsController<Context>(api: api).addRoutes(to: router)
        ActivationsController<Context>(api: api).addRoutes(to: router)
        JourneysController<Context>(api: api).addRoutes(to: router)
        router.get("/openapi.json") { _, _ -> Response in ProfileAPIRequest.json(IngestOpenAPI.document) }
    }
}
