import Foundation

// Times Beacon's association rules and lookalike ranking (library sources compiled with -O) on
// the inputs the peers time: baskets written by mlxtend_rules.py --write-baskets (one basket a
// line, items tab-separated), and orders written by `beacon bench lookalikes --write-orders`.
//   recommendations-bench rules BASKETS MIN_SUPPORT REPEATS
//   recommendations-bench lookalikes ORDERS.csv REPEATS

func seconds(_ body: () throws -> String) rethrows -> (Double, String) {
    let start = DispatchTime.now().uptimeNanoseconds
    let out = try body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, out)
}

let args = CommandLine.arguments
let text = try String(contentsOfFile: args[2], encoding: .utf8)
if args[1] == "rules" {
    let baskets = text.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
    let minSupport = Double(args[3])!
    for _ in 0..<Int(args[4])! {
        let (t, out) = try seconds {
            let rules = try AssociationRuleMiner(minSupport: minSupport, metric: .lift, minThreshold: 1).rules(baskets: baskets)
            return "\(rules.count)"
        }
        print("{\"baskets\": \(baskets.count), \"rules\": \(out), \"seconds\": \(t)}")
    }
} else {
    var orders: [OrderRecord] = []
    for line in text.split(separator: "\n").dropFirst() {
        let f = line.split(separator: ",")
        orders.append(OrderRecord(customerID: String(f[0]), orderID: String(f[1]), day: Int(f[2])!, amount: Double(f[3])!))
    }
    for _ in 0..<Int(args[3])! {
        let (t, out) = try seconds {
            let table = try LookalikeFeatureTable(orders: orders, asOfDay: 730)
            var spend: [String: Double] = [:]
            for o in orders { spend[o.customerID, default: 0] += o.amount }
            let seed = Set(spend.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(max(100, table.people.count / 100)).map(\.key))
            let ranked = try LookalikeModel.rank(table, seed: seed)
            return "\(table.people.count), \"top\": \"\(ranked[0].person)\""
        }
        print("{\"people\": \(out), \"seconds\": \(t)}")
    }
}
