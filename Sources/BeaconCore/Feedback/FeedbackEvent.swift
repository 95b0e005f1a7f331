/// The tracked events customer feedback arrives as, and their documented properties.
///
/// `Survey Responded` carries one survey answer:
/// - `survey_type` (required): `"nps"` (0–10, "how likely are you to recommend us?") or `"csat"`
///   (1–5, "how satisfied were you?");
/// - `score` (required): the answer, a whole number on that scale (a numeric string is accepted);
/// - `comment` (optional): the free-text answer, scored for sentiment;
/// - `survey_id`, `question` (optional): which survey and question, kept as sent.
///
/// `Review Submitted` carries a product or store review (the fields of Segment's `Product
/// Reviewed`):
/// - `rating` (required): a whole number from 1 to 5;
/// - `review_body` (optional): the review's text; when present it must not be blank;
/// - `product_id`, `review_id` (optional).
///
/// Ingest refuses an event of either name that breaks these rules with a 400 naming the property
/// (`properties.score`), so every stored response can be counted.
public enum FeedbackEvent {
    public static let surveyResponded = "Survey Responded"
    public static let reviewSubmitted = "Review Submitted"

    /// Property keys.
    public enum Key {
        public static let surveyType = "survey_type"
        public static let score = "score"
        public static let comment = "comment"
        public static let surveyId = "survey_id"
        public static let question = "question"
        public static let rating = "rating"
        public static let reviewBody = "review_body"
        public static let productId = "product_id"
        public static let reviewId = "review_id"
    }

    /// True for the event names feedback is read from.
    public static func isFeedback(_ name: String) -> Bool {
        name == surveyResponded || name == reviewSubmitted
    }
}
