import ArgumentParser
import BeaconAnalytics
import BeaconEngine
import Foundation

/// `beacon rfm`: recency, frequency and monetary scores and named segments per customer.
struct RFMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rfm",
        abstract: "Score customers 1–5 on recency, frequency and monetary value and name their segment.",
        discussion: """
            Recency is days from the last purchase to --as-of (default: the day after the last \
            purchase); frequency counts distinct orders with a positive net amount; monetary is \
            net spend, returns subtracted. Scores are quintiles as pandas \
            qcut(rank(method="first"), 5) gives them, customers in id order. Segments come from \
            R and FM = ceil((F + M) / 2):
              R5: FM1 New, FM2-3 Potential Loyalist, FM4-5 Champions
              R4: FM1 Promising, FM2-3 Potential Loyalist, FM4-5 Loyal
              R3: FM1-2 About to Sleep, FM3 Need Attention, FM4-5 Loyal
              R2: FM1-2 Hibernating, FM3-4 At Risk, FM5 Can't Lose Them
              R1: FM1 Lost, FM2 Hibernating, FM3-4 At Risk, FM5 Can't Lose Them
            With --workspace NAME (and the store options) the orders are the workspace's own \
            (`Order Completed` at their amounts, `Order Refunded` subtracted, as the profiles fold \
            them), scored by the same computation as the RFM system segments and the dashboard; \
            --as-of then defaults to the workspace's last event.
            Output: one CSV row per customer, or with --summary one row per segment (count, \
            share, revenue share, mean R/F/M, suggested action); --format json writes both.
            Example: beacon rfm --input online_retail_2010_2011.csv.gz \
            --map "customer_id=CustomerID, order_id=InvoiceNo, timestamp=InvoiceDate, quantity=Quantity, price=UnitPrice" \
            --as-of 2011-12-10 --summary
            """)

    @OptionGroup var source: SegmentationInputOptions

    @OptionGroup var store: StoreOptions

    @Option(help: "Score this workspace's orders instead of a CSV file.")
    var workspace: String?

    @OptionGroup var asOf: AsOfOption

    @Flag(help: "Write the per-segment summary instead of the per-customer table.")
    var summary = false

    @Option(help: "Output: csv (one row per customer) or json (customers and summary).") var format: OutputFormat = .csv
    var json: Bool { format == .json }

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        try format.check([.csv, .json])
        if workspace != nil && (source.input != nil || source.map != nil) {
            throw ValidationError("--workspace reads the workspace's orders: leave out --input and --map")
        }
    }

    func run() async throws {
        let asOfDay = asOf.day
        let rfm: RFMAnalysis
        if let workspace {
            rfm = try await workspaceRFM(workspace, asOfDay: asOfDay)
        } else {
            let orders = try source.loadOrders()
            do {
                rfm = try RFMAnalysis(orders: orders, asOfDay: asOfDay)
            } catch let error as SegmentationError {
                throw CommandError("\(source.inputName): \(error.message)")
            }
        }
        if rfm.linesAfterAsOf > 0 {
            SegmentationOutput.note("left out \(rfm.linesAfterAsOf) lines dated after --as-of")
        }
        if rfm.customersWithoutPurchase > 0 {
            SegmentationOutput.note(
                "left out \(rfm.customersWithoutPurchase) customers with no purchase (no order with a positive net amount)"
            )
        }
        let segments = RFMSegmentSummary.summarize(rfm)
        let text: String
        if json {
            text = try SegmentationOutput.jsonText([
                "asOf": OrderDay(dayNumber: rfm.asOfDay).description,
                "customers": rfm.customers.map(customerJSON),
                "summary": segments.map(summaryJSON),
                "customersWithoutPurchase": rfm.customersWithoutPurchase,
                "linesAfterAsOf": rfm.linesAfterAsOf,
            ])
        } else if summary {
            let header = [
                "segment", "customers", "customer_share", "revenue", "revenue_share", "mean_recency_days",
                "mean_frequency", "mean_monetary", "action",
            ]
            text =
                ([header]
                + segments.map { s in
                    [
                        s.segment.rawValue, String(s.customers), SegmentationOutput.number(s.customerShare),
                        SegmentationOutput.number(s.revenue, digits: 12), SegmentationOutput.number(s.revenueShare),
                        SegmentationOutput.number(s.meanRecency), SegmentationOutput.number(s.meanFrequency),
                        SegmentationOutput.number(s.meanMonetary), s.segment.suggestedAction,
                    ]
                }).map(SegmentationOutput.csvLine).joined(separator: "\n")
        } else {
            let header = [
                "customer_id", "recency_days", "frequency", "monetary", "first_purchase", "last_purchase", "r", "f",
                "m",
                "rfm_cell", "segment",
            ]
            text =
                ([header]
                + rfm.customers.map { c in
                    [
                        c.customerID, String(c.recency), String(c.frequency),
                        SegmentationOutput.number(c.monetary, digits: 12),
                        OrderDay(dayNumber: c.firstPurchaseDay).description,
                        OrderDay(dayNumber: c.lastPurchaseDay).description,
                        String(c.recencyScore), String(c.frequencyScore), String(c.monetaryScore), c.cell,
                        c.segment.rawValue,
                    ]
                }).map(SegmentationOutput.csvLine).joined(separator: "\n")
        }
        try SegmentationOutput.emit(text, to: output)
    }

    /// The workspace's RFM as of the day (default: its today), through `CustomerInsights`.
    private func workspaceRFM(_ name: String, asOfDay: Int?) async throws -> RFMAnalysis {
        let runtime = try await store.openRuntime(logger: store.makeLogger())
        let engine = runtime.profiles
        let w = try await runtime.existingWorkspace(named: name, option: "--workspace")
        let date = asOfDay.map { WorkspaceToday.endOfDay(Date(timeIntervalSince1970: Double($0) * 86_400)) }
        let insights = try await engine.customerInsights(workspaceId: w.id, asOf: date, personas: false)
        try await runtime.close()
        guard let rfm = insights.rfm else {
            throw CommandError("workspace '\(name)': fewer than 2 customers with a purchase by \(OrderDay(dayNumber: WorkspaceToday.dayNumber(insights.asOf)))")
        }
        return rfm
    }

    private func customerJSON(_ c: RFMAnalysis.Customer) -> [String: Any] {
        [
            "customerId": c.customerID, "recencyDays": c.recency, "frequency": c.frequency,
            "monetary": SegmentationOutput.json(c.monetary),
            "firstPurchase": OrderDay(dayNumber: c.firstPurchaseDay).description,
            "lastPurchase": OrderDay(dayNumber: c.lastPurchaseDay).description, "r": c.recencyScore,
            "f": c.frequencyScore, "m": c.monetaryScore, "rfmCell": c.cell, "segment": c.segment.rawValue,
        ]
    }

    private func summaryJSON(_ s: RFMSegmentSummary) -> [String: Any] {
        [
            "segment": s.segment.rawValue, "customers": s.customers,
            "customerShare": SegmentationOutput.json(s.customerShare), "revenue": SegmentationOutput.json(s.revenue),
            "revenueShare": SegmentationOutput.json(s.revenueShare),
            "meanRecencyDays": SegmentationOutput.json(s.meanRecency),
            "meanFrequency": SegmentationOutput.json(s.meanFrequency),
            "meanMonetary": SegmentationOutput.json(s.meanMonetary), "action": s.segment.suggestedAction,
        ]
    }
}
