import Foundation

/// Explains customer clusters in marketing terms: per cluster its size, share of revenue,
/// mean recency, frequency and spend, and a persona with a suggested action.
///
/// The personas are the seed 003 "strategy engine" (VIP → concierge, Loyal → upsell,
/// At Risk → win-back, Casual → bundle), decided from where each cluster's mean customer sits
/// relative to all customers, never from fixed amounts, so they carry over between data
/// sets. Each cluster's position is the mean of its members' standard scores: recency on
/// its own scale, frequency and spend after log1p (both are heavy-tailed, and one whale
/// would otherwise make every other cluster look alike). A cluster is *active* when its
/// recency z < 0.5. The rules, in order:
///
/// 1. recency z ≥ 0.5 (long since the last order) and spend z ≥ 1 → **At-Risk VIPs**:
///    personal win-back outreach;
/// 2. recency z ≥ 0.5 → **At Risk**: win-back campaign;
/// 3. spend z ≥ 1 and either the highest-spending active cluster or frequency z < 0.5 →
///    **VIPs**: concierge service, exclusive rewards;
/// 4. frequency z ≥ 0.5 → **Loyalists**: upsell premium versions, referral programme (this
///    includes big spenders behind the top cluster who buy often — the seed's "loyalty
///    trap": habitual but spending less per order than the VIPs);
/// 5. otherwise → **Casual Shoppers**: "bundle & save" offers.
///
/// Clusters that share a persona are told apart by a number in the label, highest spend
/// first ("Casual Shoppers 1", "Casual Shoppers 2").
public struct ClusterPersonas: Sendable {
    /// The persona families of the strategy engine.
    public enum Persona: String, Sendable, CaseIterable, Codable {
        case vip = "VIPs"
        case atRiskVIP = "At-Risk VIPs"
        case atRisk = "At Risk"
        case loyalist = "Loyalists"
        case casual = "Casual Shoppers"

        /// The suggested marketing action for the persona.
        public var action: String {
            switch self {
            case .vip: return "Concierge service and exclusive loyalty rewards; protect them from competitors"
            case .atRiskVIP: return "Personal win-back outreach by an account manager before they are lost"
            case .atRisk: return "Win-back campaign: a deep discount on a return purchase"
            case .loyalist: return "Upsell premium versions of what they already buy; invite them to refer friends"
            case .casual: return "Bundle & save offers to lift order frequency"
            }
        }
    }

    /// One cluster's profile.
    public struct Cluster: Sendable, Equatable {
        public var index: Int
        public var size: Int
        public var customerShare: Double
        public var revenue: Double
        /// Cluster revenue over all revenue (NaN when the total is 0).
        public var revenueShare: Double
        public var meanRecency: Double
        public var meanFrequency: Double
        public var meanMonetary: Double
        /// Standard scores of the cluster's mean customer (recency, log1p frequency, log1p spend).
        public var recencyZ: Double
        public var frequencyZ: Double
        public var monetaryZ: Double
        public var persona: Persona
        /// The persona name, numbered when several clusters share it.
        public var label: String
        public var action: String { persona.action }
    }

    public var clusters: [Cluster]

    /// Profiles the clusters of customers with the given recency (days), frequency (orders)
    /// and monetary (spend) values.
    /// - Parameters:
    ///   - labels: the cluster of each customer (0..<k).
    ///   - k: the number of clusters (a cluster may be empty and is then left out).
    /// - Throws: `SegmentationError` when the arrays differ in length or are empty.
    public init(recency: [Double], frequency: [Double], monetary: [Double], labels: [Int], k: Int) throws {
        let n = labels.count
        guard n > 0 else { throw SegmentationError(.emptyInput, "no customers to profile") }
        guard recency.count == n, frequency.count == n, monetary.count == n else {
            throw SegmentationError(
                .dimensionMismatch, "recency, frequency, monetary and labels must have the same length")
        }
        let zR = ClusterPersonas.standardScores(recency)
        let zF = ClusterPersonas.standardScores(frequency.map { log1p(max($0, 0)) })
        let zM = ClusterPersonas.standardScores(monetary.map { log1p(max($0, 0)) })
        let total = monetary.reduce(0, +)
        var clusters: [Cluster] = []
        for c in 0..<k {
            let members = (0..<n).filter { labels[$0] == c }
            guard !members.isEmpty else { continue }
            let m = Double(members.count)
            let mean = { (v: [Double]) in members.reduce(0.0) { $0 + v[$1] } / m }
            let revenue = members.reduce(0.0) { $0 + monetary[$1] }
            clusters.append(
                Cluster(
                    index: c, size: members.count, customerShare: m / Double(n), revenue: revenue,
                    revenueShare: total == 0 ? .nan : revenue / total, meanRecency: mean(recency),
                    meanFrequency: mean(frequency), meanMonetary: revenue / m, recencyZ: mean(zR), frequencyZ: mean(zF),
                    monetaryZ: mean(zM), persona: .casual, label: ""))
        }
        let topActive = clusters.filter { $0.recencyZ < 0.5 }.max { $0.monetaryZ < $1.monetaryZ }?.index
        for i in clusters.indices {
            let (r, f, s) = (clusters[i].recencyZ, clusters[i].frequencyZ, clusters[i].monetaryZ)
            let persona: Persona =
                r >= 0.5
                ? (s >= 1 ? .atRiskVIP : .atRisk)
                : s >= 1 && (clusters[i].index == topActive || f < 0.5)
                    ? .vip
                    : f >= 0.5 ? .loyalist : .casual
            clusters[i].persona = persona
            clusters[i].label = persona.rawValue
        }
        for persona in Persona.allCases {
            let same = clusters.indices.filter { clusters[$0].persona == persona }
            guard same.count > 1 else { continue }
            let ranked = same.sorted { clusters[$0].meanMonetary > clusters[$1].meanMonetary }
            for (rank, i) in ranked.enumerated() { clusters[i].label = "\(persona.rawValue) \(rank + 1)" }
        }
        self.clusters = clusters
    }

    /// (v − mean) / population sd; all zeros when the sd is 0.
    private static func standardScores(_ v: [Double]) -> [Double] {
        let n = Double(v.count)
        let mean = v.reduce(0, +) / n
        let sd = (v.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
        return sd > 0 ? v.map { ($0 - mean) / sd } : v.map { _ in 0 }
    }
}
