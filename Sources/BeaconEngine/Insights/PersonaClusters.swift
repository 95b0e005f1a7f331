import BeaconAnalytics

/// The one persona clustering of a workspace's customers, used by the prediction refresh
/// (each profile's `cluster` / `clusterPersona`) and the dashboard's Personas page.
///
/// Input: the RFM customers (`CustomerRFM`) as of the analysis date — recency in days since
/// the last purchase, frequency in purchases, spend net of refunds (floored at 0) — scaled
/// with log1p on frequency and spend (both heavy-tailed), clustered with seeded k-means++
/// (4 restarts) and named by `ClusterPersonas` (VIPs, Loyalists, At Risk, …).
///
/// **k-selection rule**: k is given, or chosen as the k in 2…`maxK` with the highest mean
/// silhouette (Rousseeuw 1987) — one rule everywhere; the elbow is not used. For more than
/// `selectionSampleSize` customers k is chosen on a seeded sample of that many (the
/// silhouette is quadratic in n and a sample statistic anyway), then fitted on all.
/// Deterministic for a seed and an input order.
struct PersonaClusters {
    /// Fewest customers worth clustering.
    static let minimumCustomers = 10
    static let maxK = 6
    static let selectionSampleSize = 20_000
    static let seed: UInt64 = 42

    /// Cluster number of each customer (input order).
    var labels: [Int]
    /// Persona label of each cluster number.
    var names: [Int: String]
    var k: Int
    /// The clusters with their sizes, shares, mean R/F/M and actions.
    var clusters: [ClusterPersonas.Cluster]
    /// Centroids in original units: (recency days, spend) per cluster number.
    var centroids: [(recency: Double, spend: Double)]

    /// Clusters the customers, or nil when there are too few (fewer than `minimumCustomers`,
    /// or fewer than 2k) or the data cannot be clustered (all identical).
    init?(recency: [Double], frequency: [Double], monetary: [Double], k requested: Int?) {
        let n = recency.count
        guard n >= max(Self.minimumCustomers, (requested ?? 2) * 2) else { return nil }
        let spend = monetary.map { max(0, $0) }
        let rows = (0..<n).map { [recency[$0], frequency[$0], spend[$0]] }
        let settings = KMeans(clusterCount: 2, restarts: 4)
        var k = requested
        do {
            if k == nil && n > Self.selectionSampleSize {
                var rng = Xoshiro256StarStar(seed: Self.seed)
                var picked = Array(0..<n)
                for i in 0..<Self.selectionSampleSize { picked.swapAt(i, i + rng.nextInt(below: n - i)) }
                let sample = picked.prefix(Self.selectionSampleSize).sorted()
                let scaler = try ClusterFeatureScaler(
                    fitting: Matrix(sample.map { rows[$0] }), log1p: [false, true, true])
                let scaled = try scaler.transform(Matrix(sample.map { rows[$0] }))
                k = try ClusterCountSelection(
                    data: scaled, range: 2...Self.maxK, kmeans: settings, seed: Self.seed, rule: .silhouette
                ).chosenK
            }
            let fit = try CustomerSegmentation(
                features: Matrix(rows), log1p: [false, true, true], recency: recency, frequency: frequency,
                monetary: spend,
                k: k, kMax: min(Self.maxK, n - 1), rule: .silhouette, kmeans: settings, seed: Self.seed)
            labels = fit.fit.labels
            names = Dictionary(uniqueKeysWithValues: fit.personas.clusters.map { ($0.index, $0.label) })
            self.k = fit.fit.centroids.rows
            clusters = fit.personas.clusters
            let c = fit.centroidsInOriginalUnits
            centroids = (0..<c.rows).map { (c[$0, 0], c[$0, 2]) }
        } catch {
            return nil
        }
    }
}
