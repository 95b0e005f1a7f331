import Foundation

/// One piece of customer feedback read from a tracked event: an NPS or CSAT answer or a review,
/// with its optional text.
///
/// The one place `Survey Responded` and `Review Submitted` events are interpreted (see
/// `FeedbackEvent` for the properties): ingest validates with `init(name:properties:at:)` and
/// every reader (reports, the dashboard, segments) counts with the same initialiser.
public struct FeedbackResponse: Sendable, Equatable {
    /// Which scale the answer is on.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// Net Promoter question, 0–10.
        case nps
        /// Customer satisfaction question, 1–5.
        case csat
        /// A review's star rating, 1–5.
        case review

        /// The accepted answers.
        public var range: ClosedRange<Int> {
            switch self {
            case .nps: return 0...10
            case .csat, .review: return 1...5
            }
        }
    }

    public var kind: Kind
    /// The answer, within `kind.range`.
    public var score: Int
    /// The free text (`comment` or `review_body`), when sent.
    public var text: String?
    /// The customer: `userId`, else `anonymousId` (nil when read from bare properties).
    public var customer: String?
    public var time: Date
    /// `survey_id` or `product_id`, when sent.
    public var subject: String?

    public init(
        kind: Kind, score: Int, text: String? = nil, customer: String? = nil, time: Date, subject: String? = nil
    ) {
        self.kind = kind
        self.score = score
        self.text = text
        self.customer = customer
        self.time = time
        self.subject = subject
    }

    /// The response in a tracked event's name and properties; nil when `name` is not a feedback
    /// event.
    /// - Throws: `EventValidationError` naming the property (`properties.score`) when the event
    ///   is a feedback event that breaks the documented rules.
    public init?(name: String, properties: [String: JSONValue], at time: Date) throws {
        typealias Key = FeedbackEvent.Key
        switch name {
        case FeedbackEvent.surveyResponded:
            guard let raw = properties[Key.surveyType] else {
                throw EventValidationError(
                    field: "properties.\(Key.surveyType)", reason: "is required for \(name): \"nps\" or \"csat\"")
            }
            guard let type = raw.stringValue?.lowercased(), let kind = Kind(rawValue: type), kind != .review else {
                throw EventValidationError(
                    field: "properties.\(Key.surveyType)",
                    reason: "must be \"nps\" or \"csat\", got \(raw.serialized())")
            }
            self.kind = kind
            score = try Self.wholeNumber(properties, Key.score, in: kind.range, for: "\(name) (\(kind.rawValue))")
            text = try Self.text(properties, Key.comment, requireContent: false)
            subject = properties[Key.surveyId]?.stringValue
        case FeedbackEvent.reviewSubmitted:
            kind = .review
            score = try Self.wholeNumber(properties, Key.rating, in: Kind.review.range, for: name)
            text = try Self.text(properties, Key.reviewBody, requireContent: true)
            subject = properties[Key.productId]?.stringValue
        default:
            return nil
        }
        self.time = time
        customer = nil
    }

    /// The response in a stored event; nil unless it is a `track` call of a feedback event that
    /// follows the rules (events stored before validation existed are skipped, not guessed at).
    public init?(_ event: Event) {
        guard event.type == .track, let name = event.event, FeedbackEvent.isFeedback(name) else { return nil }
        guard
            let response = try? FeedbackResponse(
                name: name, properties: event.properties?.objectValue ?? [:], at: event.timestamp)
        else { return nil }
        self = response
        customer = event.userId ?? event.anonymousId
    }

    /// Checks a feedback event against the documented properties; other events pass untouched.
    /// Ingest and imports call it on every parsed event (stored events are read without it, so a
    /// rule added later never makes the log unreadable).
    /// - Throws: `EventValidationError` naming the property at fault.
    public static func validate(_ event: Event) throws {
        guard event.type == .track, let name = event.event, FeedbackEvent.isFeedback(name) else { return }
        _ = try FeedbackResponse(name: name, properties: event.properties?.objectValue ?? [:], at: event.timestamp)
    }

    private static func wholeNumber(
        _ properties: [String: JSONValue], _ key: String, in range: ClosedRange<Int>, for what: String
    ) throws -> Int {
        let field = "properties.\(key)"
        guard let raw = properties[key] else {
            throw EventValidationError(field: field, reason: "is required for \(what)")
        }
        let number: Double?
        switch raw {
        case .number(let d): number = d
        case .string(let s): number = Double(s.trimmingCharacters(in: .whitespaces))
        default: number = nil
        }
        guard let value = number, value.isFinite, value.rounded() == value,
            value >= Double(range.lowerBound), value <= Double(range.upperBound)
        else {
            throw EventValidationError(
                field: field,
                reason: "must be a whole number from \(range.lowerBound) to \(range.upperBound) for \(what), "
                    + "got \(raw.serialized())")
        }
        return Int(value)
    }

    private static func text(_ properties: [String: JSONValue], _ key: String, requireContent: Bool) throws -> String? {
        guard let raw = properties[key], raw != .null else { return nil }
        guard let text = raw.stringValue else {
            throw EventValidationError(
                field: "properties.\(key)", reason: "must be a string, got \(raw.typeDescription)")
        }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            if requireContent {
                throw EventValidationError(
                    field: "properties.\(key)", reason: "is empty; leave it out for a rating without text")
            }
            return nil
        }
        return text
    }
}
