import ArgumentParser
import BeaconAnalytics
import BeaconCore
import BeaconEngine
import Foundation

extension BenchCommand {
    /// `beacon bench rules`: times association rules on an Online Retail file, for the
    /// side-by-side run with mlxtend (`bench/recommendations/mlxtend_rules.py`).
    struct Rules: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rules",
            abstract: "Time Apriori association rules on a UCI Online Retail file (benchmark helper).",
            discussion: """
                Baskets as the peer builds them: invoices that are not cancellations, lines with a customer, \
                a positive quantity and a non-negative price, items by StockCode. Prints one JSON line per \
                run: baskets, items, rules and the seconds from baskets to rules (reading the file not timed, \
                as the peer's time starts from its DataFrame).
                """)

        @Option(help: "The Online Retail CSV (gzip is read directly).") var input: String
        @Option(help: "Only this Country's rows.") var country: String?
        @Option(help: "Minimum support.") var minSupport = 0.02
        @Option(help: "How many timed runs.") var repeats = 3

        func run() async throws {
            let table = try InputFile.csv(input)
            func column(_ name: String) throws -> Int {
                guard let i = table.header.firstIndex(of: name) else { throw CommandError("\(input): no column '\(name)'") }
                return i
            }
            let (invoice, stock, quantity, price, customer, countryColumn) = (
                try column("InvoiceNo"), try column("StockCode"), try column("Quantity"), try column("UnitPrice"),
                try column("CustomerID"), try column("Country")
            )
            var byInvoice: [String: Set<String>] = [:]
            for row in table.rows {
                let f = row.fields
                guard f.count == table.header.count, !f[customer].isEmpty, !f[invoice].hasPrefix("C"),
                    (Double(f[quantity]) ?? 0) > 0, (Double(f[price]) ?? -1) >= 0
                else { continue }
                if let country, f[countryColumn] != country { continue }
                byInvoice[f[invoice], default: []].insert(f[stock].trimmingCharacters(in: .whitespaces))
            }
            let baskets = byInvoice.keys.sorted().map { Array(byInvoice[$0]!) }
            for _ in 0..<repeats {
                let start = DispatchTime.now().uptimeNanoseconds
                let encoding = BasketEncoding(baskets: baskets)
                let rules = try AssociationRuleMiner(minSupport: minSupport, metric: .lift, minThreshold: 1).rules(encoding)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                print(
                    "{\"baskets\": \(baskets.count), \"items\": \(encoding.items.count), \"rules\": \(rules.count), "
                        + "\"seconds\": \(seconds)}")
            }
        }
    }

    /// `beacon bench lookalikes`: the time-split evaluation of lookalikes on an order file, and
    /// the time to rank a synthetic population, for `docs/benchmarks.md`.
    struct Lookalikes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lookalikes",
            abstract: "Evaluate lookalikes on an order file by a time split, or time them on a synthetic population.",
            discussion: """
                With --input and --map (as `beacon rfm`): seed = first-half top-decile spenders; prints how \
                many second-half top-decile spenders the lookalike, an RFM-score ranking and a random list \
                put in the top 1, 5 and 10 % (`LookalikeEvaluation`). With --people N: N synthetic buyers \
                (seeded), seed = the top 1 % by spend, prints the seconds to build the features and rank \
                everyone; --write-orders saves their orders for the peer (bench/recommendations/lookalike_peer.py).
                """)

        @OptionGroup var source: SegmentationInputOptions
        @Option(help: "Synthetic buyers to rank (instead of --input).") var people: Int?
        @Option(help: "Write the synthetic orders to this CSV (person,order,day,amount).") var writeOrders: String?
        @Option(help: "Seed of the random baseline and the synthetic data.") var seed: UInt64 = 1

        func run() async throws {
            if let people {
                try synthetic(people)
                return
            }
            let orders = try source.loadOrders()
            let e = try LookalikeEvaluation.evaluate(orders: orders, seed: seed)
            print("split day \(OrderDay(dayNumber: e.splitDay)), population \(e.population), seed \(e.seedSize), "
                + "reachable targets \(e.reachableTargets)")
            print("size\tpeople\tlookalike\trfm_score\trandom")
            for r in e.rows {
                print("\(r.percent) %\t\(r.size)\t\(r.lookalike)\t\(r.rfmScore)\t\(r.random)")
            }
        }

        func synthetic(_ n: Int) throws {
            var rng = Xoshiro256StarStar(seed: seed)
            var orders: [OrderRecord] = []
            orders.reserveCapacity(n * 3)
            for p in 0..<n {
                let scale = Foundation.exp(rng.nextNormal(mean: 3.5, standardDeviation: 0.8))
                let count = 1 + Int(rng.nextExponential(rate: 0.5))
                for o in 0..<count {
                    orders.append(OrderRecord(
                        customerID: "p\(p)", orderID: "p\(p)-\(o)", day: rng.nextInt(below: 730),
                        amount: (scale * (0.5 + rng.nextDouble()) * 100).rounded() / 100))
                }
            }
            if let writeOrders {
                var text = "person,order,day,amount\n"
                for o in orders { text += "\(o.customerID),\(o.orderID!),\(o.day),\(o.amount)\n" }
                try text.write(toFile: writeOrders, atomically: true, encoding: .utf8)
            }
            let start = DispatchTime.now().uptimeNanoseconds
            let table = try LookalikeFeatureTable(orders: orders, asOfDay: 730)
            var spend: [String: Double] = [:]
            for o in orders { spend[o.customerID, default: 0] += o.amount }
            let seedGroup = Set(spend.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(max(100, n / 100)).map(\.key))
            let ranked = try LookalikeModel.rank(table, seed: seedGroup)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print("{\"people\": \(n), \"orders\": \(orders.count), \"ranked\": \(ranked.count), \"seconds\": \(seconds), "
                + "\"top\": \"\(ranked.first?.person ?? "")\"}")
        }
    }
}
