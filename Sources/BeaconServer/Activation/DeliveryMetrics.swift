import BeaconEngine
import Prometheus

/// Per-destination delivery counts in `/metrics`, read from the delivery workers' stats when
/// the metrics are scraped: `beacon_delivery_attempts{destination, outcome}` (delivered,
/// retrying, dead) and `beacon_delivery_latency_seconds_sum{destination}` over all attempts,
/// since the process started.
enum DeliveryMetrics {
    static func update(_ registry: PrometheusCollectorRegistry, from stats: DeliveryStats) async {
        for (destination, c) in await stats.snapshot() {
            for (outcome, n) in [("delivered", c.delivered), ("retrying", c.retrying), ("dead", c.dead)] {
                registry.makeGauge(
                    name: "beacon_delivery_attempts", labels: [("destination", destination), ("outcome", outcome)],
                    help: "Delivery attempts per destination by outcome since start"
                ).set(Double(n))
            }
            registry.makeGauge(
                name: "beacon_delivery_latency_seconds_sum", labels: [("destination", destination)],
                help: "Seconds spent waiting for destinations' answers since start"
            ).set(c.latencySeconds)
        }
    }
}
