import ArgumentParser
import BeaconAnalytics
import BeaconCore
import BeaconEngine
import Foundation

/// The order-log input shared by `rfm`, `segments kmeans` and `cohorts`: the CSV file and how
/// its columns map to customer, order, date and money.
struct SegmentationInputOptions: ParsableArguments {
    @Option(help: "Order CSV, one row per order line; '-' reads standard input; gzip is read directly.")
    var input: String?

    @Option(
        help: ArgumentHelp(
            "Column map: field=Column pairs separated by commas (the same fields as import orders --map).",
            discussion: """
                Fields: customer_id (required; Col1+Col2 builds a synthetic id from several columns, \
                values joined by '|'), timestamp (required), order_id (optional: lines with the same \
                value are one order), and money as amount=Col, or quantity=Col and price=Col \
                (value = quantity × price), optionally discount_percent=Col (value × (1 − p/100)). \
                Negative values are returns. Ids like 17850.0 become 17850. The earlier names \
                customer, date, order and discount-percent are read as the same fields.
                Online Retail (UCI): "customer_id=CustomerID, order_id=InvoiceNo, timestamp=InvoiceDate, \
                quantity=Quantity, price=UnitPrice"
                Retail Orders has no customer id; its documented synthetic id is the order's postal code \
                and customer segment ("42420|Consumer"; 1,258 ids): "customer_id=Postal Code+Segment, \
                order_id=Order Id, timestamp=Order Date, amount=List Price, discount_percent=Discount Percent"
                """))
    var map: String?

    @Option(help: "Day/month order of slash dates (M/D/YYYY or D/M/YYYY): mdy or dmy; default: read from the file, refusing dates that fit both.")
    var dateOrder: OrderLogMapping.DateOrder?

    @Option(help: "Field separator of the CSV file (one character).")
    var delimiter: String = ","

    func validate() throws {
        do {
            if let map { _ = try OrderLogMapping(parsing: map) }
        } catch let error as SegmentationError {
            throw ValidationError("--map: \(error.message)")
        }
        guard delimiter.count == 1 else {
            throw ValidationError("--delimiter must be one character, got '\(delimiter)'")
        }
    }

    /// The input's display name in messages.
    var inputName: String { input == "-" ? "standard input" : input ?? "" }

    /// Reads the file and maps it to order records; notes about skipped lines go to stderr.
    /// - Throws: `CommandError` naming the file, and the line and column at fault.
    func loadOrders() throws -> [OrderRecord] {
        guard let input else { throw ValidationError("missing --input: the order CSV ('-' for standard input)") }
        guard let map else { throw ValidationError("missing --map: how the CSV's columns map to customer, date and money") }
        var mapping = try OrderLogMapping(parsing: map)
        let table = try readTable(input)
        guard !table.header.isEmpty else { throw CommandError("\(inputName): the file is empty") }
        let column = table.column(mapping.date)
        do {
            let dates = table.rows.lazy.map { row in column.map { row[$0] } ?? "" }
            if let order = try CivilDate.order(of: dates, given: dateOrder) { mapping.dateOrder = order }
        } catch is CivilDate.AmbiguousOrder {
            throw CommandError(
                "\(inputName): column '\(mapping.date)': slash dates fit both day/month and month/day; say which with --date-order dmy or mdy")
        }
        do {
            let out = try mapping.records(header: table.header, rows: table.rows.map { ($0.line, $0.fields) })
            if out.skippedBlankCustomer > 0 {
                SegmentationOutput.note(
                    "\(inputName): skipped \(out.skippedBlankCustomer) lines with a blank customer id")
            }
            return out.records
        } catch let error as SegmentationError {
            throw CommandError("\(inputName): \(error.message)")
        }
    }

    private func readTable(_ input: String) throws -> CSVTable {
        do {
            return try InputFile.csv(input, delimiter: Character(delimiter))
        } catch {
            throw CommandError("\(error)")
        }
    }
}

extension OrderLogMapping.DateOrder: ExpressibleByArgument {}
