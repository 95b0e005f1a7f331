import BeaconEngine
import Hummingbird

/// `/healthz` (the store answers) and `/metrics` (Prometheus text format).
struct HealthController<Context: RequestContext> {
    let runtime: BeaconRuntime
    let metrics: BeaconMetrics

    func addRoutes(to router: Router<Context>) {
        router.get("/healthz") { _, _ -> Response in
            do {
                _ = try await runtime.workspaces.all()
                return Self.json("{\"status\":\"ok\",\"store\":\"\(runtime.backend)\"}", status: .ok)
            } catch {
                return Self.json("{\"status\":\"unavailable\",\"store\":\"\(runtime.backend)\"}", status: .serviceUnavailable)
            }
        }
        router.get("/metrics") { _, _ -> Response in
            await DeliveryMetrics.update(metrics.registry, from: runtime.delivery.stats)
            await SuppressionMetrics.update(metrics.registry, from: runtime.suppression)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                     body: .init(byteBuffer: ByteBuffer(bytes: metrics.registry.emitToBuffer())))
        }
    }

    static func json(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
