import BeaconAnalytics
import BeaconCore
import Foundation

/// A workspace's customers as of one date: RFM scores and named segments (`CustomerRFM`),
/// persona clusters (`PersonaClusters`) and health bands (`CustomerHealth`), computed once
/// and read by `beacon rfm --workspace`, the prediction refresh and every dashboard page, so
/// the same data gives the same counts everywhere.
public struct CustomerInsights: Sendable {
    /// One customer (a profile with a purchase by the as-of date).
    public struct Customer: Sendable, Equatable {
        public var profileId: String
        /// The id RFM reports: the profile's `userId`, else its profile id.
        public var customerId: String
        public var recencyDays: Int
        public var frequency: Int
        public var monetary: Double
        public var recencyScore: Int
        public var frequencyScore: Int
        public var monetaryScore: Int
        /// The RFM named segment.
        public var segment: String
        public var health: CustomerHealth
        /// The persona cluster number and name, nil when not clustered.
        public var cluster: Int?
        public var persona: String?
    }

    /// One RFM named segment's totals.
    public struct Segment: Sendable, Equatable {
        public var name: String
        public var customers: Int
        public var customerShare: Double
        public var revenue: Double
        public var revenueShare: Double
        public var meanRecency: Double
        public var meanFrequency: Double
        public var meanMonetary: Double
        public var action: String
    }

    /// One persona cluster.
    public struct Persona: Sendable, Equatable {
        public var index: Int
        public var label: String
        public var size: Int
        public var customerShare: Double
        public var revenue: Double
        public var revenueShare: Double
        public var meanRecency: Double
        public var meanFrequency: Double
        public var meanMonetary: Double
        public var action: String
        /// The centroid in original units: days since the last order and spend.
        public var centroidRecency: Double
        public var centroidSpend: Double
    }

    /// The date everything is computed as of.
    public var asOf: Date
    /// Profiles first seen by the as-of date (customers or not).
    public var profiles: Int
    /// Customers in RFM order (numeric ids numerically, else by code point).
    public var customers: [Customer]
    /// Profiles with order events by the as-of date but no purchase (only refunds or zero orders).
    public var customersWithoutPurchase: Int
    /// Every RFM named segment, in `RFMSegment` order, empty ones included.
    public var segments: [Segment]
    /// The persona clusters (empty: too few customers to cluster, or not asked for).
    public var personas: [Persona]
    /// Whether the persona clustering ran (it is the costly part; pages without personas skip it).
    public var clustered = false
    /// The RFM analysis itself, for the CLI's per-customer table.
    public var rfm: RFMAnalysis?

    /// Customers in the RFM named segment `name`.
    public func count(segment name: String) -> Int {
        segments.first { $0.name == name }?.customers ?? 0
    }

    /// Profiles per health band, in band order, every band present; profiles without a
    /// purchase by the as-of date are "Not scored".
    public var health: [(band: CustomerHealth, count: Int)] {
        var n: [CustomerHealth: Int] = [:]
        for c in customers { n[c.health, default: 0] += 1 }
        n[.unscored] = max(0, profiles - customers.count)
        return CustomerHealth.allCases.map { ($0, n[$0] ?? 0) }
    }
}

extension WorkspaceState {
    /// The workspace's customer insights as of `asOf` — the one place they are computed.
    /// - Parameters:
    ///   - clusterCount: k for the persona clusters, nil to choose it by silhouette.
    ///   - personas: whether to cluster the customers into personas.
    func insights(asOf: Date, clusterCount: Int? = nil, personas: Bool = true) -> CustomerInsights {
        let profilesThen = profiles.profiles.values.filter { $0.firstSeen <= asOf }.count
        var out = CustomerInsights(
            asOf: asOf, profiles: profilesThen, customers: [], customersWithoutPurchase: 0,
            segments: RFMSegment.allCases.map {
                CustomerInsights.Segment(
                    name: $0.rawValue, customers: 0, customerShare: 0, revenue: 0, revenueShare: 0, meanRecency: 0,
                    meanFrequency: 0, meanMonetary: 0, action: $0.suggestedAction)
            }, personas: [], rfm: nil)
        guard let result = CustomerRFM.analysis(of: profiles, asOf: asOf) else { return out }
        let (rfm, scored) = result
        out.rfm = rfm
        out.customersWithoutPurchase = rfm.customersWithoutPurchase
        let rows = scored.map(\.customer)
        out.clustered = personas
        let clusters = !personas ? nil : PersonaClusters(
            recency: rows.map { Double($0.recency) }, frequency: rows.map { Double($0.frequency) },
            monetary: rows.map(\.monetary), k: clusterCount)
        out.customers = scored.enumerated().map { i, s in
            let c = s.customer
            let label = clusters?.labels[i]
            return CustomerInsights.Customer(
                profileId: profiles.profiles[s.node]!.id, customerId: c.customerID, recencyDays: c.recency,
                frequency: c.frequency, monetary: c.monetary, recencyScore: c.recencyScore,
                frequencyScore: c.frequencyScore, monetaryScore: c.monetaryScore, segment: c.segment.rawValue,
                health: CustomerHealth.band(rfmSegment: c.segment.rawValue), cluster: label,
                persona: label.flatMap { clusters?.names[$0] })
        }
        out.segments = RFMSegmentSummary.summarize(rfm).map {
            CustomerInsights.Segment(
                name: $0.segment.rawValue, customers: $0.customers, customerShare: $0.customerShare,
                revenue: $0.revenue, revenueShare: $0.revenueShare, meanRecency: $0.meanRecency,
                meanFrequency: $0.meanFrequency, meanMonetary: $0.meanMonetary, action: $0.segment.suggestedAction)
        }
        if let clusters {
            out.personas = clusters.clusters.map { c in
                CustomerInsights.Persona(
                    index: c.index, label: c.label, size: c.size, customerShare: c.customerShare, revenue: c.revenue,
                    revenueShare: c.revenueShare, meanRecency: c.meanRecency, meanFrequency: c.meanFrequency,
                    meanMonetary: c.meanMonetary, action: c.action,
                    centroidRecency: clusters.centroids[c.index].recency,
                    centroidSpend: clusters.centroids[c.index].spend)
            }
        }
        return out
    }
}

extension ProfileEngine {
    /// The workspace's customer insights (`CustomerInsights`) as of `asOf`, default the
    /// workspace's today (`WorkspaceToday`), after folding new events. Computed off the
    /// engine on a copy of its state, so ingest is not held up meanwhile, and kept until the
    /// next event arrives.
    /// - Parameter personas: whether the persona clusters are needed (false skips k-means).
    public nonisolated func customerInsights(workspaceId: String, asOf: Date? = nil, personas: Bool = true)
        async throws -> CustomerInsights
    {
        let (s, today) = try await serialized(workspaceId) {
            _ = try await self.step(workspaceId)
            let s = try await self.state(workspaceId)
            return (s, s.today(wallClock: self.clock()))
        }
        let date = asOf ?? today
        let key = "\(s.profiles.lastSeq)|\(date.timeIntervalSince1970)"
        if let hit = await cachedInsights(workspaceId, key: key), hit.clustered || !personas { return hit }
        let insights = s.insights(asOf: date, personas: personas)
        await cacheInsights(workspaceId, key: key, insights)
        return insights
    }

    func cachedInsights(_ workspaceId: String, key: String) -> CustomerInsights? {
        insightCache[workspaceId].flatMap { $0.key == key ? $0.value : nil }
    }

    func cacheInsights(_ workspaceId: String, key: String, _ value: CustomerInsights) {
        insightCache[workspaceId] = (key, value)
    }
}
