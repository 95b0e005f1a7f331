import BeaconTestSupport
import Testing

@testable import BeaconAnalytics

@Suite("Attribution journeys from events", .computeBound)
struct AttributionJourneyBuilderTests {
    static let day = 86_400.0

    static func event(
        _ user: String, _ t: Double, _ name: String = "Page Viewed", source: String? = nil, medium: String? = nil,
        referrer: String? = nil, channel: String? = nil, revenue: Double? = nil
    ) -> AttributionTouchEvent {
        AttributionTouchEvent(
            userId: user, timestamp: t, name: name, utmSource: source, utmMedium: medium, referrer: referrer,
            channel: channel, revenue: revenue)
    }

    @Test(arguments: [
        (event("u", 0), "Direct"),
        (event("u", 0, source: "(direct)", medium: "(none)"), "Direct"),
        (event("u", 0, source: "google", medium: "cpc"), "Paid Search"),
        (event("u", 0, source: "facebook", medium: "paid_social"), "Paid Social"),
        (event("u", 0, source: "newsletter", medium: "email"), "Email"),
        (event("u", 0, source: "awin", medium: "affiliate"), "Affiliate"),
        (event("u", 0, source: "google", medium: "organic"), "Organic Search"),
        (event("u", 0, referrer: "https://www.bing.com/search?q=x"), "Organic Search"),
        (event("u", 0, referrer: "https://l.facebook.com/"), "Organic Social"),
        (event("u", 0, referrer: "https://blog.example.org/post"), "Referral"),
        (event("u", 0, source: "partner", medium: "display"), "Display"),
        (event("u", 0, source: "google", medium: "cpc", channel: "Brand"), "Brand"),
        (event("u", 0, source: "x", medium: "weird"), "Unassigned"),
    ])
    func standardGrouping(event: AttributionTouchEvent, channel: String) {
        #expect(AttributionChannelGrouping.standard.channel(for: event) == channel)
    }

    @Test func internalReferrersAreDirect() {
        var grouping = AttributionChannelGrouping.standard
        grouping.internalHosts = ["shop.example.com"]
        #expect(grouping.channel(for: Self.event("u", 0, referrer: "https://shop.example.com/cart")) == "Direct")
    }

    @Test func sessionsBecomeTouchesAndConversionsCloseJourneys() throws {
        let d = Self.day
        let events = [
            Self.event("u1", 5 * d + 100, "Order Completed", revenue: 50),  // out of order on purpose
            Self.event("u1", 0, source: "google", medium: "cpc"),
            Self.event("u1", 600),  // same session
            Self.event("u1", 3 * d, referrer: "https://www.facebook.com/x"),
            Self.event("u1", 3 * d + 60, "Signed Up"),
            Self.event("u1", 5 * d, source: "newsletter", medium: "email"),
            Self.event("u1", 5 * d + 200, "Order Completed", revenue: 20),  // same session again
            Self.event("u1", 50 * d),  // later direct visit, no conversion
            Self.event("u2", 0),
            Self.event("u2", 40 * d, source: "google", medium: "organic"),
            Self.event("u2", 40 * d + 10, "Order Completed"),
        ]
        let data = AttributionJourneyBuilder().journeys(from: events)
        func names(_ j: AttributionJourney) -> [String] { j.touches.map { data.channels[$0] } }
        #expect(data.journeys.count == 4)
        let first = data.journeys[0]
        #expect(names(first) == ["Paid Search", "Organic Social", "Email"])
        #expect(first.conversions == 1 && first.value == 50 && first.nulls == 0)
        #expect(first.leadTouch == 1)
        let ages = try #require(first.touchAges)
        #expect(abs(ages[0] - (5 * d + 100) / d) < 1e-12)
        #expect(abs(ages[1] - (2 * d + 100) / d) < 1e-12)
        #expect(abs(ages[2] - 100 / d) < 1e-12)
        #expect(names(data.journeys[1]) == ["Email"])
        #expect(data.journeys[1].value == 20)
        #expect(names(data.journeys[2]) == ["Direct"])
        #expect(data.journeys[2].nulls == 1 && data.journeys[2].conversions == 0)
        // u2: the direct visit 40 days earlier is outside the 30-day lookback.
        #expect(names(data.journeys[3]) == ["Organic Search"])
        #expect(data.journeys[3].value == 0)
    }

    @Test func withoutSessionsEverySourcedEventIsATouch() {
        let events = [
            Self.event("u", 0, source: "google", medium: "cpc"),
            Self.event("u", 10, source: "google", medium: "cpc"),
            Self.event("u", 20),
            Self.event("u", 30, "Order Completed", revenue: 5),
        ]
        let data = AttributionJourneyBuilder(sessionTimeout: nil).journeys(from: events)
        #expect(data.journeys.count == 1)
        #expect(data.journeys[0].touches.map { data.channels[$0] } == ["Paid Search", "Paid Search"])
    }

    @Test func engineRunsOnEvents() throws {
        let events = [
            Self.event("a", 0, source: "google", medium: "cpc"),
            Self.event("a", 7200, source: "newsletter", medium: "email"),
            Self.event("a", 7300, "Order Completed", revenue: 80),
            Self.event("b", 0, source: "google", medium: "cpc"),
        ]
        let report = try AttributionEngine.run(
            events: events, models: [.rule(.firstTouch), .rule(.lastTouch), .markov(order: 1)])
        #expect(report.channels == ["Paid Search", "Email"])
        #expect(report.model("first")?.value == [80, 0])
        #expect(report.model("last")?.value == [0, 80])
        // Markov: removing either channel loses the only conversion → equal shares.
        #expect(report.model("markov_1")?.conversions == [0.5, 0.5])
    }
}
