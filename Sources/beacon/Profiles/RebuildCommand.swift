import ArgumentParser
import BeaconEngine
import BeaconCore
import BeaconStore
import Foundation

/// `beacon rebuild`: recompute identities, profiles and segment memberships from the event log.
struct RebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Recompute identities, profiles and segment memberships from the event log (all workspaces by default).")
    @OptionGroup var store: StoreOptions
    @Option(help: "Only this workspace (by name or id).") var workspace: String?
    @Flag(help: "Also refresh P(alive), predicted CLV, churn risk and RFM segments afterwards.") var predictions = false

    func run() async throws {
        let runtime = try await store.openRuntime(logger: store.makeLogger())
        let engine = runtime.profiles
        let chosen: [Workspace]
        if let workspace {
            chosen = [try await runtime.existingWorkspace(named: workspace, option: "--workspace")]
        } else {
            chosen = try await runtime.workspaces.all()
        }
        for w in chosen {
            let start = Date()
            let r = try await engine.rebuild(workspaceId: w.id)
            print("\(w.name): \(r.events) events → \(r.profiles) profiles, \(r.merges) merge records; memberships +\(r.entered) −\(r.exited) (\(String(format: "%.1f", Date().timeIntervalSince(start))) s)")
            if predictions {
                let p = try await engine.refreshPredictions(workspaceId: w.id)
                print("  predictions: \(p.customers) customers, RFM scored \(p.rfmScored)\(p.bgnbd == nil ? ", BG/NBD not fitted" : "")")
            }
        }
        try await runtime.close()
    }
}
