import BeaconCore
import Foundation
import Testing

@Suite("Feedback responses read from events")
struct FeedbackResponseTests {
    static let time = Date(timeIntervalSince1970: 1_700_000_000)

    static func read(_ name: String, _ properties: [String: JSONValue]) throws -> FeedbackResponse? {
        try FeedbackResponse(name: name, properties: properties, at: time)
    }

    @Test("NPS and CSAT answers and reviews are read with their text")
    func reads() throws {
        let nps = try Self.read("Survey Responded", ["survey_type": "nps", "score": 9, "comment": "Great support"])
        #expect(nps == FeedbackResponse(kind: .nps, score: 9, text: "Great support", time: Self.time))
        let csat = try Self.read("Survey Responded", ["survey_type": "CSAT", "score": "4", "survey_id": "post-chat"])
        #expect(csat?.kind == .csat && csat?.score == 4 && csat?.subject == "post-chat")
        let review = try Self.read("Review Submitted", ["rating": 1, "review_body": "Broken", "product_id": "mug"])
        #expect(review == FeedbackResponse(kind: .review, score: 1, text: "Broken", time: Self.time, subject: "mug"))
        #expect(try Self.read("Order Completed", ["score": 99]) == nil)
    }

    @Test(
        "Bad answers are refused naming the property",
        arguments: [
            ("Survey Responded", ["survey_type": "nps", "score": 11], "properties.score"),
            ("Survey Responded", ["survey_type": "nps", "score": -1], "properties.score"),
            ("Survey Responded", ["survey_type": "csat", "score": 0], "properties.score"),
            ("Survey Responded", ["survey_type": "csat", "score": 4.5], "properties.score"),
            ("Survey Responded", ["survey_type": "nps", "score": "ten"], "properties.score"),
            ("Survey Responded", ["survey_type": "nps"], "properties.score"),
            ("Survey Responded", ["score": 9], "properties.survey_type"),
            ("Survey Responded", ["survey_type": "ces", "score": 3], "properties.survey_type"),
            ("Review Submitted", ["rating": 6], "properties.rating"),
            ("Review Submitted", ["rating": 4, "review_body": "  "], "properties.review_body"),
            ("Review Submitted", ["rating": 4, "review_body": 12], "properties.review_body"),
        ] as [(String, [String: JSONValue], String)])
    func refused(_ example: (String, [String: JSONValue], String)) {
        let (name, properties, field) = example
        do {
            _ = try Self.read(name, properties)
            Issue.record("accepted \(properties)")
        } catch let error as EventValidationError {
            #expect(error.field == field)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("The message of a score of 11 says what is allowed")
    func message() {
        do {
            _ = try Self.read("Survey Responded", ["survey_type": "nps", "score": 11])
        } catch {
            #expect(
                "\(error)"
                    == "properties.score: must be a whole number from 0 to 10 for Survey Responded (nps), got 11")
        }
    }
}
