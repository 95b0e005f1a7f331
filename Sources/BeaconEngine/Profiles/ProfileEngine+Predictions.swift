import BeaconAnalytics
import BeaconCore
import BeaconStore
import Foundation

/// What a prediction refresh did.
public struct PredictionReport: Sendable, Equatable {
    public var customers: Int
    /// The date the models were evaluated as of (also stored with each profile's predictions).
    public var asOf: Date? = nil
    /// BG/NBD parameters (r, α, a, b), nil when the fit was not possible (too few buyers).
    public var bgnbd: [Double]?
    /// Gamma-Gamma parameters (p, q, γ), nil when not possible (no repeat buyers).
    public var gammaGamma: [Double]?
    public var rfmScored: Int
    /// The number of persona clusters (nil: too few buyers to cluster) and their names.
    public var clusterCount: Int?
    public var personas: [String] = []
}

extension ProfileEngine {
    /// Days ahead the predicted CLV covers.
    public static let clvHorizonDays = 365.0

    /// Batch refresh of model outputs as of a date on every profile with orders by then, then a
    /// full segment recompute as of the same date: P(alive) and expected purchases from BG/NBD
    /// (Fader, Hardie & Lee 2005), spend per order from Gamma-Gamma (Fader, Hardie & Lee
    /// 2005b), predicted CLV = expected purchases in `clvHorizonDays` × expected spend
    /// (undiscounted), churn risk = 1 − P(alive), and from `CustomerInsights` — the one RFM and
    /// persona clustering every page uses — the RFM named segment and the persona cluster.
    ///
    /// BG/NBD inputs come from each profile's orders up to the as-of date
    /// (`Profile.replayed(asOf:history:)`), in days: x = orders − 1, t_x = last − first order,
    /// T = as-of − first order, spend = revenue / orders. (lifetimes counts repeat purchase
    /// *days*; two orders on one day count twice here.) The as-of date is stored with each
    /// profile's predictions. Stops short of a model when fewer than 2 customers (RFM) or no
    /// repeat buyers (Gamma-Gamma) exist; the rest is kept.
    /// - Parameters:
    ///   - asOf: the date to evaluate as of; nil for the workspace's today (`WorkspaceToday`).
    ///   - clusterCount: k for the persona clusters (`PersonaClusters`), nil to choose it by silhouette.
    public func refreshPredictions(workspaceId: String, asOf: Date? = nil, clusterCount: Int? = nil) async throws
        -> PredictionReport
    {
        try await committing(workspaceId) { try await self.refreshNow(workspaceId, asOf: asOf, clusterCount: clusterCount) }
    }

    func refreshNow(_ workspaceId: String, asOf requested: Date? = nil, clusterCount: Int?) async throws
        -> PredictionReport
    {
        var s = try await state(workspaceId)
        let now = clock()
        let asOf = requested ?? s.today(wallClock: now)
        let buyers: [(key: Int, value: Profile)] = s.profiles.profiles.compactMap { node, p in
            guard p.orders.count > 0,
                let then = p.replayed(asOf: asOf, history: s.profiles.activities[node] ?? [:]),
                then.orders.count > 0, then.orders.firstAt != nil
            else { return nil }
            return (node, then)
        }.sorted { $0.value.id < $1.value.id }
        var report = PredictionReport(customers: buyers.count, rfmScored: 0)
        report.asOf = asOf
        guard !buyers.isEmpty else { return report }
        let day = 86_400.0
        let x = buyers.map { Double($0.value.orders.count - 1) }
        let tx = buyers.map { max(0, $0.value.orders.lastAt!.timeIntervalSince($0.value.orders.firstAt!) / day) }
        let T = buyers.enumerated().map { i, b in max(tx[i], asOf.timeIntervalSince(b.value.orders.firstAt!) / day) }
        let m = buyers.map { max(0.01, $0.value.orders.averageOrderValue) }
        var bgnbd: BGNBDModel?
        var gg: GammaGammaModel?
        if let data = try? CLVSummaryData(frequency: x, recency: zip(x, tx).map { $0 == 0 ? 0 : $1 }, T: T, monetaryValue: m) {
            let fit = BGNBDModel.fit(data)
            if fit.parameters.allSatisfy(\.isFinite) { bgnbd = fit.model; report.bgnbd = fit.parameters }
            if let g = try? GammaGammaModel.fit(data), g.parameters.allSatisfy(\.isFinite) { gg = g.model; report.gammaGamma = g.parameters }
        }
        let insights = s.insights(asOf: asOf, clusterCount: clusterCount)
        cacheInsights(workspaceId, key: "\(s.profiles.lastSeq)|\(asOf.timeIntervalSince1970)", insights)
        let scored = Dictionary(uniqueKeysWithValues: insights.customers.map { ($0.profileId, $0) })
        report.rfmScored = insights.customers.count
        report.clusterCount = insights.personas.isEmpty ? nil : insights.personas.map(\.index).max()! + 1
        report.personas = insights.personas.sorted { $0.index < $1.index }.map(\.label)
        var changes = ProfileChangeSet(workspaceId: workspaceId, lastSeq: s.profiles.lastSeq, mergeCount: s.mergeCount)
        changes.foldedFrom = s.profiles.lastSeq
        changes.changedAt = now
        for (i, (node, b)) in buyers.enumerated() {
            let c = scored[b.id]
            var p = ProfilePredictions(rfmSegment: c?.segment, asOf: asOf, refreshedAt: now)
            p.cluster = c?.cluster
            p.clusterPersona = c?.persona
            if let bgnbd {
                // A degenerate fit (a handful of buyers) can give non-finite values: those stay unset.
                let alive = bgnbd.probabilityAlive(frequency: x[i], recency: x[i] == 0 ? 0 : tx[i], T: T[i])
                if alive.isFinite {
                    p.pAlive = alive
                    p.churnRisk = 1 - alive
                }
                let purchases = bgnbd.expectedPurchases(in: Self.clvHorizonDays, frequency: x[i], recency: x[i] == 0 ? 0 : tx[i], T: T[i])
                let spend = gg?.expectedAverageValue(frequency: x[i], monetaryValue: m[i]) ?? m[i]
                if (purchases * spend).isFinite { p.predictedCLV = purchases * spend }
            }
            s.profiles.profiles[node]?.predictions = p
            if let updated = s.profiles.profiles[node] { changes.upserts.append(updated) }
        }
        // A profile scored by an earlier refresh with no order by this as-of date is not scored now.
        let scoredNodes = Set(buyers.map(\.key))
        for (node, p) in s.profiles.profiles where p.predictions != nil && !scoredNodes.contains(node) {
            s.profiles.profiles[node]?.predictions = nil
            if let updated = s.profiles.profiles[node] { changes.upserts.append(updated) }
        }
        s.recompute(segmentIds: s.segments.map(\.id), asOf: asOf, into: &changes)
        s.queueActivations(into: &changes, events: [], workspaceId: workspaceId)
        try await commit(changes)
        states[workspaceId] = s
        return report
    }
}
