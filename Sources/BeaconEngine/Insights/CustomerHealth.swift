import BeaconCore

/// A customer's health band: the one definition the dashboard's customer health, the
/// Overview's churn-risk card and the predictions share.
///
/// The band is read from the customer's RFM named segment as of the analysis date
/// (`CustomerRFM`), so "Lost" means the same customers on every page and in the RFM system
/// segment: Healthy — Champions, Loyal, Potential Loyalist, New, Promising; Needs attention —
/// Need Attention, About to Sleep; At risk — At Risk, Can't Lose Them, Hibernating; Lost —
/// Lost (R1 FM1: among the least recent fifth and the lowest value). A profile without a
/// purchase by then is not scored. The BG/NBD churn risk is not used: for a one-time buyer it
/// is 0 whatever the time since the order (P(alive) = 1 without a repeat purchase), which
/// made old one-time buyers look healthy.
public enum CustomerHealth: String, CaseIterable, Sendable {
    case healthy = "Healthy"
    case attention = "Needs attention"
    case atRisk = "At risk"
    case lost = "Lost"
    case unscored = "Not scored"

    /// What the band means, for the legend table.
    public var meaning: String {
        switch self {
        case .healthy: return "RFM Champions, Loyal, Potential Loyalist, New or Promising"
        case .attention: return "RFM Need Attention or About to Sleep"
        case .atRisk: return "RFM At Risk, Can't Lose Them or Hibernating"
        case .lost: return "RFM Lost: among the least recent and lowest-value customers"
        case .unscored: return "no purchase by the as-of date"
        }
    }

    /// The band of an RFM named segment (nil: not scored).
    public static func band(rfmSegment: String?) -> CustomerHealth {
        switch rfmSegment {
        case "Champions", "Loyal", "Potential Loyalist", "New", "Promising": return .healthy
        case "Need Attention", "About to Sleep": return .attention
        case "At Risk", "Can't Lose Them", "Hibernating": return .atRisk
        case "Lost": return .lost
        default: return .unscored
        }
    }
}
