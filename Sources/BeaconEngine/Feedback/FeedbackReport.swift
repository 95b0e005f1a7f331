import BeaconAnalytics
import BeaconCore
import Foundation

/// NPS, CSAT, review ratings and the sentiment of their texts per period, read from a workspace's
/// `Survey Responded` and `Review Submitted` events.
///
/// Every score carries its 95 % interval: NPS the adjusted Wald of Rocks (2016), CSAT and the
/// share of 4–5 star reviews Wilson's score interval (`NetPromoterScore`,
/// `CustomerSatisfactionScore`). Periods are UTC calendar days, ISO weeks (Monday first, labelled
/// by their Monday) or months; events after `asOf` are left out. Texts are scored with VADER as
/// `vadersentiment` 3.3.2 scores them; "negative" means compound ≤ −0.05, the threshold its
/// authors recommend.
public struct FeedbackReport: Sendable {
    public enum Period: String, Sendable, CaseIterable, Codable {
        case day, week, month
    }

    /// The feedback of one period (or of all of them, for `total`).
    public struct Row: Sendable {
        /// `2024-03` for a month, the first day `2024-03-04` for a day or week, `all` for the total.
        public var label: String
        public var nps: NetPromoterScore
        public var csat: CustomerSatisfactionScore
        /// Review star ratings, scored like CSAT (% of 4–5 stars).
        public var reviews: CustomerSatisfactionScore
        /// Texts scored for sentiment (comments and review bodies).
        public var texts: Int
        /// Mean VADER compound of the texts; NaN without texts.
        public var meanCompound: Double
        /// Texts with compound ≤ −0.05.
        public var negativeTexts: Int
    }

    public var period: Period
    /// One row per period with feedback, oldest first.
    public var rows: [Row]
    /// All periods together.
    public var total: Row
    /// Suggested topics: the words of unhappy answers' texts (NPS 0–6, CSAT or rating 1–2)
    /// ranked by weighted log-odds against the other texts (Monroe, Colaresi & Quinn 2008), most
    /// distinctive first; only words with z > 1.96 and seen at least twice.
    public var detractorTerms: [WeightedLogOdds.Term]

    /// The report over feedback events (other events are ignored).
    public init(
        events: [Event], period: Period = .month, asOf: Date? = nil,
        analyzer: VADERSentimentAnalyzer = VADERSentimentAnalyzer()
    ) {
        let responses = events.compactMap(FeedbackResponse.init)
        self.init(responses: responses, period: period, asOf: asOf, analyzer: analyzer)
    }

    /// The report over responses.
    public init(
        responses: [FeedbackResponse], period: Period = .month, asOf: Date? = nil,
        analyzer: VADERSentimentAnalyzer = VADERSentimentAnalyzer()
    ) {
        self.period = period
        let kept = responses.filter { asOf == nil || $0.time <= asOf! }
        let compounds = kept.map { $0.text.map { analyzer.scores($0).compound } }
        var groups: [String: [Int]] = [:]
        for (index, response) in kept.enumerated() {
            groups[Self.label(of: response.time, period: period), default: []].append(index)
        }
        rows = groups.keys.sorted().map { label in
            Self.row(label: label, indices: groups[label]!, responses: kept, compounds: compounds)
        }
        total = Self.row(label: "all", indices: Array(kept.indices), responses: kept, compounds: compounds)
        let unhappy = TermCounts.counts(kept.filter { $0.isUnhappy }.compactMap(\.text))
        let others = TermCounts.counts(kept.filter { !$0.isUnhappy }.compactMap(\.text))
        detractorTerms = WeightedLogOdds.terms(group: unhappy, rest: others).filter {
            $0.z > 1.96 && $0.groupCount >= 2
        }
    }

    static func row(label: String, indices: [Int], responses: [FeedbackResponse], compounds: [Double?]) -> Row {
        var nps = NetPromoterScore(promoters: 0, passives: 0, detractors: 0)
        var csat = CustomerSatisfactionScore(ones: 0, twos: 0, threes: 0, fours: 0, fives: 0)
        var reviews = csat
        var texts = 0, negative = 0, compoundSum = 0.0
        for i in indices {
            let response = responses[i]
            switch response.kind {
            case .nps:
                switch NetPromoterScore.group(of: response.score) {
                case .promoter: nps.promoters += 1
                case .passive: nps.passives += 1
                case .detractor: nps.detractors += 1
                case nil: break
                }
            case .csat: csat.counts[response.score - 1] += 1
            case .review: reviews.counts[response.score - 1] += 1
            }
            if let compound = compounds[i] {
                texts += 1
                compoundSum += compound
                if compound <= -0.05 { negative += 1 }
            }
        }
        return Row(
            label: label, nps: nps, csat: csat, reviews: reviews, texts: texts,
            meanCompound: texts > 0 ? compoundSum / Double(texts) : .nan, negativeTexts: negative)
    }

    /// The period label of a moment (UTC).
    static func label(of time: Date, period: Period) -> String {
        let day = Int((time.timeIntervalSince1970 / 86_400).rounded(.down))
        switch period {
        case .day:
            return dayLabel(day)
        case .week:
            let weekday = ((day + 3) % 7 + 7) % 7  // 0 = Monday; 1970-01-01 was a Thursday
            return dayLabel(day - weekday)
        case .month:
            return CivilCalendar.monthLabel(day)
        }
    }

    static func dayLabel(_ day: Int) -> String { CivilCalendar.dayLabel(day) }
}

extension FeedbackResponse {
    /// A detractor (NPS 0–6) or a CSAT answer or rating of 1–2.
    var isUnhappy: Bool {
        switch kind {
        case .nps: return score <= 6
        case .csat, .review: return score <= 2
        }
    }
}
