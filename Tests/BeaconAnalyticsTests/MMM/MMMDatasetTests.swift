import BeaconTestSupport
import Testing

@testable import BeaconAnalytics

/// Bad input gets an error naming the column and row.
@Suite(.computeBound) struct MMMDatasetTests {
    private func daily(_ n: Int, from start: MMMCalendarDate = MMMCalendarDate(year: 2024, month: 1, day: 1))
        -> [String]
    {
        (0..<n).map { start.adding(days: $0).description }
    }

    private func data(dates: [String], spend: [Double]? = nil, control: [Double]? = nil) -> MMMDataset {
        let n = dates.count
        return MMMDataset(
            dates: dates, target: (0..<n).map { 100 + Double($0 % 5) },
            channels: [.init(name: "tv", values: spend ?? (0..<n).map { Double($0 % 3) })],
            controls: control.map { [.init(name: "price", values: $0)] } ?? [])
    }

    @Test func calendarDates() {
        let d = MMMCalendarDate(iso: "2021-01-01")!
        #expect(d.day == 18628)
        #expect(d.weekday == 4)  // a Friday
        #expect(MMMCalendarDate(iso: "2024-12-31")!.dayOfYear == 366)
        #expect(MMMCalendarDate(iso: "2021-02-29") == nil)
        #expect(d.adding(days: 59).description == "2021-03-01")
        // Thanksgiving 2021 was 25 November: Black Friday week starts then.
        #expect(TechStyleGenerator.seasonality(MMMCalendarDate(year: 2021, month: 11, day: 25)) == 3)
        #expect(TechStyleGenerator.seasonality(MMMCalendarDate(year: 2021, month: 11, day: 24)) == 1)
    }

    @Test func acceptsDailyAndWeekly() throws {
        #expect(try data(dates: daily(20)).validated().stepDays == 1)
        let weekly = (0..<20).map { MMMCalendarDate(year: 2024, month: 1, day: 1).adding(days: 7 * $0).description }
        #expect(try data(dates: weekly).validated().stepDays == 7)
    }

    @Test func missingDates() {
        var dates = daily(20)
        dates.remove(at: 7)
        let error = #expect(throws: MMMError.self) { try data(dates: dates).validated() }
        #expect(error?.code == .missingDates)
        #expect(error?.row == 7)
        #expect(error?.message.contains("1 period(s) missing between 2024-01-07 and 2024-01-09") == true)
    }

    @Test func negativeSpend() {
        var spend = (0..<20).map { Double($0 % 3) }
        spend[4] = -5
        let error = #expect(throws: MMMError.self) { try data(dates: daily(20), spend: spend).validated() }
        #expect(error?.code == .negativeSpend)
        #expect(error?.column == "tv")
        #expect(error?.row == 4)
    }

    @Test func constantColumn() {
        let error = #expect(throws: MMMError.self) {
            try data(dates: daily(20), control: [Double](repeating: 9.99, count: 20)).validated()
        }
        #expect(error?.code == .constantColumn)
        #expect(error?.column == "price")
        let zeroSpend = #expect(throws: MMMError.self) {
            try data(dates: daily(20), spend: [Double](repeating: 0, count: 20)).validated()
        }
        #expect(zeroSpend?.column == "tv")
    }

    @Test func badDatesAndValues() {
        var dates = daily(20)
        dates[3] = "2024-13-01"
        #expect((#expect(throws: MMMError.self) { try data(dates: dates).validated() })?.code == .badDate)
        dates = daily(20)
        dates.swapAt(2, 3)
        #expect((#expect(throws: MMMError.self) { try data(dates: dates).validated() })?.code == .unsortedDates)
        var spend = (0..<20).map { Double($0 % 3) }
        spend[1] = .nan
        #expect(
            (#expect(throws: MMMError.self) { try data(dates: daily(20), spend: spend).validated() })?.code
                == .nonFinite)
        #expect((#expect(throws: MMMError.self) { try data(dates: daily(5)).validated() })?.code == .tooFewRows)
    }
}
