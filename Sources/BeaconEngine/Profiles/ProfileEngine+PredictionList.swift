import BeaconCore
import Foundation

extension ProfileEngine {
    /// Every profile's stored predictions (nil for a profile not scored yet), in no
    /// particular order: for workspace-wide summaries such as the dashboard's health donut,
    /// read from memory rather than decoding every stored profile.
    public func predictionList(workspaceId: String) async throws -> [ProfilePredictions?] {
        try await serialized(workspaceId) {
            try await self.state(workspaceId).profiles.profiles.values.map(\.predictions)
        }
    }
}
