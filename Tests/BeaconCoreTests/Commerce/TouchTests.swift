import BeaconCore
import Foundation
import Testing

@Suite("Touch: where a visit came from")
struct TouchTests {
    typealias E = CommerceTestEvents

    @Test("campaign, referrer and channel are read from context and properties")
    func reads() throws {
        let event = E.track(
            "Product Viewed", properties: ["channel": "Partners"],
            context: [
                "campaign": ["source": "google", "medium": "cpc", "name": "spring"],
                "page": ["referrer": "https://www.google.com/search?q=x"],
            ])
        let touch = try #require(Touch(event))
        #expect(
            touch
                == Touch(
                    utmSource: "google", utmMedium: "cpc", utmCampaign: "spring",
                    referrer: "https://www.google.com/search?q=x", channel: "Partners"))
    }

    @Test("a referrer property stands in for context.page.referrer")
    func referrerProperty() throws {
        let touch = try #require(Touch(E.track("Signed Up", properties: ["referrer": "https://news.example.com/"])))
        #expect(touch.referrer == "https://news.example.com/")
        #expect(touch.utmSource == nil && touch.channel == nil)
    }

    @Test("pages and screens are touches; identify calls are not")
    func types() {
        let page = Event(
            messageId: "p", type: .page, userId: "u1", timestamp: E.time, receivedAt: E.time,
            context: ["campaign": ["source": "newsletter", "medium": "email"]])
        #expect(Touch(page)?.utmMedium == "email")
        let identify = Event(messageId: "i", type: .identify, userId: "u1", timestamp: E.time, receivedAt: E.time)
        #expect(Touch(identify) == nil)
    }
}
