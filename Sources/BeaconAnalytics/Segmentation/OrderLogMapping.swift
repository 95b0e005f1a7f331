import BeaconCore

/// How the columns of an order table become `OrderRecord`s: which column holds the
/// customer, order, date and money, and how dates and amounts are read.
///
/// Written as a `--map` string of `role=Column` pairs separated by commas:
/// `customer=CustomerID,order=InvoiceNo,date=InvoiceDate,quantity=Quantity,price=UnitPrice`.
/// Roles:
/// - `customer` (required): the customer id column. Several columns joined by `+`
///   (`customer=Postal Code+Segment`) make a deterministic synthetic id, their trimmed
///   values joined by `|`, for logs without a customer id.
/// - `date` (required): `YYYY-MM-DD` (optionally followed by a time, `T…` or ` hh:mm[:ss]`),
///   `YYYYMMDD`, or `M/D/YYYY` (`D/M/YYYY` with `dateOrder = .dmy`), optionally with a time.
/// - `order` (optional): lines with the same value form one order; without it every line
///   is its own order.
/// - money: `amount` (the line's value), or `quantity` and `price` (value = quantity × price);
///   optionally `discount-percent` (value × (1 − p / 100)). Negative values are returns.
///
/// Customer ids written as integral floats (`17850.0`, as spreadsheet exports do) are
/// normalised to `17850`. Lines with a blank customer id are skipped and counted.
public struct OrderLogMapping: Sendable, Equatable {
    /// The order of day and month in slash-separated dates (`CivilDate`'s).
    public typealias DateOrder = CivilDate.Order

    public var customer: [String]
    public var order: String?
    public var date: String
    public var amount: String?
    public var quantity: String?
    public var price: String?
    public var discountPercent: String?
    public var dateOrder: DateOrder

    /// The result of mapping a table.
    public struct Output: Sendable {
        public var records: [OrderRecord]
        /// Lines skipped because their customer id was blank.
        public var skippedBlankCustomer: Int
    }

    public init(
        customer: [String], order: String? = nil, date: String, amount: String? = nil, quantity: String? = nil,
        price: String? = nil, discountPercent: String? = nil, dateOrder: DateOrder = .mdy
    ) {
        self.customer = customer
        self.order = order
        self.date = date
        self.amount = amount
        self.quantity = quantity
        self.price = price
        self.discountPercent = discountPercent
        self.dateOrder = dateOrder
    }

    /// Parses a `field=Column,…` string in the column-map vocabulary every command shares
    /// (`OrderField`: `customer_id`, `order_id`, `timestamp`, `amount`, `quantity`, `price`,
    /// `discount_percent`; the earlier `customer`, `order`, `date` are read as aliases).
    /// - Throws: `SegmentationError(.invalidParameter)` naming the unknown field, the malformed
    ///   pair, or the missing field.
    public init(parsing spec: String, dateOrder: DateOrder = .mdy) throws {
        let columns: [OrderField: String]
        do {
            columns = try OrderField.parseMap(spec, accepted: Self.fields)
        } catch let error as OrderFieldMapError {
            throw SegmentationError(.invalidParameter, error.message)
        }
        guard let customer = columns[.customerId] else {
            throw SegmentationError(
                .invalidParameter, "the map needs customer_id=<column> (or Col1+Col2 for a synthetic id)")
        }
        guard let date = columns[.timestamp] else {
            throw SegmentationError(.invalidParameter, "the map needs timestamp=<column>")
        }
        guard columns[.amount] != nil || (columns[.quantity] != nil && columns[.price] != nil) else {
            throw SegmentationError(
                .invalidParameter, "the map needs amount=<column>, or quantity=<column> and price=<column>")
        }
        self.init(
            customer: customer.split(separator: "+").map { $0.trimmingSpaces }, order: columns[.orderId], date: date,
            amount: columns[.amount], quantity: columns[.quantity], price: columns[.price],
            discountPercent: columns[.discountPercent], dateOrder: dateOrder)
    }

    /// The fields an order table for analysis maps.
    static let fields: [OrderField] = [.customerId, .orderId, .timestamp, .amount, .quantity, .price, .discountPercent]

    /// Maps table rows to order records.
    /// - Parameters:
    ///   - header: the column names.
    ///   - rows: each row's 1-based line number in the file and its fields.
    /// - Throws: `SegmentationError` — `.missingColumn` naming the column and those present,
    ///   `.badValue` naming the line, column and value, `.emptyInput` for a table without rows.
    public func records(header: [String], rows: [(line: Int, fields: [String])]) throws -> Output {
        let customerColumns = try customer.map { try column($0, in: header) }
        let orderColumn = try order.map { try column($0, in: header) }
        let dateColumn = try column(date, in: header)
        let amountColumn = try amount.map { try column($0, in: header) }
        let quantityColumn = try quantity.map { try column($0, in: header) }
        let priceColumn = try price.map { try column($0, in: header) }
        let discountColumn = try discountPercent.map { try column($0, in: header) }
        guard !rows.isEmpty else { throw SegmentationError(.emptyInput, "the table has a header but no rows") }

        var records: [OrderRecord] = []
        records.reserveCapacity(rows.count)
        var skipped = 0
        for row in rows {
            let field = { (i: Int) in i < row.fields.count ? row.fields[i].trimmingSpaces : "" }
            let parts = customerColumns.map { OrderLogMapping.normalisedID(field($0)) }
            guard !parts.allSatisfy(\.isEmpty) else {
                skipped += 1
                continue
            }
            let number = { (i: Int, name: String) throws -> Double in
                guard let v = Double(field(i)), v.isFinite else {
                    throw SegmentationError(
                        .badValue, "line \(row.line), column '\(name)': '\(field(i))' is not a number")
                }
                return v
            }
            var value: Double
            if let a = amountColumn {
                value = try number(a, amount!)
            } else {
                value = try number(quantityColumn!, quantity!) * number(priceColumn!, price!)
            }
            if let d = discountColumn { value *= 1 - (try number(d, discountPercent!)) / 100 }
            guard let day = OrderLogMapping.dayNumber(field(dateColumn), order: dateOrder) else {
                throw SegmentationError(
                    .badValue,
                    "line \(row.line), column '\(date)': '\(field(dateColumn))' is not a date (YYYY-MM-DD, YYYYMMDD or M/D/YYYY)"
                )
            }
            records.append(
                OrderRecord(
                    customerID: parts.joined(separator: "|"), orderID: orderColumn.map { field($0) }, day: day,
                    amount: value))
        }
        return Output(records: records, skippedBlankCustomer: skipped)
    }

    /// The day number of a date string (`CivilDate`), or nil when it is not one of the accepted forms.
    public static func dayNumber(_ text: String, order: DateOrder = .mdy) -> Int? {
        CivilDate.parse(text, order: order)?.dayNumber
    }

    /// `17850.0` → `17850`; other ids unchanged.
    static func normalisedID(_ id: String) -> String {
        guard let dot = id.firstIndex(of: "."), id[..<dot].allSatisfy(\.isNumber), !id[..<dot].isEmpty,
            id[id.index(after: dot)...].allSatisfy({ $0 == "0" }), id.index(after: dot) < id.endIndex
        else { return id }
        return String(id[..<dot])
    }

    private func column(_ name: String, in header: [String]) throws -> Int {
        if let i = header.firstIndex(of: name) { return i }
        if let i = header.firstIndex(where: { $0.lowercased() == name.lowercased() }) { return i }
        throw SegmentationError(
            .missingColumn, "column '\(name)' not found; the file has: \(header.joined(separator: ", "))")
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces and tabs (no Foundation needed).
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
