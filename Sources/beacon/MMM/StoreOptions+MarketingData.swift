import BeaconAnalytics
import BeaconCore
import BeaconEngine
import Foundation

extension StoreOptions {
    /// The marketing-mix table of a workspace (`--workspace`): ad spend per channel and order
    /// revenue per day (or week), read through the analytics port; only `channels` when given.
    /// - Throws: a `CommandError` naming `--workspace` (no such workspace, no spend or revenue)
    ///   or `--channels` (a channel without spend).
    func marketingDataset(workspace name: String, weekly: Bool, channels wanted: [String]) async throws -> MMMDataset {
        var data = try await withRuntime { runtime in
            let ws = try await runtime.existingWorkspace(named: name, option: "--workspace")
            do {
                return try await runtime.analytics.marketingData(of: ws.id, stepDays: weekly ? 7 : 1)
            } catch let error as MarketingDataError {
                throw CommandError("--workspace \(name): \(error.message)")
            }
        }
        if !wanted.isEmpty {
            let known = Set(data.channels.map(\.name))
            if let missing = wanted.first(where: { !known.contains($0) }) {
                throw CommandError(
                    "--channels: no spend for '\(missing)' in workspace \(name); it has \(known.sorted().joined(separator: ", "))")
            }
            data.channels = data.channels.filter { wanted.contains($0.name) }
        }
        return data
    }
}
