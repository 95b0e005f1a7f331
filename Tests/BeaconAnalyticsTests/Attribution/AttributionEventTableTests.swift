import BeaconTestSupport
import Testing

@testable import BeaconAnalytics

@Suite("Attribution event table", .computeBound)
struct AttributionEventTableTests {
    @Test(arguments: [
        ("1709280000", 1_709_280_000.0),
        ("1970-01-01T00:00:00Z", 0),
        ("2024-03-01", 1_709_251_200),
        ("2024-03-01T10:00:00Z", 1_709_287_200),
        ("2024-03-01 10:00:00", 1_709_287_200),
        ("2024-03-01T11:00:00+01:00", 1_709_287_200),
        ("2024-03-01T05:30:00-0430", 1_709_287_200),
        ("2024-03-01T10:00:00.250Z", 1_709_287_200.25),
        ("2000-02-29T23:59:59Z", 951_868_799),
    ])
    func parsesTimestamps(text: String, seconds: Double) throws {
        let parsed = try #require(AttributionEventTable.parseTimestamp(text))
        #expect(abs(parsed - seconds) < 1e-6)
    }

    @Test(arguments: ["", "yesterday", "2024-13-01", "2024-03-01T25:00:00Z", "2024-03-01T10:00:00Zjunk"])
    func rejectsBadTimestamps(text: String) {
        #expect(AttributionEventTable.parseTimestamp(text) == nil)
    }

    @Test func readsEventsAndNamesBadLines() throws {
        let header = ["user_id", "timestamp", "event", "utm_source", "utm_medium", "revenue"]
        let events = try AttributionEventTable.events(
            header: header,
            rows: [
                (2, ["u1", "2024-03-01T10:00:00Z", "Page Viewed", "google", "cpc", ""]),
                (3, ["u1", "2024-03-01T10:05:00Z", "Order Completed", "", "", "12.5"]),
            ])
        #expect(events.count == 2)
        #expect(events[0].utmSource == "google" && events[0].utmMedium == "cpc" && events[0].referrer == nil)
        #expect(events[1].revenue == 12.5 && events[1].utmSource == nil)
        #expect(
            throws: AttributionInputError(line: 4, column: "revenue", message: "'ten' is not a number")
        ) {
            try AttributionEventTable.events(header: header, rows: [(4, ["u", "0", "Order Completed", "", "", "ten"])])
        }
        #expect(
            throws: AttributionInputError(line: 5, column: "user_id", message: "the user id is empty")
        ) {
            try AttributionEventTable.events(header: header, rows: [(5, ["", "0", "Page Viewed", "", "", ""])])
        }
        #expect(throws: AttributionInputError.self) {
            try AttributionEventTable.events(header: ["user_id", "event"], rows: [])
        }
    }
}
