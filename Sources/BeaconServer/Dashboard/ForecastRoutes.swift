import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// `GET /api/forecast?horizon=30&spend=google_ads:6000,tiktok:2500` with a workspace API token:
/// revenue for the next `horizon` periods of the workspace's marketing-mix model from the planned
/// spend per period (channels left out keep their current run rate), with prediction intervals
/// and the rolling-origin backtest (`MarketingMixForecast`).
///
/// Reuses the dashboard's fit; while the model is fitting the route waits up to `fitWait`
/// seconds, then answers 409 naming `ws` (retry later). A bad horizon or spend is a 400 naming
/// `horizon` or `spend.<channel>`.
struct ForecastRoutes<Context: RequestContext>: Sendable {
    let controller: DashboardController<Context>

    /// The longest forecast, in periods.
    static var maximumHorizon: Int { ForecastOpenAPI.maximumHorizon }
    /// Seconds a request waits for a fit in progress.
    static var fitWait: Double { 60 }

    func addRoutes(to router: Router<Context>) {
        router.get("/api/forecast") { request, _ -> Response in
            let (_, workspace) = try await ProfileAPIRequest(runtime: controller.runtime).authenticate(request)
            let query = request.uri.queryParameters
            let horizon = try Self.horizon(query["horizon"].map(String.init))
            let spend = try Self.spend(query["spend"].map(String.init))
            let result = try await fitted(workspace)
            let forecast: MarketingMixForecast
            do {
                forecast = try await result.forecast(horizon: horizon, spend: spend)
            } catch let error as MarketingMixForecastError {
                throw ProblemDetails(.badRequest, detail: error.message, field: error.field)
            }
            var body = Self.json(forecast)
            if case .object(var o) = body {
                o["source"] = .string(result.source.isDemo ? "demo" : "workspace")
                body = .object(o)
            }
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: body.serialized())))
        }
    }

    /// The workspace's fitted model, waiting for one in progress.
    private func fitted(_ workspace: Workspace) async throws -> MMMFitCache.MMMResult {
        let deadline = Date().addingTimeInterval(Self.fitWait)
        while true {
            switch await controller.mmm.state(for: workspace.id) {
            case .ready(let result): return result
            case .failed(let message):
                throw ProblemDetails(
                    .conflict, detail: "the marketing-mix model could not be fitted: \(message)", field: "ws")
            case .fitting:
                guard Date() < deadline else {
                    throw ProblemDetails(
                        .conflict, detail: "the marketing-mix model is still fitting; retry in a minute", field: "ws")
                }
                try await Task.sleep(nanoseconds: 200_000_000)
            }
        }
    }

    /// `horizon`: periods ahead, 1…`maximumHorizon` (default 30).
    static func horizon(_ text: String?) throws -> Int {
        guard let text else { return 30 }
        guard let h = Int(text), (1...maximumHorizon).contains(h) else {
            throw ProblemDetails(
                .badRequest,
                detail: "horizon must be a whole number of periods from 1 to \(maximumHorizon), got '\(text)'",
                field: "horizon")
        }
        return h
    }

    /// `spend`: `channel:amount` pairs separated by commas, amounts per period and non-negative.
    /// Left out, the plan keeps today's spend; given empty (`spend=`), it is refused, as the
    /// OpenAPI document's pattern says.
    static func spend(_ text: String?) throws -> [String: Double] {
        guard let text else { return [:] }
        guard !text.isEmpty else {
            throw ProblemDetails(
                .badRequest, detail: "spend must be channel:amount pairs separated by commas, got an empty value",
                field: "spend")
        }
        var out: [String: Double] = [:]
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pair = item.split(separator: ":", maxSplits: 1).map(String.init)
            guard pair.count == 2, !pair[0].isEmpty else {
                throw ProblemDetails(
                    .badRequest, detail: "spend must be channel:amount pairs separated by commas, got '\(item)'",
                    field: "spend")
            }
            guard let amount = Double(pair[1]), amount.isFinite, amount >= 0 else {
                throw ProblemDetails(
                    .badRequest, detail: "spend must be a non-negative number per period, got '\(pair[1])'",
                    field: "spend.\(pair[0])")
            }
            guard out.updateValue(amount, forKey: pair[0]) == nil else {
                throw ProblemDetails(
                    .badRequest, detail: "channel '\(pair[0])' is given twice", field: "spend.\(pair[0])")
            }
        }
        return out
    }

    /// The answer's JSON.
    static func json(_ f: MarketingMixForecast) -> JSONValue {
        func n(_ v: Double) -> JSONValue { v.isFinite ? .number(v) : .null }
        var out: [String: JSONValue] = [
            "horizon": .number(Double(f.horizon)), "stepDays": .number(Double(f.stepDays)), "level": .number(f.level),
            "total": ["estimate": n(f.total), "lower": n(f.totalLower), "upper": n(f.totalUpper)],
            "spend": n(f.spend),
            "periods": .array(
                f.periods.map { (p: MarketingMixForecast.Period) -> JSONValue in
                    [
                        "date": .string(p.date), "revenue": n(p.revenue), "lower": n(p.lower), "upper": n(p.upper),
                        "baseline": n(p.baseline), "media": n(p.media), "cumulative": n(p.cumulative),
                        "cumulativeLower": n(p.cumulativeLower), "cumulativeUpper": n(p.cumulativeUpper),
                    ]
                }),
            "channels": .array(
                f.channels.map { (c: MarketingMixForecast.Channel) -> JSONValue in
                    [
                        "name": .string(c.name), "spend": n(c.spend), "revenue": n(c.revenue), "lower": n(c.lower),
                        "upper": n(c.upper), "carryover": n(c.carryover),
                    ]
                }),
        ]
        if let b = f.backtest {
            out["backtest"] = [
                "origins": .number(Double(b.origins)), "horizon": .number(Double(b.horizon)), "mape": n(b.mape),
                "coverage": n(b.coverage), "totalMAPE": n(b.totalMAPE), "totalCoverage": n(b.totalCoverage),
                "steps": .array(
                    b.steps.map { (s: MarketingMixForecast.Step) -> JSONValue in
                        ["ahead": .number(Double(s.ahead)), "mape": n(s.mape), "coverage": n(s.coverage)]
                    }),
            ]
        }
        return .object(out)
    }
}
