import BeaconCore
import BeaconStore
import Foundation

/// Imports a CSV of order lines (one row per product line, as shop exports write them)
/// as Segment e-commerce events: one `Order Completed` per order, with `revenue`, `total`
/// and a `products` array, and one `Order Refunded` per return.
///
/// A line is a return when its order id starts with `returnPrefix` (UCI Online Retail's
/// `C…` cancellations) or its quantity or amount is negative; returns carry negative
/// `revenue` so sums net them out. The line total is `amount`, or `quantity × price` when
/// the file has no total. Events get ids `order:<id>` / `refund:<id>`, so re-running an
/// import stores nothing twice.
///
/// An order is all or nothing: a refused line (not a date, not a number, no order id…)
/// refuses its whole order, listed in `ImportReport.refusedOrders`, so an order is never
/// stored without one of its lines. More than `maxErrors` refused lines (default 0) and
/// nothing at all is stored (`ImportRefused`). Lines without a customer are left out, as
/// guest checkouts are, and counted without being errors.
///
/// With `replace`, the file's orders take the place of every order imported from files
/// before (the events `order:<id>` and `refund:<id>`; orders from the API and webhooks have
/// other ids and stay) in one transaction: afterwards the workspace holds exactly this file's
/// orders, and a refused file changes nothing. Profiles are the caller's to rebuild.
public struct OrderFileImporter: Sendable {
    /// The message-id prefixes of the events an order import writes.
    public static let messageIdPrefixes = ["order:", "refund:"]

    public var store: any EventStore
    public var columns: OrderColumnMap
    public var returnPrefix = "C"
    public var currency: String?
    public var chunkSize = 2_000
    /// Refused lines tolerated before the whole file is refused.
    public var maxErrors = 0
    /// Replace the orders of earlier file imports instead of adding to them.
    public var replace = false
    /// Day/month order of slash dates; nil reads it from the file (`CivilDate.detectOrder`)
    /// and refuses a file whose slash dates fit both.
    public var dateOrder: CivilDate.Order?

    public init(store: any EventStore, columns: OrderColumnMap) {
        self.store = store
        self.columns = columns
    }

    private struct Order {
        var id: String
        var customer: String
        var timestamp: Date
        var refund: Bool
        var revenue: Double = 0
        var products: [JSONValue] = []
        var country: String?
        var currency: String?
    }

    public func importFile(
        _ path: String, workspaceId: String, receivedAt: Date = Date(),
        progress: @Sendable (ImportProgress) async -> Void = { _ in }
    ) async throws -> ImportReport {
        await progress(ImportProgress(phase: .reading, done: 0, total: 1))
        // Reading, splitting and reading every line is seconds of CPU for a large file: all of it
        // runs on a thread of its own, neither on the cooperative pool that answers requests nor
        // ahead of other analytics. Its progress reaches `progress` through a stream (the newest
        // report wins).
        let (updates, sink) = AsyncStream.makeStream(of: ImportProgress.self, bufferingPolicy: .bufferingNewest(1))
        async let parsing = ComputeExecutor.runOnOwnThread(name: "beacon-import") {
            () -> Result<(report: ImportReport, events: [Event]), any Error> in
            defer { sink.finish() }
            return Result { try self.parse(CSVTable(bytes: try InputFile.read(path)), receivedAt: receivedAt) { sink.yield($0) } }
        }
        for await update in updates { await progress(update) }
        let parsed = try await parsing.get()
        var report = parsed.report
        let events = parsed.events
        if replace {
            await progress(ImportProgress(phase: .storing, done: 0, total: events.count, report: report))
            let replaced = try await store.replaceEvents(
                in: workspaceId, messageIdPrefixes: Self.messageIdPrefixes, with: events)
            report.eventsStored = replaced.inserted
            report.duplicates = events.count - replaced.inserted
            report.eventsReplaced = replaced.removed
            await progress(ImportProgress(phase: .storing, done: events.count, total: events.count, report: report))
        } else {
            try await ImportBatches.store(
                events, workspaceId: workspaceId, in: store, chunkSize: chunkSize, report: &report, progress: progress)
        }
        return report
    }

    /// Reads every line of `table` into order events (see the type), reporting progress every
    /// 5,000 lines; synchronous, for a thread of its own.
    /// - Throws: `ImportError` for an unknown column map or ambiguous dates, `ImportRefused`
    ///   when more than `maxErrors` lines are refused.
    private func parse(_ table: CSVTable, receivedAt: Date, progress: (ImportProgress) -> Void) throws
        -> (report: ImportReport, events: [Event])
    {
        let index = try columns.resolve(header: table.header)
        var report = ImportReport()
        var orders: [String: Order] = [:]
        var order: [String] = []
        var refusedKeys: Set<String> = []
        let total = table.rows.count
        let timeColumn = index["timestamp"]!
        let slashOrder: CivilDate.Order?
        do {
            slashOrder = try CivilDate.order(of: table.rows.lazy.map { $0[timeColumn] }, given: dateOrder)
        } catch let ambiguous as CivilDate.AmbiguousOrder {
            throw ImportError(
                "column '\(table.header[timeColumn])': slash dates such as '\(ambiguous.example)' read both as day/month "
                    + "and as month/day; say which with --date-order dmy or --date-order mdy")
        }
        for (n, row) in table.rows.enumerated() {
            if n % 5_000 == 0 { progress(ImportProgress(phase: .parsing, done: n, total: total, report: report)) }
            report.rowsRead += 1
            func field(_ name: String) -> String? {
                index[name].map { row[$0].trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            guard let customerRaw = field("customer_id") else {
                report.skip(
                    line: row.line, reason: "missing customer_id", detail: "line \(row.line): customer_id is empty (left out)",
                    error: false)
                continue
            }
            guard let orderId = field("order_id") else {
                report.skip(line: row.line, reason: "missing order_id", detail: "line \(row.line): order_id is empty")
                continue
            }
            /// Refuses the line's whole order (both kinds: a bad line may be a purchase or a return).
            func refuse(_ reason: String, _ detail: String) {
                report.skip(line: row.line, reason: reason, detail: detail)
                for kind in ["order:", "refund:"] { refusedKeys.insert(kind + orderId) }
                if !report.refusedOrders.contains(orderId) { report.refusedOrders.append(orderId) }
            }
            guard let rawTime = field("timestamp"), let time = CivilDate.parse(rawTime, order: slashOrder)?.date else {
                refuse("bad timestamp",
                       "line \(row.line), column '\(table.header[index["timestamp"]!])': '\(field("timestamp") ?? "")' is not a date")
                continue
            }
            var quantity: Double?
            if let q = field("quantity") {
                guard let v = Double(q), v.isFinite else {
                    refuse("bad quantity", "line \(row.line), column '\(table.header[index["quantity"]!])': '\(q)' is not a number")
                    continue
                }
                quantity = v
            }
            var price: Double?
            if let p = field("price") {
                guard let v = Double(p), v.isFinite else {
                    refuse("bad price", "line \(row.line), column '\(table.header[index["price"]!])': '\(p)' is not a number")
                    continue
                }
                price = v
            }
            let amount: Double
            if let a = field("amount") {
                guard let v = Double(a.replacingOccurrences(of: ",", with: "")), v.isFinite else {
                    refuse("bad amount", "line \(row.line), column '\(table.header[index["amount"]!])': '\(a)' is not a number")
                    continue
                }
                amount = v
            } else if let q = quantity, let p = price {
                amount = q * p
            } else {
                refuse("missing amount", "line \(row.line): no amount and no quantity × price")
                continue
            }
            let customer = Self.normaliseIdentifier(customerRaw)
            let refund = orderId.hasPrefix(returnPrefix) && !returnPrefix.isEmpty || (quantity ?? 0) < 0 || amount < 0
            let key = (refund ? "refund:" : "order:") + orderId
            if orders[key] == nil {
                orders[key] = Order(id: orderId, customer: customer, timestamp: time, refund: refund,
                                    country: field("country"), currency: field("currency") ?? currency)
                order.append(key)
            }
            var product: [String: JSONValue] = [:]
            product["product_id"] = field("product_id").map(JSONValue.string)
            product["name"] = field("product_name").map(JSONValue.string)
            product["quantity"] = quantity.map(JSONValue.number)
            product["price"] = price.map(JSONValue.number)
            orders[key]!.revenue += refund ? -abs(amount) : amount
            orders[key]!.products.append(.object(product))
        }
        // Rows that went into a stored event: every line of the orders not refused.
        report.rowsImported = order.filter { !refusedKeys.contains($0) }.reduce(0) { $0 + orders[$1]!.products.count }
        guard report.refused <= maxErrors else { throw ImportRefused(report: report, maxErrors: maxErrors) }
        var events: [Event] = []
        for key in order where !refusedKeys.contains(key) {
            let o = orders[key]!
            var extra: [String: JSONValue] = ["products": .array(o.products)]
            extra["country"] = o.country.map(JSONValue.string)
            let amount = (o.revenue * 100).rounded() / 100
            // The commerce facts write their own properties, so the importer and every reader agree.
            let properties = o.refund
                ? Refund(orderId: o.id, time: o.timestamp, amount: amount, currency: o.currency).properties(extra: extra)
                : BeaconCore.Order(orderId: o.id, time: o.timestamp, amount: amount, currency: o.currency)
                    .properties(extra: extra)
            events.append(Event(
                messageId: key, type: .track, userId: o.customer,
                event: o.refund ? CommerceEvent.orderRefunded : CommerceEvent.orderCompleted,
                timestamp: o.timestamp, originalTimestamp: o.timestamp, receivedAt: receivedAt,
                properties: .object(properties), context: .object(["library": .object(["name": .string("beacon-import")])])))
        }
        return (report, events)
    }

    /// Spreadsheet exports write integer ids as floats (`17850.0`): keep the integer text.
    static func normaliseIdentifier(_ raw: String) -> String {
        if raw.hasSuffix(".0"), let d = Double(raw), d == d.rounded(), abs(d) < 1e15 {
            return String(Int64(d))
        }
        return raw
    }
}
