import BeaconAnalytics

/// The text, CSV and JSON renderings of a `CustomerSegmentation` run for `segments kmeans`.
struct SegmentKMeansReport {
    let result: CustomerSegmentation
    let features: [String]
    let logged: [Bool]
    let customers: [RFMAnalysis.Customer]
    let restarts: Int
    let seed: UInt64

    init(
        raw: Matrix, features: [String], log1p: [Bool], customers: [RFMAnalysis.Customer], k: Int?, kMax: Int,
        rule: ClusterCountSelection.Rule, kmeans: KMeans, seed: UInt64
    ) throws {
        result = try CustomerSegmentation(
            features: raw, log1p: log1p, recency: customers.map { Double($0.recency) },
            frequency: customers.map { Double($0.frequency) }, monetary: customers.map(\.monetary), k: k, kMax: kMax,
            rule: rule, kmeans: kmeans, seed: seed)
        self.features = features
        self.logged = log1p
        self.customers = customers
        self.restarts = kmeans.restarts
        self.seed = seed
    }

    private var clusterHeader: [String] {
        [
            "cluster", "persona", "customers", "customer_share", "revenue_share", "mean_recency_days", "mean_frequency",
            "mean_monetary",
        ] + features.map { "centroid_\($0)" } + ["action"]
    }

    private var clusterRows: [[String]] {
        result.personas.clusters.map { c in
            [
                String(c.index), c.label, String(c.size), SegmentationOutput.number(c.customerShare, digits: 4),
                SegmentationOutput.number(c.revenueShare, digits: 4), SegmentationOutput.fixed(c.meanRecency, 1),
                SegmentationOutput.fixed(c.meanFrequency, 2), SegmentationOutput.fixed(c.meanMonetary, 2),
            ]
                + features.indices.map { SegmentationOutput.fixed(result.centroidsInOriginalUnits[c.index, $0], 2) }
                + [c.action]
        }
    }

    func text() -> String {
        var lines: [String] = []
        let transform = zip(features, logged).map { $1 ? "log1p(\($0))" : $0 }.joined(separator: ", ")
        lines.append(
            "k-means on \(customers.count) customers; features: \(transform), standard-scaled; "
                + "\(restarts) k-means++ restarts, seed \(seed)")
        if let sel = result.selection {
            lines.append("")
            lines.append(
                SegmentationOutput.table(
                    ["k", "inertia", "silhouette"],
                    sel.candidates.map {
                        [
                            String($0.k), SegmentationOutput.fixed($0.inertia, 3),
                            SegmentationOutput.fixed($0.silhouette, 4),
                        ]
                    }))
            lines.append(
                "elbow at k = \(sel.elbowK); best silhouette at k = \(sel.silhouetteK); "
                    + "chosen k = \(sel.chosenK) (\(sel.rule.rawValue))")
        }
        lines.append("")
        lines.append(
            "k = \(result.fit.labels.max().map { $0 + 1 } ?? 0), inertia \(SegmentationOutput.fixed(result.fit.inertia, 3)), "
                + "\(result.fit.iterations) iterations\(result.fit.converged ? "" : " (not converged)")")
        let shown = clusterHeader.dropLast()
        lines.append(SegmentationOutput.table(Array(shown), clusterRows.map { Array($0.dropLast()) }))
        lines.append("")
        lines.append("Suggested actions:")
        for c in result.personas.clusters { lines.append("  cluster \(c.index), \(c.label): \(c.action)") }
        return lines.joined(separator: "\n")
    }

    func clusterCSV() -> String {
        ([clusterHeader] + clusterRows).map(SegmentationOutput.csvLine).joined(separator: "\n")
    }

    func assignmentsCSV() -> String {
        let label = Dictionary(uniqueKeysWithValues: result.personas.clusters.map { ($0.index, $0.label) })
        let header = ["customer_id", "cluster", "persona", "recency_days", "frequency", "monetary", "rfm_segment"]
        let rows = zip(customers, result.fit.labels).map { c, l in
            [
                c.customerID, String(l), label[l] ?? "", String(c.recency), String(c.frequency),
                SegmentationOutput.number(c.monetary, digits: 12), c.segment.rawValue,
            ]
        }
        return ([header] + rows).map(SegmentationOutput.csvLine).joined(separator: "\n")
    }

    func json() -> [String: Any] {
        var out: [String: Any] = [
            "customers": customers.count, "features": features, "log1p": logged, "seed": Int(seed),
            "restarts": restarts,
            "inertia": SegmentationOutput.json(result.fit.inertia), "iterations": result.fit.iterations,
            "converged": result.fit.converged,
            "clusters": result.personas.clusters.map { c -> [String: Any] in
                [
                    "cluster": c.index, "persona": c.persona.rawValue, "label": c.label, "customers": c.size,
                    "customerShare": SegmentationOutput.json(c.customerShare),
                    "revenue": SegmentationOutput.json(c.revenue),
                    "revenueShare": SegmentationOutput.json(c.revenueShare),
                    "meanRecencyDays": SegmentationOutput.json(c.meanRecency),
                    "meanFrequency": SegmentationOutput.json(c.meanFrequency),
                    "meanMonetary": SegmentationOutput.json(c.meanMonetary),
                    "zScores": ["recency": c.recencyZ, "frequency": c.frequencyZ, "monetary": c.monetaryZ].mapValues(
                        SegmentationOutput.json),
                    "centroid": Dictionary(
                        uniqueKeysWithValues: features.enumerated().map {
                            ($1, SegmentationOutput.json(result.centroidsInOriginalUnits[c.index, $0]))
                        }),
                    "action": c.action,
                ]
            },
        ]
        if let sel = result.selection {
            out["selection"] =
                [
                    "candidates": sel.candidates.map {
                        [
                            "k": $0.k, "inertia": SegmentationOutput.json($0.inertia),
                            "silhouette": SegmentationOutput.json($0.silhouette),
                        ]
                    },
                    "elbowK": sel.elbowK, "silhouetteK": sel.silhouetteK, "chosenK": sel.chosenK,
                    "rule": sel.rule.rawValue,
                ] as [String: Any]
        }
        return out
    }
}
