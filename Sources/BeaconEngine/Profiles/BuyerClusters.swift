import BeaconAnalytics

/// The k-means persona clusters of a workspace's buyers, assigned by the prediction refresh:
/// recency (days since the last order), frequency (orders) and monetary value (lifetime
/// value), scaled with log1p on frequency and spend (both heavy-tailed), clustered with
/// seeded k-means++ and named by `ClusterPersonas` (VIPs, Loyalists, At Risk, …) — the same
/// pipeline as `beacon segment kmeans` and the dashboard's personas page
/// (`CustomerSegmentation`).
///
/// k is given, or chosen by the best mean silhouette over 2…`maxK`. For many buyers k is
/// chosen on a seeded sample of `selectionSampleSize` of them (the silhouette is a sample
/// statistic anyway), then fitted on all. Deterministic for a seed and an input order.
struct BuyerClusters {
    /// Fewest buyers worth clustering.
    static let minimumBuyers = 10
    static let maxK = 6
    static let selectionSampleSize = 20_000
    static let seed: UInt64 = 42

    /// Cluster number of each buyer (input order).
    var labels: [Int]
    /// Persona label of each cluster number.
    var names: [Int: String]
    var k: Int

    /// Clusters the buyers, or nil when there are too few (fewer than `minimumBuyers`, or
    /// fewer than k) or the data cannot be clustered (all identical).
    init?(recency: [Double], frequency: [Double], monetary: [Double], k requested: Int?) {
        let n = recency.count
        guard n >= max(Self.minimumBuyers, (requested ?? 2) * 2) else { return nil }
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
        } catch {
            return nil
        }
    }
}
