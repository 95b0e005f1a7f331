import ArgumentParser
import BeaconEngine
import BeaconServer
import BeaconCore
import BeaconStore
import Hummingbird

/// `beacon demo`: create the demo workspace, fill it with deterministic seeded data, serve it.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo workspace filled with seeded data and start the server.",
        discussion: "Running it again with the same seed adds nothing: demo events have fixed message ids.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var dashboard: DashboardOptions
    @OptionGroup var recompute: RecomputeOptions
    @Option(help: "Workspace name.") var workspace: String = "demo"
    @Option(help: "Random seed: the same seed gives the same data.") var seed: UInt64 = 1
    @Option(help: "Number of customers to simulate.") var customers: Int = 2_000
    @Option(help: "Days of history to simulate.") var days: Int = 365
    @Option(help: "Address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "Port to listen on.") var port: Int = 8080
    @Flag(help: "Generate the data and exit without serving.") var noServe = false

    func validate() throws {
        guard customers > 0 else { throw ValidationError("--customers must be positive, got \(customers)") }
        guard days > 0 else { throw ValidationError("--days must be positive, got \(days)") }
    }

    func run() async throws {
        let logger = store.makeLogger()
        let runtime = try await store.openRuntime(logger: logger, creating: true)
        let ws: Workspace
        if let existing = try await runtime.workspaces.named(workspace) {
            ws = existing
        } else {
            let created = try await runtime.workspaces.create(name: workspace)
            ws = created.workspace
            print("created workspace '\(workspace)'; write key: \(created.writeKey) (shown once)")
        }
        let events = DemoGenerator(seed: seed, customers: customers, days: days).events()
        let line = ProgressLine()
        var stored = 0
        var start = 0
        while start < events.count {
            let chunk = Array(events[start..<min(start + 5_000, events.count)])
            stored += try await runtime.stores.events.append([EventBatch(workspaceId: ws.id, events: chunk)])[0].inserted
            start += chunk.count
            line.update("generating demo data", done: start, total: events.count)
        }
        line.finish()
        print("demo workspace '\(workspace)': \(events.count) events generated, \(stored) new, \(try await runtime.eventLog.eventCount(in: ws.id)) stored")
        guard !noServe else { return try await runtime.close() }
        if let admin = try await runtime.users.bootstrapAdmin() {
            print("dashboard sign-in: \(admin.user.email) / \(admin.password)  (shown once; change it with `beacon user passwd`)")
        } else {
            print("dashboard sign-in: an existing user (`beacon user list`; forgotten password: `beacon user passwd --email …`)")
        }
        print("serving on http://\(host):\(port)  (dashboard: /dashboard, health: /healthz, metrics: /metrics, tracking API: /v1/…)")
        await runtime.recompute.setClusterCount(recompute.clusters)
        let app = buildApplication(
            runtime: runtime, configuration: .init(host: host, port: port, recomputeInterval: recompute.interval), logger: logger,
            dashboard: dashboard.settings())
        try await app.runService()
        try await runtime.close()
    }
}
