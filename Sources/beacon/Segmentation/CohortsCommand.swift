import ArgumentParser
import BeaconAnalytics
import BeaconEngine
import Foundation

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
            With --workspace NAME (and the store options) the orders are the workspace's own \
            (`Order Completed` at their revenue, `Order Refunded` subtracted, people stitched as \
            attribution stitches them) up to --as-of (default: its last event), by the same \
            computation as the dashboard's Cohorts page.
            Example: beacon cohorts --input orders.csv \
            --map "customer_id=Postal Code+Segment,order_id=Order Id,timestamp=Order Date,amount=List Price" --metric retention
            """)

    enum Metric: String, ExpressibleByArgument, CaseIterable {
        case retention, active, revenue
        case cumulativeRevenue = "cumulative-revenue-per-customer"
    }

    @OptionGroup var source: SegmentationInputOptions

    @OptionGroup var store: StoreOptions

    @Option(help: "Read this workspace's orders instead of a CSV file.")
    var workspace: String?

    @OptionGroup var asOf: AsOfOption

    @Option(help: "What the m0, m1, … columns hold: retention, active, revenue or cumulative-revenue-per-customer.")
    var metric: Metric = .retention

    @Option(help: "Output: csv or json (with every metric).") var format: OutputFormat = .csv
    var json: Bool { format == .json }

    func validate() throws {
        try format.check([.csv, .json])
        if workspace != nil && (source.input != nil || source.map != nil) {
            throw ValidationError("--workspace reads the workspace's orders: leave out --input and --map")
        }
        if workspace == nil && asOf.isSet {
            throw ValidationError("--as-of needs --workspace (a file's cohorts run to its last order)")
        }
    }

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func run() async throws {
        let table: AcquisitionCohorts
        if let workspace {
            table = try await workspaceCohorts(workspace)
        } else {
            let orders = try source.loadOrders()
            do {
                table = try AcquisitionCohorts(orders: orders)
            } catch let error as SegmentationError {
                throw CommandError("\(source.inputName): \(error.message)")
            }
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

    /// The workspace's cohorts as of the day (default: its today), through `WorkspaceCohorts`.
    private func workspaceCohorts(_ name: String) async throws -> AcquisitionCohorts {
        let runtime = try await store.openRuntime(logger: store.makeLogger())
        let w = try await runtime.existingWorkspace(named: name, option: "--workspace")
        let date: Date
        if let end = asOf.endOfDay {
            date = end
        } else {
            date = try await runtime.profiles.today(workspaceId: w.id)
        }
        let table = try await WorkspaceCohorts.table(analytics: runtime.analytics, workspaceId: w.id, asOf: date)
        try await runtime.close()
        guard let table else {
            throw CommandError("workspace '\(name)': no customer has a purchase by \(OrderDay(dayNumber: WorkspaceToday.dayNumber(date)))")
        }
        return table
    }
}
