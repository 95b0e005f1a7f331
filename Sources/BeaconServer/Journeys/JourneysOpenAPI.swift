import BeaconCore

/// The OpenAPI description of the journey routes, merged into the token API's document.
enum JourneysOpenAPI {
    static let op = ProfilesOpenAPI.operation
    static let id = ProfilesOpenAPI.id
    /// A 24-hour `HH:MM` time of day.
    static let hhmm: JSONValue = "^([01][0-9]|2[0-3]):[0-5][0-9]$"

    static let paths: [String: JSONValue] = [
        "/api/journeys": [
            "get": op("List journeys", [], nil, true, ["200": "OK"]),
            "post": op("Create a draft journey (version 1) from a definition", [], "JourneyInput", true,
                       ["201": "Created", "409": "problem"]),
        ],
        "/api/journeys/{id}": [
            "get": op("A journey with its versions", [id], nil, true, ["200": "OK", "404": "problem"]),
            "delete": op("Delete a journey with its versions, runs and funnel", [id], nil, true,
                         ["204": "Deleted", "404": "problem"]),
        ],
        "/api/journeys/{id}/draft": [
            "put": op("Set the unpublished draft (a new version after the last published one)", [id], "JourneyDraft",
                      true, ["200": "OK", "404": "problem"])
        ],
        "/api/journeys/{id}/publish": [
            "post": op(
                "Publish the draft (or the definition given). Over a live version a mapping of each of its steps is required",
                [id], "JourneyPublish", false, ["200": "OK", "409": "problem"])
        ],
        "/api/journeys/{id}/dry-run": [
            "post": op("How many people a mapping would move from each live step; changes nothing", [id],
                       "JourneyPublish", true, ["200": "OK", "409": "problem"])
        ],
        "/api/journeys/{id}/rollback": [
            "post": op("Make the previously published version live again, moving people by the mapping", [id],
                       "JourneyRollback", true, ["200": "OK", "409": "problem"])
        ],
        "/api/journeys/{id}/pause": [
            "post": op("Stop entries and movement", [id], nil, true, ["200": "OK", "409": "problem"])
        ],
        "/api/journeys/{id}/resume": [
            "post": op("Run again under the version's resume policy (retime or skip; never a burst of overdue sends)",
                       [id], nil, true, ["200": "OK", "409": "problem"])
        ],
        "/api/journeys/{id}/experiments": [
            "get": op(
                "Per split of the live version: people and conversions per variant, mSPRT p-value and interval against the control, sample-ratio-mismatch check",
                [id], nil, true, ["200": "OK", "404": "problem"])
        ],
        "/api/journeys/{id}/funnel": [
            "get": op(
                "Per version and step: entered = waiting + advanced + migrated + completed + exited + converted + failed",
                [id], nil, true, ["200": "OK", "404": "problem"])
        ],
    ]

    static let mapping: JSONValue = [
        "description":
            "old step id → {\"step\": new step id} or {\"finish\": true} (stay on the old version); or \"sameIds\"",
        "oneOf": [
            ["type": "string", "enum": ["sameIds"]],
            [
                "type": "object",
                "additionalProperties": [
                    "type": "object",
                    "properties": ["step": ["type": "string"], "finish": ["type": "boolean"]],
                ],
            ],
        ],
    ]

    static let schemas: [String: JSONValue] = [
        "JourneyInput": [
            "type": "object", "required": ["name", "definition"],
            "properties": ["name": ["type": "string"], "definition": ["$ref": "#/components/schemas/JourneyDefinition"]],
        ],
        "JourneyDraft": [
            "type": "object", "required": ["definition"],
            "properties": ["definition": ["$ref": "#/components/schemas/JourneyDefinition"]],
        ],
        "JourneyPublish": [
            "type": "object",
            "properties": ["definition": ["$ref": "#/components/schemas/JourneyDefinition"], "mapping": mapping],
        ],
        "JourneyRollback": ["type": "object", "required": ["mapping"], "properties": ["mapping": mapping]],
        "JourneyTrigger": [
            "type": "object", "required": ["type"],
            "properties": [
                "type": ["type": "string", "enum": ["segmentEntered", "segmentExited", "event"]],
                "segment": ["type": "string"], "event": ["type": "string"],
                "properties": ["type": "object", "description": "values the event's properties must equal"],
            ],
        ],
        "JourneyStep": [
            "type": "object", "required": ["id", "type"],
            "properties": [
                "id": ["type": "string"],
                "type": [
                    "type": "string",
                    "enum": ["wait", "waitUntil", "waitForEvent", "branch", "split", "send", "updateTrait", "exit"],
                ],
                "next": ["type": "string"], "seconds": ["type": "number"],
                "at": ["type": "string", "description": "HH:MM in the profile's time zone (trait timezone)"],
                "weekdays": ["type": "array", "items": ["type": "integer", "minimum": 1, "maximum": 7]],
                "event": ["type": "string"], "properties": ["type": "object"], "timeoutSeconds": ["type": "number"],
                "timeoutNext": ["type": "string"], "rule": ["type": "object", "description": "a segment rule"],
                "elseNext": ["type": "string"], "experiment": ["type": "string"],
                "variants": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["name", "weight", "next"],
                        "properties": [
                            "name": ["type": "string"], "weight": ["type": "number"], "next": ["type": "string"],
                            "holdout": ["type": "boolean"],
                        ],
                    ],
                ],
                "destination": ["type": "string"], "message": ["type": "object"], "trait": ["type": "string"],
                "value": [:],
            ],
        ],
        "JourneyDefinition": [
            "type": "object", "required": ["trigger", "start", "steps", "reentry", "resume"],
            "properties": [
                "trigger": ["$ref": "#/components/schemas/JourneyTrigger"], "start": ["type": "string"],
                "steps": ["type": "array", "items": ["$ref": "#/components/schemas/JourneyStep"]],
                "goal": ["$ref": "#/components/schemas/JourneyTrigger"],
                "exitWhen": ["type": "array", "items": ["$ref": "#/components/schemas/JourneyTrigger"]],
                "reentry": ["type": "string", "enum": ["once", "afterExit", "everyTime"]],
                "resume": ["type": "string", "enum": ["retime", "skip"]],
                "timeZone": ["type": "string", "description": "IANA zone for profiles without a timezone trait"],
                "quietHours": [
                    "type": "object", "required": ["start", "end"],
                    "description": "sends due inside this local window (may span midnight) wait for its end",
                    "properties": [
                        "start": ["type": "string", "pattern": hhmm], "end": ["type": "string", "pattern": hhmm],
                    ],
                ],
                "frequencyCap": [
                    "type": "object", "required": ["sends", "seconds"],
                    "description": "at most `sends` sends from all journeys to a profile within `seconds`; more wait",
                    "properties": [
                        "sends": ["type": "integer", "minimum": 1],
                        "seconds": ["type": "number", "minimum": 1],
                    ],
                ],
            ],
        ],
    ]
}
