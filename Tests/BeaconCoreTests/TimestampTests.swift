import BeaconCore
import Foundation
import Testing

@Suite("ISO-8601 timestamps")
struct TimestampTests {
    @Test("Parses the forms the SDKs and CSV exports write", arguments: [
        ("2015-02-23T22:28:55.111Z", 1_424_730_535.111),
        ("2015-02-23T22:28:55Z", 1_424_730_535.0),
        ("2015-02-23T23:28:55.111+01:00", 1_424_730_535.111),
        ("2015-02-23T17:28:55.111-0500", 1_424_730_535.111),
        ("2015-02-23T22:28:55.111+00", 1_424_730_535.111),
        ("2015-02-23 22:28:55", 1_424_730_535.0),
        ("2015-02-23", 1_424_649_600.0),
        ("2000-02-29T00:00:00Z", 951_782_400.0),
        ("1969-12-31T23:59:59Z", -1.0),
    ])
    func parses(text: String, epoch: Double) throws {
        let date = try #require(Timestamp.parse(text))
        #expect(abs(date.timeIntervalSince1970 - epoch) < 1e-6)
    }

    @Test("Rejects what is not a valid date", arguments: [
        "", "yesterday", "2015-13-01", "2015-02-30", "2015-02-23T25:00:00Z", "2015-02-23T22:61:00Z",
        "2015-02-23T22:28:55.Z", "2015-02-23T22:28:55Zjunk", "15-02-23", "2015/02/23", "1999-02-29",
    ])
    func rejects(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test("Formats as UTC with milliseconds and round-trips")
    func formats() throws {
        let date = Date(timeIntervalSince1970: 1_424_730_535.111)
        #expect(Timestamp.format(date) == "2015-02-23T22:28:55.111Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000Z")
        for seconds in stride(from: -2_000_000_000.0, to: 4_000_000_000, by: 123_456_789.123) {
            let d = Date(timeIntervalSince1970: (seconds * 1000).rounded() / 1000)
            let back = try #require(Timestamp.parse(Timestamp.format(d)))
            #expect(abs(back.timeIntervalSince1970 - d.timeIntervalSince1970) < 1e-6)
        }
    }
}
