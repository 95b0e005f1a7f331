import ArgumentParser
import BeaconAnalytics
import Foundation

extension SegmentsCommand {
    /// `beacon segments kmeans`: k-means on per-customer RFM features, k chosen by elbow and
    /// silhouette, clusters explained as personas with suggested actions.
    struct KMeansSubcommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kmeans",
            abstract: "k-means personas from an order log: choose k, profile clusters, suggest actions.",
            discussion: """
                Per customer the features are computed as in `beacon rfm` (recency days, frequency, \
                net monetary; tenure = days since the first purchase; aov = monetary / frequency), \
                optionally log1p-transformed (negative values clamped to 0 first), then standard-scaled. \
                With --k auto, k = 2…--k-max are fitted and the inertia (elbow) and silhouette of each are \
                reported; the elbow picks k unless --choose silhouette. Each cluster is described by its \
                size, revenue share, mean R/F/M, centroid in original units and a persona from the \
                seed 003 strategy engine (VIPs → concierge, Loyalists → upsell, At Risk → win-back, \
                Casual Shoppers → bundle), decided from the cluster's standing relative to all customers.
                Example (Retail Orders, synthetic customer = postal code + segment):
                beacon segments kmeans --input orders.csv \
                --map "customer_id=Postal Code+Segment,order_id=Order Id,timestamp=Order Date,amount=List Price" \
                --features recency,frequency,monetary --k 4
                """)

        @OptionGroup var source: SegmentationInputOptions

        @Option(help: "Comma-separated features: recency, frequency, monetary, tenure, aov.")
        var features: String = "recency,frequency,monetary"

        @Option(help: "Number of clusters, or 'auto' to choose by elbow/silhouette over 2…--k-max.")
        var k: String = "auto"

        @Option(help: "Largest k tried with --k auto.")
        var kMax: Int = 10

        @Option(help: "How --k auto picks k: elbow or silhouette.")
        var choose: ClusterCountSelection.Rule = .elbow

        @Option(help: "Features to log1p before scaling (comma-separated, or 'all').")
        var log1p: String?

        @Option(help: "k-means++ restarts per fit (scikit-learn's n_init).")
        var restarts: Int = 10

        @Option(help: "Seed of the k-means++ starts and the silhouette sample.")
        var seed: UInt64 = 42

        @Option(help: "Iteration: hamerly (accelerated) or lloyd; both give the same clusters.")
        var algorithm: KMeans.Algorithm = .hamerly

        @Option(help: "Worker threads.")
        var threads: Int = 1

        @OptionGroup var asOf: AsOfOption

        @Option(help: "Output: text, csv (the cluster table) or json.")
        var format: OutputFormat = .text

        @Option(help: "Also write customer_id,cluster,persona,… to this CSV file.")
        var assignments: String?

        static let knownFeatures = ["recency", "frequency", "monetary", "tenure", "aov"]

        var featureList: [String] { features.split(separator: ",").map { String($0).trimmed } }

        func validate() throws {
            guard !featureList.isEmpty else { throw ValidationError("--features needs at least one feature") }
            for f in featureList where !Self.knownFeatures.contains(f) {
                throw ValidationError(
                    "--features: unknown feature '\(f)'; use \(Self.knownFeatures.joined(separator: ", "))")
            }
            if k != "auto" {
                guard let value = Int(k), value >= 1 else {
                    throw ValidationError("--k must be a positive integer or 'auto', got '\(k)'")
                }
            }
            guard (2...50).contains(kMax) else { throw ValidationError("--k-max must be between 2 and 50") }
            guard restarts >= 1 else { throw ValidationError("--restarts must be at least 1") }
            guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
            if let log1p, log1p != "all" {
                for f in log1p.split(separator: ",").map({ String($0).trimmed }) where !featureList.contains(f) {
                    throw ValidationError("--log1p: '\(f)' is not one of the --features")
                }
            }
        }

        func run() async throws {
            let orders = try source.loadOrders()
            let rfm: RFMAnalysis
            do {
                rfm = try RFMAnalysis(
                    orders: orders, asOfDay: asOf.day)
            } catch let error as SegmentationError {
                throw CommandError("\(source.inputName): \(error.message)")
            }
            let customers = rfm.customers
            let names = featureList
            let logged = Set(log1p == "all" ? names : (log1p?.split(separator: ",").map { String($0).trimmed } ?? []))
            var raw = Matrix(rows: customers.count, columns: names.count)
            var clamped = 0
            for (i, c) in customers.enumerated() {
                for (f, name) in names.enumerated() {
                    var v = Self.feature(name, c, asOf: rfm.asOfDay)
                    if logged.contains(name), v < 0 {
                        v = 0
                        clamped += 1
                    }
                    raw[i, f] = v
                }
            }
            if clamped > 0 { SegmentationOutput.note("clamped \(clamped) negative values to 0 before log1p") }

            let report: SegmentKMeansReport
            do {
                report = try SegmentKMeansReport(
                    raw: raw, features: names, log1p: names.map(logged.contains), customers: customers,
                    k: Int(k), kMax: kMax, rule: choose,
                    kmeans: KMeans(clusterCount: 2, restarts: restarts, algorithm: algorithm, threads: threads),
                    seed: seed)
            } catch let error as SegmentationError {
                throw CommandError("\(source.inputName): \(error.message)")
            }
            switch format {
            case .text: try SegmentationOutput.emit(report.text(), to: nil)
            case .csv: try SegmentationOutput.emit(report.clusterCSV(), to: nil)
            case .json: try SegmentationOutput.emit(try SegmentationOutput.jsonText(report.json()), to: nil)
            }
            if let assignments { try SegmentationOutput.emit(report.assignmentsCSV(), to: assignments) }
        }

        static func feature(_ name: String, _ c: RFMAnalysis.Customer, asOf: Int) -> Double {
            switch name {
            case "recency": return Double(c.recency)
            case "frequency": return Double(c.frequency)
            case "monetary": return c.monetary
            case "tenure": return Double(asOf - c.firstPurchaseDay)
            default: return c.monetary / Double(c.frequency)
            }
        }
    }
}

extension KMeans.Algorithm: ExpressibleByArgument {}
extension ClusterCountSelection.Rule: ExpressibleByArgument {}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
