import BeaconAnalytics
import BeaconCore
import Foundation

/// "Do detractors churn?": the share of promoters, passives and detractors who order again
/// within a window after their NPS answer, each with a 95 % Wilson interval.
///
/// An answer counts only when the whole window after it lies before `asOf` (else its outcome is
/// not known yet); the customer repurchased when an `Order Completed` of theirs (same `userId`,
/// else `anonymousId`) falls within `windowDays` after the answer. A customer who answered
/// several times counts once per answer.
public struct FeedbackRepurchase: Sendable {
    /// One NPS group's outcome.
    public struct Group: Sendable {
        public var group: String
        /// Answers whose window has closed.
        public var answers: Int
        /// Of those, answers followed by an order within the window.
        public var repurchased: Int
        /// repurchased / answers, 0…100; NaN without answers.
        public var rate: Double { answers > 0 ? 100 * Double(repurchased) / Double(answers) : .nan }
        /// The Wilson 95 % interval of `rate`.
        public var interval: ScoreInterval { ScoreInterval.wilson(successes: repurchased, trials: answers) }
    }

    public var windowDays: Int
    /// Promoters, passives and detractors, in that order.
    public var groups: [Group]

    /// The outcome over `events` as of `asOf` (default: the last event).
    public init(events: [Event], windowDays: Int = 90, asOf: Date? = nil) {
        self.windowDays = windowDays
        let end = asOf ?? events.map(\.timestamp).max() ?? Date(timeIntervalSince1970: 0)
        let window = Double(windowDays) * 86_400
        var orders: [String: [Date]] = [:]
        var answers: [FeedbackResponse] = []
        for event in events where event.timestamp <= end {
            if let order = Order(event), let customer = order.customer {
                orders[customer, default: []].append(event.timestamp)
            } else if let response = FeedbackResponse(event), response.kind == .nps {
                answers.append(response)
            }
        }
        var counts: [NetPromoterScore.Group: (Int, Int)] = [:]
        for answer in answers where answer.time.addingTimeInterval(window) <= end {
            guard let customer = answer.customer, let group = NetPromoterScore.group(of: answer.score) else { continue }
            let again = orders[customer, default: []].contains {
                $0 > answer.time && $0 <= answer.time.addingTimeInterval(window)
            }
            let (n, k) = counts[group] ?? (0, 0)
            counts[group] = (n + 1, k + (again ? 1 : 0))
        }
        groups = NetPromoterScore.Group.allCases.map { group in
            let (n, k) = counts[group] ?? (0, 0)
            return Group(group: group.rawValue, answers: n, repurchased: k)
        }
    }
}
