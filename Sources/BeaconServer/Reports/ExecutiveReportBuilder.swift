import BeaconCore
import BeaconEngine
import Foundation

/// Gathers an `ExecutiveReport` from the services the dashboard pages use: the workspace
/// snapshot (orders with channels), customer insights, the marketing-mix fit and its spend
/// table, the attribution comparison, the anomaly scan and the cohorts.
///
/// The command line and the server share it; the server passes its dashboard's caches so a
/// report reuses the fit the pages already made.
public struct ExecutiveReportBuilder: Sendable {
    let runtime: BeaconRuntime
    let snapshots: WorkspaceSnapshotCache
    let mmm: MMMFitCache

    /// - Parameter mmm: the marketing-mix fits to read (a fresh cache fits on first use).
    public init(runtime: BeaconRuntime, mmm: MMMFitCache) {
        self.init(runtime: runtime, snapshots: WorkspaceSnapshotCache(analytics: runtime.analytics), mmm: mmm)
    }

    init(runtime: BeaconRuntime, snapshots: WorkspaceSnapshotCache, mmm: MMMFitCache) {
        self.runtime = runtime
        self.snapshots = snapshots
        self.mmm = mmm
    }

    /// The workspace's today (its last event): the default end of a report's period.
    public func today(of workspace: Workspace) async throws -> Date {
        try await runtime.profiles.today(workspaceId: workspace.id)
    }

    /// The report for `workspace` over `period`.
    /// - Parameters:
    ///   - waitForModel: how long to wait for a marketing-mix fit that is still running
    ///     (0: report "still fitting" at once, as the dashboard does).
    ///   - startingFit: whether to start a fit the cache does not have yet; a one-off report that
    ///     does not wait for it (`beacon report --model-wait 0`) passes false rather than spend
    ///     the CPU on a fit it would throw away.
    public func report(
        workspace: Workspace, period: ReportPeriod, waitForModel: TimeInterval = 0, startingFit: Bool = true
    ) async throws -> ExecutiveReport {
        let snapshot = try await snapshots.snapshot(of: workspace)
        let orders = snapshot.orders.filter { $0.time <= period.end }
        let insights = try await runtime.profiles.customerInsights(
            workspaceId: workspace.id, asOf: period.end, personas: false)
        let state: MMMFitCache.State?
        if startingFit || waitForModel > 0 {
            state = try await mmm.state(for: workspace.id, eventCount: snapshot.eventCount, waitingUpTo: waitForModel)
        } else {
            state = await mmm.existingState(for: workspace.id)
        }
        let analytics = runtime.analytics
        let spend = try await snapshots.spend(of: snapshot)
        let label = "previous \(period.days) days"
        let currency = DashboardCurrency.of(workspace)
        let figures = OverviewPage.customerFigures(
            orders: orders, previousStart: period.previousStart, currentStart: period.start, end: period.end,
            label: label, customerInsights: insights, currency: currency)

        var now: [String: Double] = [:], before: [String: Double] = [:]
        for o in orders where o.time > period.previousStart {
            if o.time > period.start { now[o.channel, default: 0] += o.revenue } else { before[o.channel, default: 0] += o.revenue }
        }
        let names: Set<String> = Set(now.keys).union(before.keys)
        var channels: [ExecutiveReport.ChannelRevenue] = names.map { (name: String) -> ExecutiveReport.ChannelRevenue in
            ExecutiveReport.ChannelRevenue(channel: name, revenue: now[name] ?? 0, previous: before[name] ?? 0)
        }
        channels.sort { (a: ExecutiveReport.ChannelRevenue, b: ExecutiveReport.ChannelRevenue) -> Bool in
            a.revenue == b.revenue ? a.channel < b.channel : a.revenue > b.revenue
        }

        let marketingMix: Result<MMMFitCache.MMMResult, ExecutiveReportNote>
        switch state {
        case nil:
            marketingMix = .failure(.init("The marketing-mix model was not fitted for this report (it was made without waiting for the model)."))
        case .ready(let result): marketingMix = .success(result)
        case .fitting: marketingMix = .failure(.init("The marketing-mix model is still being fitted; it appears in the next report."))
        case .failed(let message): marketingMix = .failure(.init("The marketing-mix model could not be fitted: \(message)"))
        }
        let plan = try? await OptimiserPage.plan(marketingMix.get())

        let profiles = max(insights.health.reduce(0) { $0 + $1.count }, 1)
        let health = insights.health.map {
            ExecutiveReport.Group(
                name: $0.band.rawValue, customers: $0.count, share: Double($0.count) / Double(profiles),
                note: $0.band.meaning)
        }
        let segments = insights.segments.filter { $0.customers > 0 }.map {
            ExecutiveReport.Group(name: $0.name, customers: $0.customers, share: $0.customerShare, note: $0.action)
        }

        let attribution: Result<AttributionComparison, ExecutiveReportNote>
        switch try await snapshots.attribution(of: snapshot) {
        case .success(let r): attribution = .success(r)
        case .failure(let f): attribution = .failure(.init("Attribution could not be computed: \(f.message)"))
        case nil: attribution = .failure(.init("There are no journeys to attribute yet."))
        }

        let scan = try await snapshots.anomalies(of: snapshot, asOf: period.end)
        let firstDay = period.firstDay, lastDay = period.lastDay
        var anomalies: [ExecutiveReport.Anomaly] = []
        for series in scan.series {
            for flag in series.flags {
                let day = series.day(flag.index)
                guard day >= firstDay, day <= lastDay else { continue }
                anomalies.append(.init(series: series.name, day: day, value: flag.value, expected: flag.expected))
            }
        }
        anomalies.sort { $0.day == $1.day ? $0.series < $1.series : $0.day < $1.day }

        var sentences = OverviewPage.insights(
            orders: orders, currentStart: period.start, asOf: period.end, revNow: figures.revenue,
            revBefore: figures.previousRevenue, atRisk: figures.atRisk, rfmCount: figures.scored, mmm: state ?? .fitting(started: Date()),
            currency: currency, days: period.days)
        if let plan, plan.lift > 0 {
            sentences.append(
                "Moving the same budget as the optimiser suggests would add about \(currency.format(plan.lift)) of revenue over \(plan.horizon) days (\(DashboardFormat.percent(plan.liftPercent / 100, digits: 1)); 90% interval \(currency.format(plan.liftLower)) to \(currency.format(plan.liftUpper)))."
            )
        }
        if !anomalies.isEmpty {
            sentences.append("\(anomalies.count) unusual \(anomalies.count == 1 ? "day was" : "days were") flagged in the period (see Anomalies).")
        }

        let checks = try await analytics.dataChecks(
            of: workspace.id, scan: scan, from: period.start, asOf: period.end, attribution: try? attribution.get())
        let cohorts = try await snapshots.cohorts(of: snapshot, asOf: period.end)
        let (data, source) = spend
        return ExecutiveReport(
            workspace: workspace.name, currency: currency, period: period, kpis: figures.cards,
            spendKPIs: OverviewPage.spendCards(data: data, label: label, currency: currency),
            spendSource: (source.isDemo ? "" : "Last 30 days of spend. ") + source.note, channels: channels,
            channelChart: OverviewPage.channelChartModel(orders, currency: currency), marketingMix: marketingMix, plan: plan,
            health: health, segments: segments, attribution: attribution, anomalies: anomalies,
            summary: sentences.joined(separator: " "), checks: checks,
            history: ReportHistory(orders: snapshot.orders, through: period.end, cohorts: cohorts))
    }
}
