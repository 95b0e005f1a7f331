import BeaconAnalytics
import BeaconCore
import BeaconEngine
import Foundation
import Testing

@Suite("Feedback report from tracked events")
struct FeedbackReportTests {
    static func survey(
        _ fixture: inout ProfileFixture, user: String, type: String, score: Int, comment: String? = nil,
        daysAgo: Double
    ) -> Event {
        var properties: [String: JSONValue] = ["survey_type": .string(type), "score": .number(Double(score))]
        properties["comment"] = comment.map(JSONValue.string)
        return fixture.event(.track, user: user, name: "Survey Responded", daysAgo: daysAgo, properties: properties)
    }

    @Test("NPS, CSAT and review ratings per month, counted by hand", arguments: ProfileBackend.available)
    func perMonth(backend: ProfileBackend) async throws {
        var fixture = try await ProfileFixture.make(backend)
        var events: [Event] = []
        // May 2025 (fixture "now" is 2025-06-01): NPS 10, 9, 8, 3 → 2 promoters, 1 passive, 1 detractor = 25.
        for (i, score) in [10, 9, 8, 3].enumerated() {
            events.append(Self.survey(&fixture, user: "u\(i)", type: "nps", score: score, daysAgo: 10))
        }
        // April 2025: Delighted's CSAT mix scaled down: 5:8, 4:6, 3:2, 2:1, 1:3 → 14 of 20 = 70.
        for (score, count) in [(5, 8), (4, 6), (3, 2), (2, 1), (1, 3)] {
            for k in 0..<count {
                events.append(Self.survey(&fixture, user: "c\(score)-\(k)", type: "csat", score: score, daysAgo: 45))
            }
        }
        events.append(
            fixture.event(
                .track, user: "r1", name: "Review Submitted", daysAgo: 45,
                properties: ["rating": 2, "review_body": "Terrible packaging, the mug arrived broken."]))
        events.append(
            Self.survey(&fixture, user: "u9", type: "nps", score: 10, comment: "Not bad at all", daysAgo: 10))
        events.append(
            fixture.event(.track, user: "u1", name: "Order Completed", daysAgo: 10, properties: ["revenue": 5]))
        try await fixture.send(events)

        let report = try await FeedbackReport.load(
            from: EventLogReader(store: fixture.store.events), workspaceId: fixture.workspace.id)
        #expect(report.rows.map(\.label) == ["2025-04", "2025-05"])
        let april = report.rows[0], may = report.rows[1]
        #expect(april.csat.responses == 20)
        #expect(april.csat.score == 70)
        #expect(april.reviews.counts == [0, 1, 0, 0, 0])
        #expect(april.nps.responses == 0)
        #expect(april.texts == 1 && april.negativeTexts == 1)
        // May: 10, 9, 8, 3 and 10 → 3 promoters, 1 passive, 1 detractor of 5 = 40.
        #expect(may.nps.promoters == 3 && may.nps.passives == 1 && may.nps.detractors == 1)
        #expect(abs(may.nps.score - 40) < 1e-12)
        // "Not bad at all" has compound 0.431 in vaderSentiment 3.3.2's README.
        #expect(may.texts == 1 && may.meanCompound == 0.431)
        #expect(report.total.nps.responses == 5 && report.total.csat.responses == 20)

        let asOfApril = try await FeedbackReport.load(
            from: EventLogReader(store: fixture.store.events), workspaceId: fixture.workspace.id,
            asOf: Timestamp.parse("2025-04-30T00:00:00Z")!)
        #expect(asOfApril.rows.map(\.label) == ["2025-04"])
    }

    @Test("Weeks start on Monday and are labelled by it")
    func weeks() {
        let sunday = Timestamp.parse("2024-03-10T23:00:00Z")!, monday = Timestamp.parse("2024-03-11T01:00:00Z")!
        let responses = [
            FeedbackResponse(kind: .csat, score: 5, time: sunday),
            FeedbackResponse(kind: .csat, score: 1, time: monday),
        ]
        let report = FeedbackReport(responses: responses, period: .week)
        #expect(report.rows.map(\.label) == ["2024-03-04", "2024-03-11"])
        #expect(FeedbackReport(responses: responses, period: .day).rows.map(\.label) == ["2024-03-10", "2024-03-11"])
    }

    @Test("Detractors' distinctive words are suggested as topics; shared words are not")
    func detractorTerms() {
        let time = Timestamp.parse("2024-03-10T12:00:00Z")!
        let unhappy = (0..<10).map { _ in
            FeedbackResponse(kind: .nps, score: 2, text: "Late delivery, asked for a refund", time: time)
        }
        let happy = (0..<10).map { _ in
            FeedbackResponse(kind: .nps, score: 10, text: "Fast delivery and great quality", time: time)
        }
        let report = FeedbackReport(responses: unhappy + happy)
        // Each of asked/late/refund: 10 of 40 detractor words, 0 of 40 others; α₀ = 80, α = 10:
        // δ = log(20/100) − log(10/110) = 0.788, σ² = 1/20 + 1/10, z = 2.0358 > 1.96. "delivery" is even.
        #expect(report.detractorTerms.map(\.word) == ["asked", "late", "refund"])
        #expect(abs(report.detractorTerms[0].z - 2.0357881505903195) < 1e-9)
    }

    @Test("Repurchase within 90 days after the answer, by NPS group, counted by hand")
    func repurchase() {
        let t0 = Timestamp.parse("2025-01-01T00:00:00Z")!
        func at(_ days: Double) -> Date { t0.addingTimeInterval(days * 86_400) }
        func answer(_ id: String, _ user: String, _ score: Int, _ day: Double) -> Event {
            Event(
                messageId: id, type: .track, userId: user, event: "Survey Responded", timestamp: at(day),
                receivedAt: at(day), properties: .object(["survey_type": "nps", "score": .number(Double(score))]))
        }
        func order(_ id: String, _ user: String, _ day: Double) -> Event {
            Event(
                messageId: id, type: .track, userId: user, event: "Order Completed", timestamp: at(day),
                receivedAt: at(day), properties: .object(["order_id": .string(id), "revenue": 10]))
        }
        let events = [
            // Promoters: p1 orders 30 days later, p2 120 days later (outside), p3 answers too late to count.
            answer("a1", "p1", 10, 0), order("o1", "p1", 30),
            answer("a2", "p2", 9, 0), order("o2", "p2", 120),
            answer("a3", "p3", 9, 150),
            // Detractors: d1 ordered only before answering, d2 never again, d3 orders 89 days later.
            order("o3", "d1", 1), answer("a4", "d1", 3, 5),
            answer("a5", "d2", 0, 10),
            answer("a6", "d3", 6, 20), order("o4", "d3", 109),
            order("o5", "x", 200),
        ]
        let outcome = FeedbackRepurchase(events: events, windowDays: 90)
        let promoters = outcome.groups[0], passives = outcome.groups[1], detractors = outcome.groups[2]
        #expect(promoters.group == "promoter" && promoters.answers == 2 && promoters.repurchased == 1)
        #expect(passives.answers == 0 && passives.rate.isNaN)
        #expect(detractors.answers == 3 && detractors.repurchased == 1)
        #expect(abs(detractors.rate - 100.0 / 3) < 1e-9)
        // Wilson 95 % for 1 of 2: statsmodels proportion_confint(1, 2, method="wilson") = (0.094531, 0.905469).
        #expect(abs(promoters.interval.lower - 9.453120573) < 1e-6)
        #expect(abs(promoters.interval.upper - 90.546879427) < 1e-6)
    }
}
