import BeaconEngine
import Prometheus
import ServiceLifecycle

/// The scheduled full segment recompute as a service of the application: runs
/// `SegmentRecomputeScheduler` at start and then every `interval`, and exports each run as
/// Prometheus gauges. Stops on graceful shutdown.
struct SegmentRecomputeService: Service {
    let scheduler: SegmentRecomputeScheduler
    let interval: Duration
    let metrics: RecomputeMetrics

    func run() async throws {
        let metrics = self.metrics
        try await cancelWhenGracefulShutdown {
            await scheduler.run(every: interval, onRun: { metrics.record($0) })
        }
    }
}

/// Prometheus gauges of the last scheduled recompute: when it started, how long it took,
/// how many segments changed, and how many runs there were.
struct RecomputeMetrics: Sendable {
    let lastRun: Gauge
    let duration: Gauge
    let segmentsChanged: Gauge
    let failures: Gauge
    let runs: Counter

    init(registry: PrometheusCollectorRegistry) {
        func gauge(_ name: String, _ unit: String, _ help: String) -> Gauge {
            registry.makeGauge(descriptor: MetricNameDescriptor(metricName: name, unitName: unit, helpText: help))
        }
        lastRun = gauge(
            "beacon_segment_recompute_last_run", "timestamp_seconds",
            "Start of the last scheduled segment recompute (Unix time)")
        duration = gauge(
            "beacon_segment_recompute_duration", "seconds", "Duration of the last scheduled segment recompute")
        segmentsChanged = gauge(
            "beacon_segment_recompute_segments_changed", "",
            "Segments whose members changed in the last scheduled recompute")
        failures = gauge(
            "beacon_segment_recompute_failed_workspaces", "", "Workspaces the last scheduled recompute failed on")
        runs = registry.makeCounter(
            name: "beacon_segment_recompute_runs_total", help: "Scheduled segment recomputes run")
    }

    func record(_ run: RecomputeRun) {
        lastRun.set(run.startedAt.timeIntervalSince1970)
        duration.set(run.durationSeconds)
        segmentsChanged.set(Double(run.segmentsChanged))
        failures.set(Double(run.failures.count))
        runs.increment()
    }
}
