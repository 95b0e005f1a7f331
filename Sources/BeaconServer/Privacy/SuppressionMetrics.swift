import BeaconEngine
import Prometheus

/// `beacon_events_suppressed_total{workspace}` in `/metrics`: events of suppressed subjects
/// dropped before storage since the process started, read from the suppression gate when
/// the metrics are scraped.
enum SuppressionMetrics {
    static func update(_ registry: PrometheusCollectorRegistry, from gate: SubjectSuppressionGate) async {
        for (workspace, n) in await gate.droppedCounts() {
            registry.makeGauge(
                name: "beacon_events_suppressed_total", labels: [("workspace", workspace)],
                help: "Events of suppressed subjects dropped before storage since start"
            ).set(Double(n))
        }
    }
}
