import BeaconCore

/// The OpenAPI description of `GET /api/reports/executive.pdf`.
enum ReportsOpenAPI {
    static var paths: [String: JSONValue] {
        let date: [String: JSONValue] = ["format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]
        var operation = ProfilesOpenAPI.operation(
            "The executive report of the token's workspace as a PDF (needs profiles:read): KPIs against the previous period, revenue by channel, the marketing mix and optimiser, customers, attribution, anomalies and a summary",
            params: [
                ProfilesOpenAPI.query("from", "first day of the period, YYYY-MM-DD (default: 30 days before `to`)", constraints: date),
                ProfilesOpenAPI.query("to", "last day of the period, YYYY-MM-DD (default: the workspace's last event)", constraints: date),
            ],
            responses: ["200": "The report (`application/pdf`)", "503": "problem"])
        if case .object(var o) = operation, case .object(var responses)? = o["responses"] {
            responses["200"] = [
                "description": "The report",
                "content": ["application/pdf": ["schema": ["type": "string", "format": "binary"]]],
            ]
            responses["503"] = [
                "description": "The report font is not installed (problem+json naming BEACON_REPORT_FONT)",
                "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]],
            ]
            o["responses"] = .object(responses)
            operation = .object(o)
        }
        return ["/api/reports/executive.pdf": ["get": operation]]
    }
}
