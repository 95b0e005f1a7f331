import BeaconEngine
import Hummingbird
import Logging
import ServiceLifecycle

/// Where and how the HTTP server listens.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// How often the scheduled full segment recompute runs; nil disables it.
    public var recomputeInterval: Duration?
    /// How often retention rules are applied to every workspace; nil disables it.
    public var retentionInterval: Duration?
    /// Token-bucket limits per credential and workspace (`RateLimitSettings.off` unless set).
    public var rateLimits: RateLimitSettings
    /// Where signed audit chain heads are exported periodically (`<dir>/<workspace id>.json`); nil: never.
    public var auditHeadDirectory: String?
    /// How often the audit heads are exported.
    public var auditHeadInterval: Duration
    /// The bucket the event log is archived to; nil: no archive.
    public var archive: EventArchiveSettings?
    /// How often new events are archived.
    public var archiveInterval: Duration
    /// How often the journey runner moves people (every workspace of the store); nil: it does
    /// not run in this server (another process runs `beacon journeys run`).
    public var journeyRunnerInterval: Duration?
    /// How often due scheduled email reports are sent; nil: not by this server.
    public var reportScheduleInterval: Duration?
    /// How often workspaces with alert activations are scanned for new anomalies and failed
    /// data checks (`beacon alerts run` does it once); nil: not by this server.
    public var alertInterval: Duration?
    /// The days back each alert scan looks at.
    public var alertDays: Int

    public init(
        host: String = "127.0.0.1", port: Int = 8080, recomputeInterval: Duration? = nil,
        retentionInterval: Duration? = nil, rateLimits: RateLimitSettings = .off, auditHeadDirectory: String? = nil,
        auditHeadInterval: Duration = .seconds(3600), archive: EventArchiveSettings? = nil,
        archiveInterval: Duration = .seconds(60), journeyRunnerInterval: Duration? = .seconds(1),
        reportScheduleInterval: Duration? = .seconds(30), alertInterval: Duration? = nil, alertDays: Int = 7
    ) {
        self.host = host
        self.port = port
        self.recomputeInterval = recomputeInterval
        self.retentionInterval = retentionInterval
        self.rateLimits = rateLimits
        self.auditHeadDirectory = auditHeadDirectory
        self.auditHeadInterval = auditHeadInterval
        self.archive = archive
        self.archiveInterval = archiveInterval
        self.journeyRunnerInterval = journeyRunnerInterval
        self.reportScheduleInterval = reportScheduleInterval
        self.alertInterval = alertInterval
        self.alertDays = alertDays
    }
}

/// Builds the router: health, metrics, the tracking API and the dashboard.
public func buildRouter(
    runtime: BeaconRuntime, metrics: BeaconMetrics, logger: Logger, dashboard: DashboardSettings = DashboardSettings(),
    rateLimits: RateLimitSettings = .off
) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    let routes = MethodNotAllowedMiddleware<BasicRequestContext>.Routes()
    router.add(middleware: RequestDurationMiddleware(metrics: metrics))
    router.add(middleware: MethodNotAllowedMiddleware(routes: routes))
    router.add(middleware: WriteKeyReadGuard())
    router.add(middleware: DashboardAuthMiddleware(users: runtime.users))
    router.add(middleware: AccessMiddleware(runtime: runtime, routed: routes))
    router.add(middleware: RateLimitMiddleware(runtime: runtime, settings: rateLimits, limiter: RateLimiter()))
    router.add(middleware: RequestRefusalMiddleware())
    HealthController(runtime: runtime, metrics: metrics).addRoutes(to: router)
    IngestController(runtime: runtime, metrics: metrics, logger: logger).addRoutes(to: router)
    EventsController(runtime: runtime).addRoutes(to: router)
    SourceWebhookController(runtime: runtime).addRoutes(to: router)
    let dashboardController = DashboardController<BasicRequestContext>(runtime: runtime, settings: dashboard)
    dashboardController.addRoutes(to: router)
    LoginController(users: runtime.users, renderer: dashboardController.renderer, settings: dashboard, audit: runtime.audit)
        .addRoutes(to: router)
    AuditController<BasicRequestContext>(runtime: runtime).addRoutes(to: router)
    WriteKeyRoutes(dashboard: dashboardController).addRoutes(to: router)
    ImportUploadRoutes(dashboard: dashboardController).addRoutes(to: router)
    DashboardUsersController(dashboard: dashboardController, users: runtime.users).addRoutes(to: router)
    WorkspacePeopleController(dashboard: dashboardController).addRoutes(to: router)
    ProfilesAPI(runtime: runtime).addRoutes(to: router)
    routes.load(router.routes.map { ("\($0.path)", $0.method) })
    return router
}

/// Builds the whole application; the one place where Beacon's HTTP parts are composed.
public func buildApplication(
    runtime: BeaconRuntime, configuration: ServerConfiguration, logger: Logger,
    metrics: BeaconMetrics = BeaconMetrics(), dashboard: DashboardSettings = DashboardSettings()
) -> some ApplicationProtocol {
    let router = buildRouter(
        runtime: runtime, metrics: metrics, logger: logger, dashboard: dashboard, rateLimits: configuration.rateLimits)
    var services: [any Service] = [DeliveryWorkersService(runtime: runtime, logger: logger)]
    if let directory = configuration.auditHeadDirectory {
        services.append(
            AuditHeadExportService(
                audit: runtime.audit, workspaces: runtime.workspaces, directory: directory,
                interval: configuration.auditHeadInterval, logger: logger))
    }
    if let interval = configuration.journeyRunnerInterval {
        services.append(JourneyRunnerService(runtime: runtime, interval: interval, logger: logger))
    }
    if let interval = configuration.reportScheduleInterval {
        let mmm = MMMFitCache(settings: dashboard.marketingMix, analytics: runtime.analytics)
        services.append(
            ReportScheduleRunnerService(runner: ReportScheduleRunner(runtime: runtime, mmm: mmm), interval: interval, logger: logger))
    }
    if let interval = configuration.recomputeInterval {
        services.append(SegmentRecomputeService(scheduler: runtime.recompute, interval: interval, metrics: RecomputeMetrics(registry: metrics.registry)))
    }
    if let interval = configuration.alertInterval {
        services.append(
            AlertService(activation: runtime.activation, interval: interval, days: configuration.alertDays, logger: logger))
    }
    if let interval = configuration.retentionInterval {
        services.append(RetentionService(privacy: runtime.privacy, interval: interval, logger: logger))
    }
    if let archive = configuration.archive {
        services.append(
            EventArchiveService(runtime: runtime, settings: archive, interval: configuration.archiveInterval, logger: logger))
    }
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Beacon"),
        services: services, logger: logger)
}
