/// The seed 003 clustering pipeline in one call: scale customer features (log1p optional),
/// choose k by elbow or silhouette (or take a given k), fit k-means, report centroids in
/// original units, and explain the clusters as personas.
///
/// Pure composition of `ClusterFeatureScaler`, `ClusterCountSelection`, `KMeans` and
/// `ClusterPersonas`; see those types for the methods and references.
public struct CustomerSegmentation: Sendable {
    /// The k-selection table (nil when k was given).
    public var selection: ClusterCountSelection?
    /// The fitted clustering on the scaled features.
    public var fit: KMeans.Result
    public var scaler: ClusterFeatureScaler
    /// k × features centroids mapped back to original units (`ClusterFeatureScaler.inverseTransform`).
    public var centroidsInOriginalUnits: Matrix
    /// Per cluster: size, revenue share, mean R/F/M, persona and action.
    public var personas: ClusterPersonas

    /// Runs the pipeline.
    /// - Parameters:
    ///   - features: customers × features in original units.
    ///   - log1p: per feature, whether to log1p before scaling (empty: none).
    ///   - recency, frequency, monetary: per customer, for the persona rules and profiles.
    ///   - k: the number of clusters, or nil to choose over 2…`kMax` by `rule`.
    ///   - kmeans: fit settings (its `clusterCount` is replaced).
    ///   - seed: seed of the k-means++ starts and silhouette sample.
    /// - Throws: `SegmentationError` for bad data or parameters.
    public init(
        features: Matrix, log1p: [Bool] = [], recency: [Double], frequency: [Double], monetary: [Double], k: Int?,
        kMax: Int = 10, rule: ClusterCountSelection.Rule = .elbow, kmeans: KMeans = KMeans(clusterCount: 2),
        seed: UInt64
    ) throws {
        scaler = try ClusterFeatureScaler(fitting: features, log1p: log1p)
        let scaled = try scaler.transform(features)
        let chosen: Int
        if let k {
            selection = nil
            chosen = k
        } else {
            let upper = min(kMax, features.rows)
            guard upper >= 2 else {
                throw SegmentationError(.tooFewRows, "choosing k needs at least 2 customers, got \(features.rows)")
            }
            let table = try ClusterCountSelection(
                data: scaled, range: 2...upper, kmeans: kmeans, seed: seed, rule: rule)
            selection = table
            chosen = table.chosenK
        }
        var settings = kmeans
        settings.clusterCount = chosen
        fit = try settings.fit(scaled, seed: seed)
        centroidsInOriginalUnits = scaler.inverseTransform(fit.centroids)
        personas = try ClusterPersonas(
            recency: recency, frequency: frequency, monetary: monetary, labels: fit.labels, k: chosen)
    }
}
