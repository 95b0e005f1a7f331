import BeaconCore
import Foundation
import Testing

@Suite("Spend: an Ad Spend event")
struct SpendTests {
    typealias E = CommerceTestEvents

    @Test("channel, amount and currency are read; a numeric string counts")
    func reads() throws {
        let spend = try #require(
            Spend(
                E.track(
                    CommerceEvent.adSpend, user: nil,
                    properties: ["channel": "google_ads", "spend": "120.5", "currency": "EUR"])))
        #expect(spend == Spend(channel: "google_ads", day: E.time, amount: 120.5, currency: "EUR"))
    }

    static let incompleteProperties: [[String: JSONValue]] = [
        ["spend": 10],
        ["channel": "tv"],
        ["channel": "tv", "spend": "a lot"],
        ["channel": 7, "spend": 10],
    ]

    @Test("without a channel or a numeric spend it is not spend", arguments: incompleteProperties)
    func incomplete(properties: [String: JSONValue]) {
        #expect(Spend(E.track(CommerceEvent.adSpend, properties: properties)) == nil)
    }

    @Test("other events are not spend")
    func otherEvents() {
        #expect(Spend(E.track(CommerceEvent.orderCompleted, properties: ["channel": "tv", "spend": 10])) == nil)
    }

    @Test("the written event has a key fixed by day and channel, and reads back as the same spend")
    func roundTrip() throws {
        let day = Timestamp.parse("2025-03-01T00:00:00Z")!
        let written = Spend(channel: "meta", day: day, amount: 80, currency: "USD")
        let event = written.event(receivedAt: E.time)
        #expect(event.messageId == "spend:2025-03-01:meta")
        #expect(event.event == "Ad Spend" && event.properties?["date"] == .string("2025-03-01"))
        #expect(Spend(event) == written)
    }
}
