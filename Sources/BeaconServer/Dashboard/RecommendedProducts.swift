import BeaconCore
import BeaconEngine
import Foundation

/// The "recommended products" block of a customer's profile page: the five products most often
/// bought together with theirs and new to them (item co-occurrence, then popularity), from the
/// orders up to the page's as-of date.
struct RecommendedProducts: Sendable {
    struct Row: Sendable {
        var rank: Int
        var item: String
        var name: String
        /// Orders holding the product together with one the customer bought; 0 for a popular filler.
        var score: Int
    }

    var rows: [Row]
    var asOf: String
    var note: String
    /// Stored (templates see stored properties only).
    var empty: Bool

    static let count = 5

    static func make(runtime: BeaconRuntime, workspaceId: String, profile: Profile, asOf: Date) async throws
        -> RecommendedProducts
    {
        let items = try await runtime.recommendations.recommend(
            workspaceId: workspaceId, persons: Set(profile.identifiers.map(\.value)), asOf: asOf, k: count,
            strategy: "co-occurrence", seed: 0)
        let rows = items.enumerated().map { i, r in
            Row(rank: i + 1, item: r.item, name: r.name ?? r.item, score: Int(r.score))
        }
        return RecommendedProducts(
            rows: rows, asOf: String(Timestamp.format(asOf).prefix(10)),
            note: "Score: how many orders held a recommended product together with one this customer bought "
                + "(products they already bought are left out; “popular” fills the list). "
                + "API: GET /api/profiles/{id}/recommendations; CLI: beacon recommend profile.",
            empty: rows.isEmpty)
    }
}
