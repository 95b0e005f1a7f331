import BeaconAnalytics
import BeaconCore
import BeaconStore
import Foundation

/// What a prediction refresh did.
public struct PredictionReport: Sendable, Equatable {
    public var customers: Int
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

    /// Batch refresh of model outputs on every profile with orders, then a full segment
    /// recompute: P(alive) and expected purchases from BG/NBD (Fader, Hardie & Lee 2005),
    /// spend per order from Gamma-Gamma (Fader, Hardie & Lee 2005b), predicted CLV = expected
    /// purchases in `clvHorizonDays` × expected spend (undiscounted), churn risk = 1 − P(alive),
    /// the RFM named segment (`RFMAnalysis`), and the k-means persona cluster (`BuyerClusters`).
    ///
    /// Inputs come from the profile's order totals, in days: x = orders − 1, t_x = last −
    /// first order, T = now − first order, spend = revenue / orders. (lifetimes counts repeat
    /// purchase *days*; two orders on one day count twice here.) Stops short of a model when
    /// fewer than 2 customers (RFM) or no repeat buyers (Gamma-Gamma) exist; the rest is kept.
    /// - Parameter clusterCount: k for the persona clusters (`BuyerClusters`), nil to choose it by silhouette.
    public func refreshPredictions(workspaceId: String, clusterCount: Int? = nil) async throws -> PredictionReport {
        try await serialized(workspaceId) { try await self.refreshNow(workspaceId, clusterCount: clusterCount) }
    }

    func refreshNow(_ workspaceId: String, clusterCount: Int?) async throws -> PredictionReport {
        var s = try await state(workspaceId)
        let now = clock()
        let buyers = s.profiles.profiles.filter { $0.value.orders.count > 0 && $0.value.orders.firstAt != nil }
            .sorted { $0.value.id < $1.value.id }
        var report = PredictionReport(customers: buyers.count, rfmScored: 0)
        guard !buyers.isEmpty else { return report }
        let day = 86_400.0
        let x = buyers.map { Double($0.value.orders.count - 1) }
        let tx = buyers.map { max(0, $0.value.orders.lastAt!.timeIntervalSince($0.value.orders.firstAt!) / day) }
        let T = buyers.enumerated().map { i, b in max(tx[i], now.timeIntervalSince(b.value.orders.firstAt!) / day) }
        let m = buyers.map { max(0.01, $0.value.orders.averageOrderValue) }
        var bgnbd: BGNBDModel?
        var gg: GammaGammaModel?
        if let data = try? CLVSummaryData(frequency: x, recency: zip(x, tx).map { $0 == 0 ? 0 : $1 }, T: T, monetaryValue: m) {
            let fit = BGNBDModel.fit(data)
            if fit.parameters.allSatisfy(\.isFinite) { bgnbd = fit.model; report.bgnbd = fit.parameters }
            if let g = try? GammaGammaModel.fit(data), g.parameters.allSatisfy(\.isFinite) { gg = g.model; report.gammaGamma = g.parameters }
        }
        // RFM from order totals: one line per order at the average value, plus refunds.
        var records: [OrderRecord] = []
        let today = Int((now.timeIntervalSince1970 / day).rounded(.down))
        for (node, b) in buyers {
            let o = b.orders
            let first = Int((o.firstAt!.timeIntervalSince1970 / day).rounded(.down))
            let last = Int((o.lastAt!.timeIntervalSince1970 / day).rounded(.down))
            for k in 0..<o.count {
                records.append(OrderRecord(customerID: b.id, orderID: "\(node)-\(k)", day: k == 0 ? first : last, amount: o.averageOrderValue))
            }
            if o.refunded > 0 { records.append(OrderRecord(customerID: b.id, orderID: "\(node)-r", day: last, amount: -o.refunded)) }
        }
        var rfm: [String: String] = [:]
        if let analysis = try? RFMAnalysis(orders: records, asOfDay: today) {
            for c in analysis.customers { rfm[c.customerID] = c.segment.rawValue }
            report.rfmScored = analysis.customers.count
        }
        let clusters = BuyerClusters(recency: buyers.map { now.timeIntervalSince($0.value.orders.lastAt!) / day }, frequency: x.map { $0 + 1 },
                                     monetary: buyers.map { $0.value.orders.lifetimeValue }, k: clusterCount)
        report.clusterCount = clusters?.k
        report.personas = clusters.map { c in c.names.keys.sorted().map { c.names[$0]! } } ?? []
        var changes = ProfileChangeSet(workspaceId: workspaceId, lastSeq: s.profiles.lastSeq, mergeCount: s.mergeCount)
        changes.changedAt = now
        for (i, (node, b)) in buyers.enumerated() {
            var p = ProfilePredictions(rfmSegment: rfm[b.id], refreshedAt: now)
            p.cluster = clusters?.labels[i]
            p.clusterPersona = clusters.flatMap { $0.names[$0.labels[i]] }
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
        s.recompute(segmentIds: s.segments.map(\.id), asOf: now, into: &changes)
        try await store.apply(changes)
        states[workspaceId] = s
        return report
    }
}
