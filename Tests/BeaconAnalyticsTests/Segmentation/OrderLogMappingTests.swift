import BeaconTestSupport
import Testing

@testable import BeaconAnalytics

@Suite("Order log mapping", .computeBound)
struct OrderLogMappingTests {
    let header = ["InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"]

    @Test("quantity × price, float-written ids, blank customers skipped")
    func onlineRetailStyle() throws {
        let map = try OrderLogMapping(
            parsing: "customer=CustomerID, order=InvoiceNo, date=InvoiceDate, quantity=Quantity, price=UnitPrice")
        let out = try map.records(
            header: header,
            rows: [
                (2, ["536365", "6", "2010-12-01 08:26:00", "2.55", "17850.0"]),
                (3, ["C536379", "-1", "12/9/2011 9:41", "27.50", "14527.0"]),
                (4, ["536414", "56", "2010-12-01 11:52:00", "0", ""]),
            ])
        #expect(out.skippedBlankCustomer == 1)
        #expect(out.records.map(\.customerID) == ["17850", "14527"])
        #expect(out.records[0].amount == 6 * 2.55)
        #expect(out.records[1].amount == -27.5)
        #expect(out.records[1].day == OrderDay(year: 2011, month: 12, day: 9)!.dayNumber)
        #expect(out.records[0].orderID == "536365")
    }

    @Test("A synthetic customer id from several columns, and a percentage discount")
    func syntheticID() throws {
        let map = try OrderLogMapping(
            parsing: "customer=Postal Code+Segment,date=Order Date,amount=List Price,discount-percent=Discount Percent")
        let out = try map.records(
            header: ["Order Date", "Segment", "Postal Code", "List Price", "Discount Percent"],
            rows: [(2, ["2023-03-01", "Consumer", "42420", "260", "2"])])
        #expect(out.records[0].customerID == "42420|Consumer")
        #expect(abs(out.records[0].amount - 254.8) < 1e-12)
        #expect(out.records[0].orderID == nil)
    }

    @Test("Date forms: ISO, ISO with time, YYYYMMDD, M/D/YYYY and D/M/YYYY")
    func dates() {
        let expected = OrderDay(year: 1997, month: 1, day: 12)!.dayNumber
        #expect(OrderLogMapping.dayNumber("1997-01-12") == expected)
        #expect(OrderLogMapping.dayNumber("1997-01-12T10:00:00Z") == expected)
        #expect(OrderLogMapping.dayNumber("19970112") == expected)
        #expect(OrderLogMapping.dayNumber("1/12/1997 10:00") == expected)
        #expect(OrderLogMapping.dayNumber("12/1/1997", order: .dmy) == expected)
        #expect(OrderLogMapping.dayNumber("1997-02-30") == nil)
        #expect(OrderLogMapping.dayNumber("yesterday") == nil)
    }

    @Test("Bad input names the column, the line and the value")
    func badInput() throws {
        let map = try OrderLogMapping(parsing: "customer=CustomerID,date=InvoiceDate,quantity=Quantity,price=UnitPrice")
        #expect { try map.records(header: ["CustomerID", "InvoiceDate", "Quantity"], rows: []) } throws: {
            let e = $0 as? SegmentationError
            return e?.code == .missingColumn && e!.message.contains("'UnitPrice'")
        }
        #expect { try map.records(header: header, rows: []) } throws: {
            ($0 as? SegmentationError)?.code == .emptyInput
        }
        #expect {
            try map.records(header: header, rows: [(7, ["1", "two", "2010-12-01", "1.0", "5"])])
        } throws: {
            let e = $0 as? SegmentationError
            return e?.code == .badValue && e!.message == "line 7, column 'Quantity': 'two' is not a number"
        }
        #expect {
            try map.records(header: header, rows: [(9, ["1", "2", "13/45/2010", "1.0", "5"])])
        } throws: { ($0 as? SegmentationError)?.message.hasPrefix("line 9, column 'InvoiceDate'") == true }
        #expect(throws: SegmentationError.self) { try OrderLogMapping(parsing: "customer=A,date=B") }
        #expect(throws: SegmentationError.self) { try OrderLogMapping(parsing: "customer=A,date=B,amount=C,colour=D") }
        #expect(throws: SegmentationError.self) { try OrderLogMapping(parsing: "date=B,amount=C") }
    }
}
