import ArgumentParser
import BeaconAnalytics

/// `beacon cohorts`: acquisition-month retention and revenue.
struct CohortsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohorts",
        abstract: "Acquisition-month cohorts: share of each cohort active k months later, and its revenue.",
        discussion: """
            A customer's cohort is the month of their first purchase (an order with a positive net \
            amount); they are active in month k when they purchase in calendar month cohort + k. \
            Revenue is net of returns. Rows end at the last month in the file, so later cohorts \
            have fewer columns. CSV columns: cohort, customers, total_revenue, then m0, m1, … \
            holding the chosen --metric; --format json writes every metric.
            Example: beacon cohorts --input orders.csv \
            --map "customer_id=Postal Code+Segment,order_id=Order Id,timestamp=Order Date,amount=List Price" --metric retention
            """)

    enum Metric: String, ExpressibleByArgument, CaseIterable {
        case retention, active, revenue
        case cumulativeRevenue = "cumulative-revenue-per-customer"
    }

    @OptionGroup var source: SegmentationInputOptions

    @Option(help: "What the m0, m1, … columns hold: retention, active, revenue or cumulative-revenue-per-customer.")
    var metric: Metric = .retention

    @Option(help: "Output: csv or json (with every metric).") var format: OutputFormat = .csv
    var json: Bool { format == .json }

    func validate() throws { try format.check([.csv, .json]) }

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func run() async throws {
        let orders = try source.loadOrders()
        let table: AcquisitionCohorts
        do {
            table = try AcquisitionCohorts(orders: orders)
        } catch let error as SegmentationError {
            throw CommandError("\(source.inputName): \(error.message)")
        }
        if table.customersWithoutPurchase > 0 {
            SegmentationOutput.note(
                "left out \(table.customersWithoutPurchase) customers with no purchase (no order with a positive net amount)"
            )
        }
        let text: String
        if json {
            text = try SegmentationOutput.jsonText(
                table.cohorts.map { c -> [String: Any] in
                    [
                        "cohort": c.month.monthLabel, "customers": c.size, "active": c.active,
                        "retention": c.retention.map(SegmentationOutput.json),
                        "revenue": c.revenue.map(SegmentationOutput.json),
                        "totalRevenue": SegmentationOutput.json(c.totalRevenue),
                        "cumulativeRevenuePerCustomer": c.cumulativeRevenuePerCustomer.map(SegmentationOutput.json),
                    ]
                })
        } else {
            let width = table.cohorts.map(\.active.count).max() ?? 0
            let header = ["cohort", "customers", "total_revenue"] + (0..<width).map { "m\($0)" }
            let rows = table.cohorts.map { c -> [String] in
                let values: [String]
                switch metric {
                case .retention: values = c.retention.map { SegmentationOutput.number($0) }
                case .active: values = c.active.map(String.init)
                case .revenue: values = c.revenue.map { SegmentationOutput.number($0, digits: 12) }
                case .cumulativeRevenue: values = c.cumulativeRevenuePerCustomer.map { SegmentationOutput.number($0) }
                }
                return [c.month.monthLabel, String(c.size), SegmentationOutput.number(c.totalRevenue, digits: 12)]
                    + values + Array(repeating: "", count: width - values.count)
            }
            text = ([header] + rows).map(SegmentationOutput.csvLine).joined(separator: "\n")
        }
        try SegmentationOutput.emit(text, to: output)
    }
}
