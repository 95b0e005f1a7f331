import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// The dashboard's small JSON endpoints, used by its script:
/// - `GET /dashboard/api/mmm?ws=` — `{"state":"fitting","seconds":12}` / `{"state":"ready",…}` / `{"state":"failed","error":…}`;
///   when ready, each channel's effectiveness over time (`varies`, `changes` with date, from, to)
///   and the identification warnings in plain language;
/// - `POST /dashboard/api/whatif?ws=` with `{"spend":{"google_ads":5000,…}}` (dollars per day;
///   channels left out keep their current spend) — the 30-day projection (`MarketingMixWhatIf`);
/// - `GET /dashboard/api/events?ws=&after=SEQ` — newer events for the live debugger, in the
///   shape of `GET /api/events`.
/// Bad input is a problem+json 4xx naming the field.
struct DashboardAPI<Context: RequestContext>: Sendable {
    let controller: DashboardController<Context>

    func addRoutes(to router: Router<Context>) {
        router.get("/dashboard/api/mmm") { request, _ in try await status(request) }
        router.post("/dashboard/api/whatif") { request, _ in try await whatIf(request) }
        router.get("/dashboard/api/events") { request, _ in try await events(request) }
    }

    private func workspace(_ request: Request) async throws -> Workspace {
        guard let ws = try await controller.workspaces(request).current else {
            throw ProblemDetails(.notFound, detail: "there is no workspace yet", field: "ws")
        }
        return ws
    }

    func status(_ request: Request) async throws -> Response {
        let ws = try await workspace(request)
        switch await controller.mmm.state(for: ws.id) {
        case .fitting(let started):
            return json(["state": .string("fitting"), "seconds": .number(Date().timeIntervalSince(started).rounded())])
        case .ready(let r):
            return json([
                "state": .string("ready"), "seconds": .number(r.seconds),
                "source": .string(r.source.isDemo ? "demo" : "workspace"),
                "channels": .array(r.channels.map { .string($0.name) }),
                "effectiveness": .object(
                    Dictionary(
                        r.channels.map { c in
                            (
                                c.name,
                                JSONValue.object([
                                    "varies": .bool(c.effectivenessVaries),
                                    "changes": .array(
                                        c.effectivenessChanges.map {
                                            .object([
                                                "date": .string($0.date), "from": .number($0.from), "to": .number($0.to),
                                            ])
                                        }),
                                ])
                            )
                        }, uniquingKeysWith: { first, _ in first })),
                "warnings": .array((r.fitWarnings + r.channels.flatMap(\.warnings)).map { .string($0) }),
            ])
        case .failed(let message):
            return json(["state": .string("failed"), "error": .string(message)])
        }
    }

    func whatIf(_ request: Request) async throws -> Response {
        let ws = try await workspace(request)
        let body = try await request.body.collect(upTo: 64 * 1024)
        guard let parsed = try? JSONValue.parse(Data(buffer: body)), case .object(let root) = parsed else {
            throw ProblemDetails(.badRequest, detail: "the body must be a JSON object", field: "body")
        }
        guard case .ready(let result) = await controller.mmm.state(for: ws.id) else {
            throw ProblemDetails(
                .conflict, detail: "the marketing-mix model is still fitting; retry when /dashboard/api/mmm says ready",
                field: "ws")
        }
        var daily = result.currentSpend
        let names = result.channels.map(\.name)
        if let spend = root["spend"] {
            guard case .object(let amounts) = spend else {
                throw ProblemDetails(
                    .badRequest, detail: "spend must be an object of channel → dollars per day", field: "spend")
            }
            for (name, value) in amounts {
                guard let k = names.firstIndex(of: name) else {
                    throw ProblemDetails(.badRequest, detail: "unknown channel '\(name)'", field: "spend.\(name)")
                }
                guard let amount = value.doubleValue, amount.isFinite, amount >= 0 else {
                    throw ProblemDetails(
                        .badRequest, detail: "spend must be a non-negative number", field: "spend.\(name)")
                }
                daily[k] = amount
            }
        }
        let h = OptimiserPage.horizon
        let w = try result.whatIf(daily: daily, horizon: h)
        let lines: [JSONValue] = w.lines.map {
            .object([
                "name": .string($0.name), "spend": .number($0.spend), "revenue": .number($0.revenue),
                "roas": .number($0.roas), "marginalROAS": .number($0.marginalROAS),
            ])
        }
        return json([
            "horizon": .number(Double(h)), "spend": .number(w.spend), "mediaRevenue": .number(w.mediaRevenue),
            "mediaRevenueLower": .number(w.mediaRevenueLower), "mediaRevenueUpper": .number(w.mediaRevenueUpper),
            "roas": .number(w.roas), "currentMediaRevenue": .number(w.currentMediaRevenue),
            "totalRevenue": .number(w.totalRevenue), "lines": .array(lines),
        ])
    }

    func events(_ request: Request) async throws -> Response {
        let ws = try await workspace(request)
        let after = try ProfileAPIRequest.cursor(request, "after")
        let stored = try await controller.runtime.eventLog.events(in: ws.id, after: after, limit: 200)
        let rows: [JSONValue] = stored.map {
            let r = DataPage.row($0)
            return .object([
                "sequence": .number(Double($0.sequence)), "time": .string(r.time), "type": .string(r.type),
                "name": .string(r.name), "who": .string(r.who), "json": .string(r.json),
            ])
        }
        var out: [String: JSONValue] = ["events": .array(rows)]
        out["next"] = stored.last.map { .number(Double($0.sequence)) }
        return json(out)
    }

    private func json(_ object: [String: JSONValue]) -> Response {
        var headers = DashboardRenderer.securityHeaders
        headers[.contentType] = "application/json"
        return Response(
            status: .ok, headers: headers,
            body: .init(byteBuffer: ByteBuffer(string: JSONValue.object(object).serialized())))
    }
}
