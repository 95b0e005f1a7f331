import BeaconCore

/// The OpenAPI description of the scheduled-report routes (`/api/reports/schedules…`).
enum ReportSchedulesOpenAPI {
    static let id: JSONValue = [
        "name": "id", "in": "path", "required": true, "description": "the schedule's id",
        "schema": ["type": "string", "pattern": "^rsc_[a-z0-9]{16}$"],
    ]

    static var paths: [String: JSONValue] {
        let op = ProfilesOpenAPI.operation
        return [
            "/api/reports/schedules": [
                "get": op("The workspace's scheduled email reports (needs destinations:read)", [], nil, true, ["200": "OK"]),
                "post": op(
                    "Schedule the executive report by email to a dashboard user (needs destinations:write): daily, weekly (Mondays) or monthly (the 1st) at a local time, or a five-field cron expression, in an IANA time zone; a time a daylight-saving gap skips runs at the gap's end, a repeated one once",
                    [], "ReportScheduleInput", true, ["201": "Created", "404": "problem"]),
            ],
            "/api/reports/schedules/{id}": [
                "get": op("A scheduled report", [id], nil, true, ["200": "OK", "404": "problem"]),
                "delete": op("Delete a scheduled report and its history", [id], nil, true, ["204": "Deleted", "404": "problem"]),
            ],
            "/api/reports/schedules/{id}/pause": [
                "post": op("Pause a scheduled report", [id], nil, true, ["200": "OK", "404": "problem"])
            ],
            "/api/reports/schedules/{id}/resume": [
                "post": op("Resume a scheduled report from its next time after now", [id], nil, true, ["200": "OK", "404": "problem"])
            ],
            "/api/reports/schedules/{id}/send": [
                "post": op(
                    "Send the report now (outside the schedule); the run, sent or failed with its error, is returned and recorded",
                    [id], nil, true, ["200": "OK", "404": "problem"])
            ],
            "/api/reports/schedules/{id}/runs": [
                "get": op(
                    "Delivery history of a scheduled report, newest first: due time, sent time, status and error",
                    [id, ProfilesOpenAPI.integer("limit", "page size", 1, 1_000)], nil, true, ["200": "OK", "404": "problem"])
            ],
        ]
    }

    static let schemas: [String: JSONValue] = [
        "ReportScheduleInput": [
            "type": "object", "required": ["name", "user", "schedule", "destination"],
            "properties": [
                "name": ["type": "string", "minLength": 1, "maxLength": 100],
                "user": ["type": "string", "format": "email", "description": "the email of the dashboard user it goes to"],
                "schedule": [
                    "type": "string", "description": "daily, weekly, monthly or a five-field cron expression",
                ],
                "time": [
                    "type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
                    "description": "HH:MM for daily, weekly and monthly (default 08:00)",
                ],
                "timeZone": ["type": "string", "description": "IANA time zone (default UTC)"],
                "destination": ["type": "string", "description": "the id of an email destination of the workspace"],
            ],
        ]
    ]
}
