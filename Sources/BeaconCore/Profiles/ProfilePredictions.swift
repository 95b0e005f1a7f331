import Foundation

/// Model outputs attached to a profile by the batch refresh (not by each event): P(alive)
/// and predicted CLV from BG/NBD + Gamma-Gamma, churn risk = 1 − P(alive), the RFM named
/// segment, the k-means persona cluster, the date they were computed as of, and when.
public struct ProfilePredictions: Sendable, Equatable, Codable {
    public var pAlive: Double?
    public var predictedCLV: Double?
    public var churnRisk: Double?
    public var rfmSegment: String?
    /// The k-means persona cluster (number and persona name), nil when not clustered.
    public var cluster: Int?
    public var clusterPersona: String?
    /// The date the models were evaluated as of (T, recency and segments are measured to it):
    /// the refresh's as-of date, by default the workspace's last event. Nil for predictions
    /// stored before the date was recorded.
    public var asOf: Date?
    /// The wall time the refresh ran.
    public var refreshedAt: Date

    public init(pAlive: Double? = nil, predictedCLV: Double? = nil, churnRisk: Double? = nil, rfmSegment: String? = nil,
                asOf: Date? = nil, refreshedAt: Date) {
        self.asOf = asOf
        self.pAlive = pAlive
        self.predictedCLV = predictedCLV
        self.churnRisk = churnRisk
        self.rfmSegment = rfmSegment
        self.refreshedAt = refreshedAt
    }
}
