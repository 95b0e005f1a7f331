import BeaconCore

/// The signed-in user of the dashboard request being handled.
///
/// `DashboardAuthMiddleware` binds it (a task-local value, like swift-distributed-tracing's
/// `ServiceContext`) around the handler, so pages and the layout can ask who is looking
/// without every handler threading a context through. Nil outside a dashboard request.
enum DashboardSession {
    @TaskLocal static var user: DashboardUser?

    /// The cookie that carries the session secret.
    static let cookieName = "beacon_session"
}
