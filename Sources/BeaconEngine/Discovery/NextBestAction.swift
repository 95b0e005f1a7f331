import Foundation

/// A customer's next best action: one rule on their health band and order count, with the
/// products recommended to them (`ProductRecommendations`, item co-occurrence) to feature.
///
/// The rules, first match wins:
/// 1. **Win-back** when the customer's health is At risk or Lost (`CustomerHealth`, from the RFM
///    segment as of the page's date): a personal offer on the recommended products.
/// 2. **Re-engage** when it is Needs attention: a reminder featuring them before the customer lapses.
/// 3. **First purchase** with no order yet: an incentive featuring them (popular products fill
///    the list for someone with no history).
/// 4. **Second purchase** after exactly one order: a nudge with the products bought with theirs.
/// 5. **Cross-sell** for a healthy repeat customer.
/// At most `featured` products are named; without recommendations the action names none.
public struct NextBestAction: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case winBack = "win-back"
        case reEngage = "re-engage"
        case firstPurchase = "first purchase"
        case secondPurchase = "second purchase"
        case crossSell = "cross-sell"
    }

    public var kind: Kind
    /// The products the action features, best first.
    public var products: [String]
    /// The action in one sentence.
    public var text: String

    /// Products named in an action.
    public static let featured = 3

    /// The action for a customer in `health` with `orders` orders and `recommended` products (best first).
    public static func decide(health: CustomerHealth, orders: Int, recommended: [String]) -> NextBestAction {
        let products = Array(recommended.prefix(featured))
        let list = products.joined(separator: ", ")
        let on = products.isEmpty ? "" : " on \(list)"
        let featuring = products.isEmpty ? "" : " featuring \(list)"
        switch (health, orders) {
        case (.atRisk, _), (.lost, _):
            return NextBestAction(
                kind: .winBack, products: products,
                text: "Win back (\(health.rawValue)): send a personal offer\(on).")
        case (.attention, _):
            return NextBestAction(
                kind: .reEngage, products: products, text: "Re-engage before they lapse: a reminder\(featuring).")
        case (_, 0):
            return NextBestAction(
                kind: .firstPurchase, products: products, text: "No order yet: a first-purchase incentive\(featuring).")
        case (_, 1):
            return NextBestAction(
                kind: .secondPurchase, products: products,
                text: "One order so far: a second-purchase nudge\(products.isEmpty ? "" : " with \(list)").")
        default:
            return NextBestAction(
                kind: .crossSell, products: products,
                text: "Healthy repeat customer: cross-sell\(products.isEmpty ? " with loyalty rewards" : " \(list)").")
        }
    }
}
