import BeaconCore
import Foundation

/// A customer's health band for the customers page donut, from the batch predictions.
///
/// Churn risk (1 − P(alive) of the BG/NBD model) decides when it is known: below 0.3
/// healthy, below 0.6 needs attention, below 0.85 at risk, else lost. Without it (a customer
/// the model could not score) the RFM named segment decides; without either the profile is
/// not scored yet (no orders, or predictions never refreshed).
enum CustomerHealth: String, CaseIterable, Sendable {
    case healthy = "Healthy"
    case attention = "Needs attention"
    case atRisk = "At risk"
    case lost = "Lost"
    case unscored = "Not scored"

    /// What the band means, for the legend table.
    var meaning: String {
        switch self {
        case .healthy: return "churn risk under 30%, or an active RFM segment (Champions, Loyal, New …)"
        case .attention: return "churn risk 30–60%, or RFM Need Attention / About to Sleep"
        case .atRisk: return "churn risk 60–85%, or RFM At Risk / Can't Lose Them"
        case .lost: return "churn risk 85% or more, or RFM Hibernating / Lost"
        case .unscored: return "no orders yet, or predictions not refreshed (beacon segments recompute)"
        }
    }

    static func band(_ p: ProfilePredictions?) -> CustomerHealth {
        let risk = p?.churnRisk ?? p?.pAlive.map { 1 - $0 }
        if let risk, risk.isFinite {
            switch risk {
            case ..<0.3: return .healthy
            case ..<0.6: return .attention
            case ..<0.85: return .atRisk
            default: return .lost
            }
        }
        switch p?.rfmSegment {
        case "Champions", "Loyal", "Potential Loyalist", "New", "Promising": return .healthy
        case "Need Attention", "About to Sleep": return .attention
        case "At Risk", "Can't Lose Them": return .atRisk
        case "Hibernating", "Lost": return .lost
        default: return .unscored
        }
    }

    /// Profiles per band, in band order (every band present, zero included).
    static func counts(_ all: [ProfilePredictions?]) -> [(band: CustomerHealth, count: Int)] {
        var n: [CustomerHealth: Int] = [:]
        for p in all { n[band(p), default: 0] += 1 }
        return allCases.map { ($0, n[$0] ?? 0) }
    }
}
