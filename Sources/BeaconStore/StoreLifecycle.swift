/// What a backend does as a whole rather than per table: name itself, bring its schema up
/// to date and let go of its connections.
public protocol StoreLifecycle: Sendable {
    /// A short name of the backend, for logs and `/healthz` ("sqlite", "postgres").
    var backend: String { get }
    /// Applies the migrations in `Migrations.all` that have not run yet, in order.
    func migrate() async throws
    /// Releases connections and files.
    func close() async throws
}
