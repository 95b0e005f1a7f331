import BeaconCore
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Feedback events at the tracking API")
struct FeedbackIngestTests {
    @Test(
        "An NPS of 11 or an empty review is a 400 naming the property, and nothing is stored",
        arguments: [
            (
                "track", #"{"userId":"u1","event":"Survey Responded","properties":{"survey_type":"nps","score":11}}"#,
                "properties.score"
            ),
            (
                "batch",
                #"{"batch":[{"type":"track","userId":"u1","event":"Survey Responded","properties":{"survey_type":"csat","score":5}},{"type":"track","userId":"u1","event":"Review Submitted","properties":{"rating":5,"review_body":""}}]}"#,
                "batch[1].properties.review_body"
            ),
        ] as [(String, String, String)])
    func refused(_ example: (String, String, String)) async throws {
        let (endpoint, body, field) = example
        let server = try await TestServer.make()
        try await server.app().test(.router) { client in
            try await client.execute(
                uri: "/v1/\(endpoint)", method: .post,
                headers: [.authorization: server.basic(), .contentType: "application/json"],
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(problem(response)["field"] as? String == field)
            }
        }
        #expect(try await server.storedEvents().isEmpty)
    }

    @Test("A valid NPS answer is stored")
    func accepted() async throws {
        let server = try await TestServer.make()
        let body =
            #"{"userId":"u1","event":"Survey Responded","properties":{"survey_type":"nps","score":10,"comment":"Love it"}}"#
        try await server.app().test(.router) { client in
            try await client.execute(
                uri: "/v1/track", method: .post,
                headers: [.authorization: server.basic(), .contentType: "application/json"],
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .ok)
            }
        }
        let stored = try await server.storedEvents()
        #expect(stored.count == 1)
        #expect(FeedbackResponse(stored[0].event)?.score == 10)
    }
}
