import BeaconTestSupport
import Testing

@testable import BeaconAnalytics

@Suite("Attribution path table", .computeBound)
struct AttributionPathTableTests {
    let header = ["path", "total_conversions", "total_conversion_value", "total_null"]

    @Test func readsChannelAttributionRows() throws {
        let data = try AttributionPathTable.dataset(
            header: header,
            rows: [
                (2, ["Email > Paid Search", "2", "30.5", "1"]),
                (3, ["Paid Search", "0", "0", "4"]),
            ])
        #expect(data.channels == ["Email", "Paid Search"])
        #expect(data.journeys[0].touches == [0, 1])
        #expect(data.journeys[0].conversions == 2)
        #expect(data.journeys[0].value == 30.5)
        #expect(data.journeys[1].nulls == 4)
    }

    @Test func columnNamesAndSeparatorAreOptions() throws {
        let format = AttributionPathTable.Format(
            pathColumn: "journey", conversionsColumn: "conv", valueColumn: nil, nullColumn: "lost", separator: "|")
        let data = try AttributionPathTable.dataset(
            header: ["journey", "conv", "lost"], rows: [(2, ["a|b|a", "1", "2"])], format: format)
        #expect(data.channels == ["a", "b"])
        #expect(data.journeys[0].touches == [0, 1, 0])
        #expect(data.journeys[0].value == 0)
    }

    @Test(arguments: [
        (["", "1", "0", "0"], "path", "the path is empty"),
        (["A>>B", "1", "0", "0"], "path", "empty channel name"),
        (["A", "-1", "0", "0"], "total_conversions", "negative"),
        (["A", "x", "0", "0"], "total_conversions", "not a number"),
        (["A", "1", "0", "-2"], "total_null", "negative"),
        (["A", "1", "nan", "0"], "total_conversion_value", "not a number"),
    ])
    func badRowsNameTheLine(fields: [String], column: String, message: String) {
        do {
            _ = try AttributionPathTable.dataset(header: header, rows: [(2, ["A", "1", "0", "0"]), (7, fields)])
            Issue.record("accepted \(fields)")
        } catch let error as AttributionInputError {
            #expect(error.line == 7)
            #expect(error.column == column)
            #expect(error.description.hasPrefix("line 7, column '\(column)'"))
            #expect(error.message.contains(message), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func missingColumnIsNamed() {
        #expect(
            throws: AttributionInputError(
                line: 1, column: "total_conversions",
                message: "column 'total_conversions' not found; the file has: path, conversions")
        ) {
            try AttributionPathTable.dataset(header: ["path", "conversions"], rows: [])
        }
        let strict = AttributionPathTable.Format(requireOptionalColumns: true)
        #expect(throws: AttributionInputError.self) {
            try AttributionPathTable.dataset(header: ["path", "total_conversions"], rows: [], format: strict)
        }
    }
}
