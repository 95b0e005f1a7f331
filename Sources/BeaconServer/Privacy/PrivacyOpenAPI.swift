import BeaconCore

/// The OpenAPI description of `/api/privacy/*` (merged into `/openapi.json`).
enum PrivacyOpenAPI {
    static let identifier = ProfilesOpenAPI.query(
        "identifier", "a user id, anonymous id, email, phone or profile id", required: true,
        constraints: ["minLength": 1, "pattern": "\\S"])
    static let identifierBody: JSONValue = [
        "required": true,
        "content": ["application/json": ["schema": ["type": "object", "required": ["identifier"],
                                                    "properties": ["identifier": ["type": "string", "minLength": 1, "pattern": "\\S"]]]]],
    ]

    static func with(_ operation: JSONValue, body: JSONValue) -> JSONValue {
        guard case .object(var o) = operation else { return operation }
        o["requestBody"] = body
        return .object(o)
    }

    static var paths: [String: JSONValue] {
        let op = ProfilesOpenAPI.operation
        return [
            "/api/privacy/export": ["get": op(
                "Everything stored about a data subject: profile, identities, every event, consent history, memberships, deliveries",
                [identifier, ProfilesOpenAPI.query("format", "json (default) or csv: one line per cell, section,table,row,column,value", constraints: ["enum": ["json", "csv"]])],
                nil, true, ["200": "OK", "404": "problem"])],
            "/api/privacy/erasures": ["post": with(op(
                "Erase a data subject from every registered table, derived data, export files and physical storage; re-ingest stays suppressed. Answers the job to poll",
                [], nil, true, ["202": "Started"]), body: identifierBody)],
            "/api/privacy/erasures/{id}": ["get": op(
                "An erasure job: running, done (with rows deleted per table) or failed", [ProfilesOpenAPI.id], nil, true,
                ["200": "OK", "404": "problem"])],
            "/api/privacy/suppressions": [
                "get": op("Suppressed subjects (identifier hashes only, counted by kind)", [], nil, true, ["200": "OK"]),
                "post": with(op(
                    "Suppress a subject: from the next request, events with any of its identifiers are dropped before storage",
                    [], nil, true, ["201": "Created"]), body: identifierBody),
            ],
            "/api/privacy/suppressions/{id}": ["delete": op(
                "Lift a suppression (also an erasure's): the subject's events are stored again", [ProfilesOpenAPI.id], nil,
                true, ["204": "Lifted", "404": "problem"])],
            "/api/privacy/consent": ["get": op(
                "A subject's consent history: category, granted, source, event time, policy version", [identifier], nil, true,
                ["200": "OK", "404": "problem"])],
            "/api/privacy/retention": [
                "get": op("The workspace's retention rules (days of event time, per event name or * for all)", [], nil, true, ["200": "OK"]),
                "put": with(op("Set or remove (days null) the retention of one event name or of * (every event)", [], nil, true,
                               ["200": "OK"]),
                            body: ["required": true, "content": ["application/json": ["schema": [
                                "type": "object", "required": ["days"],
                                "properties": ["event": ["type": "string"], "days": ["type": ["integer", "null"]]]]]]]),
            ],
            "/api/privacy/retention/run": ["post": op(
                "Delete the events the rules expire now (by event time) and recompute profiles and memberships", [], nil, true,
                ["200": "OK"])],
        ]
    }
}
