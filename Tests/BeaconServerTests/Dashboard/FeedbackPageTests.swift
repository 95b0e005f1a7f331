import BeaconCore
import Foundation
import Testing

@testable import BeaconServer

@Suite("Feedback page")
struct FeedbackPageTests {
    @Test("Shows NPS with its interval, the monthly table and a detractor topic; as_of cuts later answers")
    func page() async throws {
        let server = try await DashboardTestServer.make()
        var events: [Event] = []
        // 10, 9, 10 promoters, 8 passive, 3 detractor: NPS = (3 − 1)/5 = +40. Adjusted Wald: ñ = 8,
        // p̃ = 3.75/8, d̃ = 1.75/8, centre 0.25, σ = √((0.6875 − 0.0625)/8) = 0.2795, ±1.96σ → [−30, +80].
        for (i, (score, comment)) in [
            (10, "Great shoes"), (9, "Fast shipping"), (10, "Love them"), (8, "Fine"), (3, "Refund took weeks"),
        ].enumerated() {
            events.append(
                testEvent(
                    "s\(i)", user: "u\(i)", event: "Survey Responded", at: "2025-03-0\(i + 1)T10:00:00Z",
                    properties: ["survey_type": "nps", "score": .number(Double(score)), "comment": .string(comment)]))
        }
        events.append(
            testEvent(
                "later", user: "u9", event: "Survey Responded", at: "2025-04-20T10:00:00Z",
                properties: ["survey_type": "nps", "score": 0]))
        try await server.append(events)
        try await server.test { client in
            let page = try await get(client, "/dashboard/feedback?ws=demo&as_of=2025-03-31")
            #expect(page.status == .ok)
            #expect(page.body.contains("+40 [-30, +80]"))
            #expect(page.body.contains("<th scope=\"row\">2025-03</th>"))
            #expect(!page.body.contains("2025-04</th>"))
            #expect(page.body.contains("href=\"/dashboard/feedback?ws=demo\""))
            let later = try await get(client, "/dashboard/feedback?ws=demo")
            // With the April detractor: 3 promoters, 1 passive, 2 detractors of 6 → +17.
            #expect(later.body.contains("<th scope=\"row\">2025-04</th>"))
            #expect(later.body.contains("+17 ["))
            // The March answers' 90-day windows have not closed by 2025-04-20: no repurchase table yet.
            #expect(!later.body.contains("Do detractors order again?"))
        }
    }

    @Test("A workspace without feedback says how to send it")
    func empty() async throws {
        let server = try await DashboardTestServer.make()
        try await server.test { client in
            let page = try await get(client, "/dashboard/feedback?ws=demo")
            #expect(page.status == .ok)
            #expect(page.body.contains("No feedback yet"))
        }
    }
}
