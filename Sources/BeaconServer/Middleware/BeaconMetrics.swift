import Hummingbird
import Prometheus

/// Beacon's Prometheus metrics, kept in one registry that `/metrics` renders.
///
/// A registry per application (not the process-global `MetricsSystem`) so tests can build
/// many applications in one process.
public final class BeaconMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    public let eventsAccepted: Counter
    public let eventsDuplicate: Counter
    public let requestsRejected: @Sendable (Int) -> Counter
    public let requestDuration: DurationHistogram

    public init() {
        let registry = self.registry
        eventsAccepted = registry.makeCounter(name: "beacon_events_accepted_total", help: "Events newly stored by ingest")
        eventsDuplicate = registry.makeCounter(name: "beacon_events_duplicate_total", help: "Events acknowledged but already stored (same messageId)")
        requestsRejected = { status in
            registry.makeCounter(name: "beacon_ingest_rejected_total", labels: [("status", String(status))], help: "Ingest requests refused, by HTTP status")
        }
        requestDuration = registry.makeDurationHistogram(
            name: "beacon_http_request_duration_seconds",
            buckets: [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                      .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5)],
            help: "HTTP request latency")
    }
}

/// Records every request's latency in `BeaconMetrics.requestDuration`.
struct RequestDurationMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: BeaconMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        defer { metrics.requestDuration.record(ContinuousClock.now - start) }
        return try await next(request, context)
    }
}
