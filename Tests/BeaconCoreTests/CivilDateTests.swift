import BeaconCore
import Foundation
import Testing

@Suite("Civil dates in files")
struct CivilDateTests {
    static func ymd(_ text: String, _ order: CivilDate.Order? = nil) -> [Int]? {
        CivilDate.parse(text, order: order).map { [$0.year, $0.month, $0.day] }
    }

    @Test("ISO, compact and year-first slash dates need no order; times and zones are honoured")
    func forms() {
        #expect(Self.ymd("2011-02-13") == [2011, 2, 13])
        #expect(Self.ymd("20110213") == [2011, 2, 13])
        #expect(Self.ymd("2011/02/13") == [2011, 2, 13])
        #expect(CivilDate.parse("2010-12-01 08:26:00", order: nil)?.seconds == Double(8 * 3600 + 26 * 60))
        #expect(CivilDate.parse("2010-12-01T23:30:00-05:00", order: nil).map { [$0.day, Int($0.seconds)] } == [2, 4 * 3600 + 1800])
        #expect(CivilDate.parse(" 12/2/2010 10:05 ", order: .mdy)?.date == Timestamp.parse("2010-12-02T10:05:00Z"))
        #expect(Self.ymd("13/02/2011", .dmy) == [2011, 2, 13])
        #expect(Self.ymd("01/02/11", .dmy) == [2011, 2, 1])
    }

    @Test("Impossible dates and slash dates without an order are refused, never rolled over or guessed")
    func refusals() {
        #expect(Self.ymd("2011-04-31") == nil)
        #expect(Self.ymd("2023-02-29") == nil)
        #expect(Self.ymd("2024-02-29") == [2024, 2, 29])
        #expect(Self.ymd("13/02/2011", .mdy) == nil)
        #expect(Self.ymd("01/02/2011") == nil)
        #expect(Self.ymd("2011-02-13 25:00") == nil)
        #expect(Self.ymd("yesterday") == nil)
    }

    @Test("A column settles the order when one field exceeds 12; a column that fits both, or contradicts itself, does not")
    func detection() {
        #expect(CivilDate.detectOrder(["01/02/2011", "13/02/2011"]) == .dmy)
        #expect(CivilDate.detectOrder(["01/02/2011", "2/13/2011 10:00"]) == .mdy)
        #expect(CivilDate.detectOrder(["01/02/2011", "03/04/2011"]) == nil)
        #expect(CivilDate.detectOrder(["13/02/2011", "2/13/2011"]) == nil)
        #expect(CivilDate.hasSlashDates(["2011-02-13", "01/02/2011"]))
        #expect(!CivilDate.hasSlashDates(["2011-02-13", "2011/02/13"]))
    }
}
