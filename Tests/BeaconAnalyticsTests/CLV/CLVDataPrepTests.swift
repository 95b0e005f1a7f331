import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

@Suite("CLV data preparation", .computeBound)
struct CLVDataPrepTests {
    @Test func calendarDays() {
        #expect(CLVDate.dayNumber(year: 1970, month: 1, day: 1) == 0)
        #expect(CLVDate.dayNumber(year: 2000, month: 3, day: 1) == 11017)
        #expect(CLVDate.parse("19970930")! - CLVDate.parse("1997-01-01")! == 272)  // 38.86 weeks
        #expect(CLVDate.parse("2024-02-29 08:26:00") == CLVDate.dayNumber(year: 2024, month: 2, day: 29))
        #expect(CLVDate.parse("2023-02-29") == nil)
        #expect(CLVDate.parse("1997/13/01") == nil)
        #expect(CLVDate.parse("yesterday") == nil)
    }

    @Test func transactionLogByHand() throws {
        // Customer a: days 0, 0 (same day, merged), 10, 30; b: day 5 only; c: first buys after the end.
        let log = try CLVTransactionLog(
            customers: ["a", "a", "b", "a", "a", "c"], days: [0, 0, 5, 10, 30, 50], amounts: [5, 5, 7, 20, 40, 1])
        let s = try log.summary(observationEnd: 35)
        #expect(s.customers == ["a", "b"])
        #expect(s.data.frequency == [2, 0])
        #expect(s.data.recency == [30, 0])
        #expect(s.data.T == [35, 30])
        #expect(s.data.monetaryValue == [30, 0])
        let weeks = try log.summary(observationEnd: 35, daysPerPeriod: 7)
        #expect(weeks.data.recency == [30.0 / 7, 0] && weeks.data.T == [5, 30.0 / 7])
        let split = try log.calibrationHoldout(calibrationEnd: 12, observationEnd: 60)
        #expect(split.calibration.frequency == [1, 0])
        #expect(split.holdoutFrequency == [1, 0])
        #expect(split.holdoutMonetaryValue == [40, 0])
        #expect(split.holdoutDuration == 48)
    }

    @Test(.enabled(if: SharedData.available, "needs ../shared/datasets"))
    func cdnowSampleReproducesThePublishedSummary() throws {
        // CDNOW_sample.txt (id, sample id, date, cds, dollars) up to 1997-09-30 in weeks must give
        // cdnow_customers_summary_with_transactions.csv (x, t_x, T to 2 decimals, zbar to cents).
        let text = try String(contentsOfFile: SharedData.dataset("cdnow/CDNOW_sample.txt"), encoding: .utf8)
        let table = CLVInputTable.whitespaceSeparated(text, names: ["customer", "sample_id", "date", "cds", "amount"])
        let log = try table.transactionLog()
        let end = CLVDate.parse("1997-09-30")!
        let mine = try log.summary(observationEnd: end, daysPerPeriod: 7)
        let published = try CLVTestData.columns("cdnow/cdnow_customers_summary_with_transactions.csv")
        #expect(mine.data.count == 2357)
        // The sample is ordered by id, the summary by id too.
        for i in 0..<2357 {
            #expect(mine.data.frequency[i] == published["x"]![i])
            #expect(abs(mine.data.recency[i] - published["t_x"]![i]) < 0.0051)
            #expect(abs(mine.data.T[i] - published["T"]![i]) < 0.0051)
            #expect(abs(mine.data.monetaryValue![i] - published["zbar"]![i]) < 0.0051)
            if abs(mine.data.frequency[i] - published["x"]![i]) > 0 { break }
        }
        // And the holdout split gives FHL 2005's 39-week holdout of 1998-06-30.
        let split = try log.calibrationHoldout(
            calibrationEnd: end, observationEnd: CLVDate.parse("1998-06-30")!, daysPerPeriod: 7)
        #expect(split.holdoutDuration == 39)
        let comparison = CLVCalibrationComparison(
            model: BGNBDModel(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426), split: split)
        #expect(comparison.buckets.map(\.customers).reduce(0, +) == 2357)
        #expect(comparison.buckets.count == 8)
        // Conditional expectations rise with calibration frequency, as the holdout means do
        // (FHL 2005, Figure 4), and the total forecast is within 15 % of the actual holdout purchases.
        #expect(zip(comparison.buckets, comparison.buckets.dropFirst()).allSatisfy { $0.expected < $1.expected })
        let actual = comparison.buckets.reduce(0.0) { $0 + $1.actual * Double($1.customers) }
        let expected = comparison.buckets.reduce(0.0) { $0 + $1.expected * Double($1.customers) }
        #expect(abs(expected - actual) / actual < 0.15)
    }

    @Test func comparisonByHand() throws {
        // Two customers with frequency 0 and one with 9 (capped into bucket 7 with maxFrequency 7).
        let log = try CLVTransactionLog(
            customers: ["a", "b", "c"] + Array(repeating: "c", count: 9) + ["a", "a"],
            days: [0, 0, 0] + Array(1...9) + [15, 18], amounts: nil)
        let split = try log.calibrationHoldout(calibrationEnd: 10, observationEnd: 20)
        let model = BGNBDModel(r: 0.5, alpha: 2, a: 0.8, b: 2.5)
        let c = CLVCalibrationComparison(model: model, split: split)
        #expect(c.buckets.map(\.frequency) == [0, 7])
        #expect(c.buckets[0].customers == 2 && c.buckets[0].actual == 1)
        #expect(abs(c.buckets[0].expected - model.expectedPurchases(in: 10, frequency: 0, recency: 0, T: 10)) < 1e-12)
        #expect(c.buckets[1].customers == 1 && c.buckets[1].actual == 0)
    }

    @Test func badInputNamesLineAndColumn() throws {
        func error(_ body: () throws -> Void) -> CLVInputError? {
            do { try body() } catch let e as CLVInputError { return e } catch { return nil }
            return nil
        }
        let header = ["ID", "frequency", "recency", "T"]
        let negative = error {
            _ = try CLVInputTable(header: header, rows: [["1", "2", "3", "4"], ["2", "-1", "0", "4"]]).summary()
        }
        #expect(negative?.code == .negative && negative?.row == 3 && negative?.column == "frequency")
        #expect(negative?.description == "line 3, column 'frequency': -1.0 is negative")
        let late = error { _ = try CLVInputTable(header: header, rows: [["1", "2", "5", "4"]], lines: [7]).summary() }
        #expect(late?.code == .recencyAfterT && late?.row == 7 && late?.column == "recency")
        let text = error { _ = try CLVInputTable(header: header, rows: [["1", "two", "3", "4"]]).summary() }
        #expect(text?.code == .notFinite && text?.row == 2 && text?.column == "frequency")
        let empty = error { _ = try CLVInputTable(header: header, rows: []).summary() }
        #expect(empty?.code == .empty)
        let missing = error { _ = try CLVInputTable(header: ["frequency", "T"], rows: [["1", "2"]]).summary() }
        #expect(missing?.column == "recency")
        let date = error {
            _ = try CLVInputTable(header: ["customer", "date"], rows: [["a", "2024-01-01"], ["b", "soon"]])
                .transactionLog()
        }
        #expect(date?.row == 3 && date?.column == "date")
        let arrays = error { _ = try CLVSummaryData(frequency: [1, 0], recency: [1, 2], T: [3, 3]) }
        #expect(
            arrays?.code == .zeroFrequencyWithRecency
                && arrays?.description == "row 2, column 'recency': recency must be 0 when frequency is 0 (got 2.0)")
        let fractional = error { _ = try CLVSummaryData(frequency: [1.5], recency: [1], T: [3]) }
        #expect(fractional?.code == .notInteger && fractional?.row == 1 && fractional?.column == "frequency")
        let bgbb = error { _ = try BGBBData(frequency: [2], recency: [1.5], periods: [6]) }
        #expect(bgbb?.code == .notInteger && bgbb?.column == "recency")
        let cohort = error {
            _ = try CLVInputTable(header: ["recency", "T"], rows: [["1", "8"], ["9", "8"]]).sbgCohorts()
        }
        #expect(cohort?.row == 3 && cohort?.column == "recency")
        let noMoney = error { _ = try GammaGammaModel.fit(try CLVSummaryData(frequency: [1], recency: [1], T: [2])) }
        #expect(noMoney?.column == "monetary_value")
    }
}
