import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import BeaconServer

/// `GET /api/forecast`: a workspace without spend of its own is forecast from the TechStyle demo
/// fit; the answer's intervals hold their estimates and the cumulative interval widens with every
/// day; bad input is a 400 naming the field; no token is a 401.
@Suite("Forecast API", .serialized)
struct ForecastRouteTests {
    static func object(_ response: TestResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data([UInt8](buffer: response.body))) as? [String: Any] ?? [:]
    }

    @Test("GET /api/forecast: periods with widening intervals and a backtest; problems name the field", arguments: AccessBackend.available)
    func route(_ backend: AccessBackend) async throws {
        let server = try await AccessTestServer.make(backend)
        let (ws, _) = try await server.workspace("forecast")
        let token = try await server.token(ws, "profiles:read")
        let app = buildApplication(
            runtime: server.runtime, configuration: .init(host: "127.0.0.1", port: 0, journeyRunnerInterval: nil),
            logger: Logger(label: "test"),
            dashboard: DashboardSettings(marketingMix: .init(specification: DashboardTestServer.quickMMM)))
        try await app.test(.router) { client in
            let auth: HTTPFields = [.authorization: "Bearer \(token)"]
            // While the model fits (a loaded debug build can take minutes) the route answers 409: retry.
            var ok = try await client.execute(
                uri: "/api/forecast?horizon=14&spend=google_ads:6000,tiktok:0", method: .get, headers: auth) { $0 }
            for _ in 0..<8 where ok.status == .conflict {
                ok = try await client.execute(
                    uri: "/api/forecast?horizon=14&spend=google_ads:6000,tiktok:0", method: .get, headers: auth) { $0 }
            }
            #expect(ok.status == .ok)
            let body = try Self.object(ok)
            #expect(body["source"] as? String == "demo")
            let periods = body["periods"] as? [[String: Any]] ?? []
            #expect(periods.count == 14)
            var lastWidth = 0.0
            for p in periods {
                let revenue = p["revenue"] as? Double ?? .nan
                let lower = p["lower"] as? Double ?? .nan
                let upper = p["upper"] as? Double ?? .nan
                #expect(lower <= revenue && revenue <= upper, "\(p["date"] ?? "")")
                let width = (p["cumulativeUpper"] as? Double ?? 0) - (p["cumulativeLower"] as? Double ?? 0)
                #expect(width > lastWidth, "cumulative interval widens: \(p["date"] ?? "")")
                lastWidth = width
            }
            // The demo data ends on 2022-12-31: the forecast starts the next day.
            #expect(periods.first?["date"] as? String == "2023-01-01")
            let channels = body["channels"] as? [[String: Any]] ?? []
            let google = channels.first { $0["name"] as? String == "google_ads" }
            #expect(abs((google?["spend"] as? Double ?? 0) - 6000 * 14) < 1e-6)
            // No new TikTok spend: its revenue is carry-over alone.
            let tiktok = channels.first { $0["name"] as? String == "tiktok" }
            #expect(abs(tiktok?["spend"] as? Double ?? -1) < 1e-9)
            #expect(abs((tiktok?["revenue"] as? Double ?? -1) - (tiktok?["carryover"] as? Double ?? 1)) < 1e-6)
            let backtest = body["backtest"] as? [String: Any]
            #expect((backtest?["steps"] as? [Any])?.count == 14)
            #expect((0...1).contains(backtest?["coverage"] as? Double ?? -1))

            for (query, field) in [
                ("horizon=0", "horizon"), ("horizon=abc", "horizon"), ("horizon=366", "horizon"),
                ("spend=google_ads:-5", "spend.google_ads"), ("spend=nope:100", "spend.nope"), ("spend=garbage", "spend"),
                ("spend=meta_ads:1,meta_ads:2", "spend.meta_ads"),
            ] {
                let bad = try await client.execute(uri: "/api/forecast?\(query)", method: .get, headers: auth) { $0 }
                #expect(bad.status == .badRequest, "\(query)")
                #expect(try Self.object(bad)["field"] as? String == field, "\(query)")
            }
            let anonymous = try await client.execute(uri: "/api/forecast", method: .get) { $0 }
            #expect(anonymous.status == .unauthorized)
        }
    }
}
