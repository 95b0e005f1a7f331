/// The segments every new workspace starts with: seed 001's three rules and one segment per
/// RFM named segment (filled by the batch prediction refresh, which assigns `rfm_segment`).
public enum SystemSegments {
    /// `(id, name, description, rule JSON)` for each system segment.
    public static let all: [(id: String, name: String, description: String, rule: JSONValue)] = {
        var out: [(String, String, String, JSONValue)] = [
            ("vip-customers", "VIP Customers", "Lifetime value above 1,000.",
             .object(["lifetime_value": .object(["gt": .number(1000)])])),
            ("at-risk", "At Risk", "Active subscribers with no order for 60 days and low email engagement.",
             .object([
                "subscription_status": .string("active"),
                "days_since_last_order": .object(["gt": .number(60)]),
                "email_engagement_score": .object(["lt": .number(20)]),
             ])),
            ("prime-for-subscription", "Prime for Subscription", "Three or more orders, AOV above 75, no subscription.",
             .object([
                "not": .object(["subscription_status": .object(["in": .array([.string("active"), .string("paused")])])]),
                "order_count": .object(["gte": .number(3)]),
                "average_order_value": .object(["gt": .number(75)]),
             ])),
        ]
        for name in rfmSegmentNames {
            let slug = name.lowercased().replacingOccurrences(of: "'", with: "").replacingOccurrences(of: " ", with: "-")
            out.append(("rfm-\(slug)", "RFM: \(name)", "RFM named segment \(name).",
                        .object(["rfm_segment": .string(name)])))
        }
        return out
    }()

    /// The RFM named segments (same names as `BeaconAnalytics.RFMSegment`).
    public static let rfmSegmentNames = [
        "Champions", "Loyal", "Potential Loyalist", "New", "Promising", "Need Attention", "About to Sleep", "At Risk",
        "Can't Lose Them", "Hibernating", "Lost",
    ]
}
