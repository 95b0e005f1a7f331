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
                       "403": ["description": "A write key was offered (write keys only send events), or the token lacks the route's scope (names `scope`)"],
                       "429": ["description": "Rate limit reached: Retry-After, RateLimit and RateLimit-Policy say when to retry"]]) { a, _ in a }),
        ]
        if !params.isEmpty { o["parameters"] = .array(params) }
        if params.contains(where: { $0["in"] == "path" }), o["responses"]?["404"] == nil, var r = o["responses"]?.objectValue {
            r["404"] = ["description": "No such resource in this workspace", "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]]]
            o["responses"] = .object(r)
        }
        if body != nil, var r = o["responses"]?.objectValue {
            r["413"] = ["description": "Body too large", "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]]]
            o["responses"] = .object(r)
        }
        if let body { o["requestBody"] = ["required": .bool(bodyRequired), "content": ["application/json": ["schema": ["$ref": .string("#/components/schemas/\(body)")]]]] }
        return .object(o)
    }

    static func query(_ name: String, _ description: String, type: String = "string", required: Bool = false,
                      constraints: [String: JSONValue] = [:]) -> JSONValue {
        ["name": .string(name), "in": "query", "required": .bool(required), "description": .string(description),
         "schema": .object(["type": .string(type)].merging(constraints) { a, _ in a })]
    }

    /// An integer query parameter from `low` to `high`.
    static func integer(_ name: String, _ description: String, _ low: Int, _ high: Int) -> JSONValue {
        query(name, description, type: "integer", constraints: ["minimum": .number(Double(low)), "maximum": .number(Double(high))])
    }

    /// The body of an audience sync destination of `types`, its API key matching `apiKeyPattern`
    /// and its optional vendor `settings` (ActivationService.createAudienceDestination's rules).
    static func audienceDestinationInput(types: [String], apiKeyPattern: String, settings: [String]) -> JSONValue {
        var settingProperties: [String: JSONValue] = [:]
        for key in settings { settingProperties[key] = ["type": "string", "minLength": 1, "maxLength": 100] }
        return ["type": "object", "required": ["name", "type", "apiKey", "listId"], "properties": [
            "name": ["type": "string", "minLength": 1, "maxLength": 100, "pattern": "\\S"],
            "type": ["type": "string", "enum": .array(types.map { .string($0) })],
            "url": ["type": "string", "description": "the vendor API's base (by default the vendor's own)",
                    "pattern": "^https?://[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:[1-9][0-9]{0,3})?(/[A-Za-z0-9._~/-]*)?$"],
            "apiKey": ["type": "string", "minLength": 1, "maxLength": 512, "pattern": .string(apiKeyPattern),
                       "description": "the vendor's API key (HubSpot private app token, Mailchimp key ending in its data centre, Klaviyo private key); sealed, never shown again"],
            "listId": ["type": "string", "minLength": 1, "maxLength": 100, "pattern": "^[^\\s/]+$",
                       "description": "the vendor list the segment's members are kept on"],
            "settings": ["type": "object", "additionalProperties": false, "properties": .object(settingProperties),
                         "description": "vendor options: userIdProperty (HubSpot), userIdMergeField (Mailchimp)"],
        ]]
    }

    static let id: JSONValue = ["name": "id", "in": "path", "required": true, "schema": ["type": "string"]]
    static let limit = integer("limit", "page size", 1, 1_000)
    static let longLimit = integer("limit", "page size", 1, 10_000)

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
                    "mergeOn": ["type": ["array", "null"], "items": ["type": "string", "pattern": .string(IdentityRules.kindPattern)],
                                "description": "identifier kinds that may merge profiles (user_id, anonymous_id, email, phone, external, external:<type>); null: all"],
                    "limits": ["type": "object", "propertyNames": ["pattern": .string(IdentityRules.kindPattern)],
                               "additionalProperties": ["type": ["integer", "null"], "minimum": 1, "maximum": 1000],
                               "description": "at most this many identifiers of a kind per profile, e.g. {\"user_id\": 1}; null: no limit"],
                    "maxIdentifiers": ["type": "integer", "minimum": 1, "maximum": 10000],
                    "blockedValues": ["type": "array", "maxItems": 10000, "items": ["type": "string", "minLength": 1, "maxLength": 320, "pattern": "\\S"], "description": "junk values on top of the built-in list"],
                    "defaultCallingCode": ["type": ["string", "null"], "pattern": "^[1-9][0-9]{0,2}$", "description": "calling code for phone numbers without +, e.g. \"44\""],
                ]],
                "RebuildOptions": ["type": "object", "additionalProperties": false, "properties": [
                    "predictions": ["type": "boolean", "description": "refresh predictions afterwards"],
                ]],
                "DestinationInput": ["oneOf": [["$ref": "#/components/schemas/WebhookDestinationInput"],
                                               ["$ref": "#/components/schemas/EmailDestinationInput"],
                                               ["$ref": "#/components/schemas/HubSpotDestinationInput"],
                                               ["$ref": "#/components/schemas/KlaviyoDestinationInput"],
                                               ["$ref": "#/components/schemas/MailchimpDestinationInput"]]],
                "HubSpotDestinationInput": audienceDestinationInput(
                    types: ["hubspot"], apiKeyPattern: "^\\S+$", settings: ["userIdProperty"]),
                "KlaviyoDestinationInput": audienceDestinationInput(types: ["klaviyo"], apiKeyPattern: "^\\S+$", settings: []),
                "MailchimpDestinationInput": audienceDestinationInput(
                    types: ["mailchimp"], apiKeyPattern: "^\\S*-[A-Za-z0-9]+$", settings: ["userIdMergeField"]),
                "WebhookDestinationInput": ["type": "object", "required": ["name", "url"], "properties": [
                    "name": ["type": "string", "minLength": 1, "maxLength": 100, "pattern": "\\S"], "type": ["type": ["string", "null"], "enum": ["webhook", .null], "description": "webhook (the default)"],
                    "url": ["type": "string", "description": "absolute http or https URL",
                            "pattern": "^https?://[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:[1-9][0-9]{0,3})?(/[A-Za-z0-9._~/-]*)?$"],
                    "secret": ["type": ["string", "null"], "description": "whsec_… (Standard Webhooks): the base64 of 24 to 64 random bytes; made when absent, returned once",
                               "pattern": "^whsec_([A-Za-z0-9+/]{4}){8,21}$"],
                ]],
                "ActivationInput": ["type": "object", "required": ["destination"], "oneOf": [["required": ["segment"]], ["required": ["event"]]], "properties": [
                    "destination": ["type": "string", "minLength": 1], "segment": ["type": "string", "minLength": 1],
                    "on": ["type": "array", "items": ["type": "string", "enum": ["entered", "exited"]]],
                    "event": ["type": "string", "minLength": 1, "description": "a tracked event name (instead of segment)"],
                    "properties": ["type": "object", "description": "event properties that must be equal"],
                    "everyHours": ["type": "number", "description": "with segment: reconcile the segment's members with an audience destination every N hours (0.25 to 720) instead of sending each change"],
                ]],
                "ReplayInput": ["type": "object", "properties": ["ids": ["type": "array", "items": ["type": "string"]]]],
                "SegmentInput": ["type": "object", "required": ["name", "rule"], "properties": [
                    "name": ["type": "string", "minLength": 1, "maxLength": 200, "pattern": "\\S"], "description": ["type": "string"],
                    "rule": ["type": "object", "minProperties": 1, "description": "segment rule, e.g. {\"lifetime_value\": {\"gt\": 1000}}; groups all/any/not; operators eq, ne, lt, lte, gt, gte, between, in, contains, exists; {\"event\": {\"name\", \"count\", \"within_days\", \"where\"}}"],
                ]],
            ],
        ],
        "paths": [
            "/api/events": ["get": operation("The workspace's stored events in storage order, each with its sequence number (a write key is refused: 403)",
                                             params: [integer("after", "cursor: event sequence", 0, Int(ProfileAPIRequest.maxCursor)), limit],
                                             responses: ["200": "OK", "403": "problem"])],
            "/api/profiles": ["get": operation("List profiles, or search by identifier, email or name prefix",
                                               params: [query("q", "prefix to search", constraints: ["minLength": 1]), query("after", "cursor: last profile id"), limit])],
            "/api/profiles/{id}": ["get": operation("A profile by profile id or any identifier (user id, anonymous id, email, phone, external id)",
                                                    params: [id, query("kind", "restrict to one identifier kind")], responses: ["200": "OK", "404": "problem"])],
            "/api/profiles/{id}/timeline": ["get": operation("The profile's events, newest first",
                                                             params: [id, integer("before", "cursor: event sequence", 0, Int(ProfileAPIRequest.maxCursor)), limit])],
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
            "/api/segments/overlap": ["get": operation("Pairwise overlap counts and Jaccard index",
                                                        params: [query("ids", "2 to 20 comma-separated segment ids", required: true,
                                                                       constraints: ["pattern": "^[^,]+(,[^,]+){1,19}$"])],
                                                        responses: ["200": "OK", "404": "problem"])],
            "/api/segments/recompute": [
                "get": operation("The scheduled full recompute: interval, last run over all workspaces, last result for this workspace"),
                "post": operation("Recompute this workspace now: refresh predictions, then every segment at the current time (entered/exited recorded)"),
            ],
            "/api/segments/{id}": [
                "get": operation("A segment with size, revenue contribution and size over time", params: [id]),
                "put": operation("Replace a segment's name and rule", params: [id], body: "SegmentInput"),
                "delete": operation("Delete a segment", params: [id], responses: ["204": "Deleted"]),
            ],
            "/api/segments/{id}/members": ["get": operation("Member profile ids", params: [id, query("after", "cursor"), longLimit])],
            "/api/segments/{id}/replayed-sizes": ["get": operation(
                "Size at past instants replayed from the event history (each profile as it stood then; traits as last set, predictions as now)",
                params: [id, integer("points", "instants before now, 1–366 (default 52)", 1, 366),
                         integer("step_days", "days between instants, 1–365 (default 7)", 1, 365),
                         integer("sample", "profiles replayed; above it an evenly spread sample is scaled up (default 20,000)", 1_000, 10_000_000)])],
            "/api/segments/{id}/changes": ["get": operation("Entered/exited records", params: [id, integer("after", "cursor: change number", 0, Int(ProfileAPIRequest.maxCursor)), longLimit])],
            "/api/destinations": [
                "get": operation("List destinations with their pending, delivered and dead message counts"),
                "post": operation("Create a webhook destination (the reply carries its signing secret, shown this once), an email destination (EmailDestinationInput) or an audience sync destination (hubspot, mailchimp, klaviyo: apiKey sealed, listId)",
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
                                                                 params: [id, query("state", "pending, delivered or dead", constraints: ["enum": ["pending", "delivered", "dead"]]), limit])],
            "/api/destinations/{id}/dead-letters": ["get": operation("Messages out of attempts", params: [id, limit])],
            "/api/destinations/{id}/dead-letters/replay": ["post": operation(
                "Queue dead messages again with fresh attempts (all, or those listed)", params: [id], body: "ReplayInput",
                bodyRequired: false)],
            "/api/activations": [
                "get": operation("List activations"),
                "post": operation("Send a segment's entered/exited changes or a tracked event to a destination",
                                  body: "ActivationInput", responses: ["201": "Created", "404": "problem"]),
            ],
            "/api/activations/{id}/sync": ["post": operation(
                "Reconcile the activation's segment with its audience destination now: queue only what differs from what it confirmed",
                params: [id], responses: ["202": "Queued", "400": "problem", "404": "problem"])],
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
        EmailSuppressionsController<Context>(api: api).addRoutes(to: router)
        UnsubscribeController<Context>(runtime: runtime).addRoutes(to: router)
        PrivacyController<Context>(api: api).addRoutes(to: router)
        JourneysController<Context>(api: api).addRoutes(to: router)
        DiscoveryController<Context>(api: api).addRoutes(to: router)
        router.get("/openapi.json") { _, _ -> Response in ProfileAPIRequest.json(IngestOpenAPI.document) }
    }
}
