/// The eleven named RFM segments and the score rules that assign them.
///
/// The rules follow the widely used R × F grid of RFM practice (the "segment map" of
/// Kaggle-era RFM notebooks and the Putler/Klaviyo segment names), with the frequency axis
/// replaced by the FM score, `FM = ⌈(F + M) / 2⌉`, so that a big spender with few orders is
/// not filed with one-off bargain hunters, and with the cold corner split off as Lost:
///
/// | R \ FM | 1 | 2 | 3 | 4 | 5 |
/// |---|---|---|---|---|---|
/// | 5 | New | Potential Loyalist | Potential Loyalist | Champions | Champions |
/// | 4 | Promising | Potential Loyalist | Potential Loyalist | Loyal | Loyal |
/// | 3 | About to Sleep | About to Sleep | Need Attention | Loyal | Loyal |
/// | 2 | Hibernating | Hibernating | At Risk | At Risk | Can't Lose Them |
/// | 1 | Lost | Hibernating | At Risk | At Risk | Can't Lose Them |
///
/// Every one of the 125 cells maps to exactly one segment.
public enum RFMSegment: String, CaseIterable, Sendable, Codable {
    case champions = "Champions"
    case loyal = "Loyal"
    case potentialLoyalist = "Potential Loyalist"
    case new = "New"
    case promising = "Promising"
    case needAttention = "Need Attention"
    case aboutToSleep = "About to Sleep"
    case atRisk = "At Risk"
    case cantLoseThem = "Can't Lose Them"
    case hibernating = "Hibernating"
    case lost = "Lost"

    /// The segment of an R, F, M score triple (each 1…5; out-of-range scores are clamped).
    public init(recency r: Int, frequency f: Int, monetary m: Int) {
        let r = min(max(r, 1), 5)
        let fm = min(max((f + m + 1) / 2, 1), 5)
        self = RFMSegment.grid[5 - r][fm - 1]
    }

    /// Rows R = 5…1, columns FM = 1…5 (the table in the type's documentation).
    private static let grid: [[RFMSegment]] = [
        [.new, .potentialLoyalist, .potentialLoyalist, .champions, .champions],
        [.promising, .potentialLoyalist, .potentialLoyalist, .loyal, .loyal],
        [.aboutToSleep, .aboutToSleep, .needAttention, .loyal, .loyal],
        [.hibernating, .hibernating, .atRisk, .atRisk, .cantLoseThem],
        [.lost, .hibernating, .atRisk, .atRisk, .cantLoseThem],
    ]

    /// A one-line marketing action for the segment.
    public var suggestedAction: String {
        switch self {
        case .champions: return "Reward them; early access and referral asks, no discounts needed"
        case .loyal: return "Upsell higher-value products; ask for reviews"
        case .potentialLoyalist: return "Offer membership or loyalty programme; recommend related products"
        case .new: return "Onboard well; first-month support and a second-purchase nudge"
        case .promising: return "Build brand awareness; free trials and samples"
        case .needAttention: return "Limited-time offers based on past purchases"
        case .aboutToSleep: return "Reconnect with popular products and a small discount"
        case .atRisk: return "Personalised win-back emails and renewal offers"
        case .cantLoseThem: return "Win them back personally; talk to them, do not lose them to a competitor"
        case .hibernating: return "Recommend other categories; special discounts"
        case .lost: return "Revive with a reach-out campaign, or stop spending on them"
        }
    }
}
