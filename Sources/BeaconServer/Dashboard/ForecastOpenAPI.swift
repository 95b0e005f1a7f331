import BeaconCore

/// The OpenAPI description of `GET /api/forecast`.
enum ForecastOpenAPI {
    /// The longest forecast, in periods.
    static let maximumHorizon = 365

    static var paths: [String: JSONValue] {
        let pair = "[A-Za-z0-9_.-]+:[0-9]{1,9}(\\.[0-9]{1,4})?"
        var operation = ProfilesOpenAPI.operation(
            "Revenue forecast of the token's workspace from its marketing-mix model (needs profiles:read): each period's revenue with its prediction interval, the horizon's total, each channel's revenue and carry-over, and a rolling-origin backtest (MAPE and interval coverage per period ahead)",
            params: [
                ProfilesOpenAPI.integer(
                    "horizon", "periods to forecast (days for daily data, weeks for weekly; default 30)", 1,
                    maximumHorizon),
                ProfilesOpenAPI.query(
                    "spend",
                    "planned spend per period as channel:amount pairs separated by commas (channels left out keep their current run rate); an unknown channel is a 400 naming spend.<channel>",
                    constraints: ["pattern": .string("^(\(pair))(,\(pair))*$"), "maxLength": 2000]),
            ],
            responses: ["200": "The forecast", "409": "problem"])
        if case .object(var o) = operation, case .object(var responses)? = o["responses"] {
            responses["409"] = [
                "description": "The model is still fitting or could not be fitted (problem+json naming ws); retry later",
                "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]],
            ]
            o["responses"] = .object(responses)
            operation = .object(o)
        }
        return ["/api/forecast": ["get": operation]]
    }
}
