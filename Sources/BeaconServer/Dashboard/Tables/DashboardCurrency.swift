import BeaconCore

/// The currency a workspace's amounts are shown in: the ISO 4217 code a CSV header carries
/// (`revenue (USD)`) and the symbol the pages print (`$12,345`).
///
/// The dashboard reads every amount in one currency per workspace; orders sent in another
/// currency are not converted. Today every workspace shows US dollars (what the pages and
/// charts have always printed), so `of(_:)` is the one place a per-workspace setting plugs in.
struct DashboardCurrency: Sendable, Equatable {
    /// `USD`.
    var code: String
    /// `$`.
    var symbol: String

    static let usDollar = DashboardCurrency(code: "USD", symbol: "$")

    /// The currency of `workspace`'s amounts.
    static func of(_ workspace: Workspace) -> DashboardCurrency { .usDollar }
}
