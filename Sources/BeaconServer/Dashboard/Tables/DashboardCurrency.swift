import BeaconCore
import Foundation

/// The currency a workspace's amounts are shown in: the ISO 4217 code a CSV header carries
/// (`revenue (EUR)`) and the symbol the pages, charts and reports print (`€12,345`).
///
/// Every amount of a workspace is read in its one currency (`Workspace.currency`, set at
/// creation and changeable); amounts are never converted.
struct DashboardCurrency: Sendable, Equatable {
    /// `EUR`.
    var code: String
    /// What goes before an amount: `€`, `$`, or the code and a space where English has no
    /// symbol of its own (`CHF `).
    var symbol: String

    init(code: String) {
        self.code = code
        let icu = Locale(identifier: "en_US@currency=\(code)").currencySymbol ?? code
        symbol = icu.last?.isLetter == true ? icu + " " : icu
    }

    /// US dollars, for tables that hold no amounts.
    static let usDollar = DashboardCurrency(code: "USD")

    /// The currency of `workspace`'s amounts.
    static func of(_ workspace: Workspace) -> DashboardCurrency { DashboardCurrency(code: workspace.currency) }

    /// `€12,345`: the amount rounded to whole units with thousands separators.
    func format(_ value: Double) -> String { DashboardFormat.money(value, symbol: symbol) }

    /// `€0.85`: with cents, for the return on one unit of spend.
    func cents(_ value: Double) -> String {
        value.isFinite ? symbol + String(format: "%.2f", value) : "–"
    }
}
