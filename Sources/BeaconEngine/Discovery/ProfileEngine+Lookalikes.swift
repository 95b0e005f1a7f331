import BeaconAnalytics
import BeaconCore
import BeaconStore
import Foundation

extension ProfileEngine {
    /// Grows a lookalike audience from a seed segment and saves it as a segment.
    ///
    /// Behavioural features (`LookalikeFeatureTable`: recency, orders, spend, average order,
    /// tenure, category shares) come from the orders and refunds the analytics port answers
    /// up to `asOf` (the workspace's today when nil) and from the product categories of the
    /// basket port, gathered per profile through its user and anonymous ids. Every buyer
    /// outside the seed is ranked by `LookalikeModel`; the audience is the top `sizePercent` %
    /// of the workspace's profiles (fewer when fewer people bought). The saved segment lists
    /// its members by `profile_id`, so it is a plain rule segment: activations and journeys
    /// use it as any other.
    /// - Throws: `SegmentRequestError` naming the field: `seed_segment` (not found, or fewer than
    ///   100 buyers), `size_percent` (outside 1–10), `name`.
    public func lookalike(
        workspaceId: String, seedSegmentId: String, sizePercent: Double, asOf requested: Date? = nil,
        name: String? = nil, analytics: any AnalyticsQueries, baskets: any ProductBasketQueries
    ) async throws -> LookalikeAudience {
        do {
            return try await growLookalike(
                workspaceId: workspaceId, seedSegmentId: seedSegmentId, sizePercent: sizePercent, asOf: requested,
                name: name, analytics: analytics, baskets: baskets)
        } catch let e as RecommendationError {
            throw SegmentRequestError(field: e.field, reason: e.message)
        }
    }

    private func growLookalike(
        workspaceId: String, seedSegmentId: String, sizePercent: Double, asOf requested: Date?,
        name: String?, analytics: any AnalyticsQueries, baskets: any ProductBasketQueries
    ) async throws -> LookalikeAudience {
        _ = try LookalikeModel.size(percent: sizePercent, population: 1)
        guard let seedSegment = try await store.segment(workspaceId: workspaceId, id: seedSegmentId) else {
            throw SegmentRequestError(field: "seed_segment", reason: "names no segment of this workspace", notFound: true)
        }
        let asOf: Date
        if let requested { asOf = requested } else { asOf = try await today(workspaceId: workspaceId) }
        let (seedProfiles, profileOf, population) = try await serialized(workspaceId) {
            _ = try await self.step(workspaceId)
            let s = try await self.state(workspaceId)
            var profileOf: [String: String] = [:]
            for (_, p) in s.profiles.profiles {
                for id in p.identifiers where id.kind == Identifier.userId || id.kind == Identifier.anonymousId {
                    profileOf[id.value] = p.id
                }
            }
            return (s.members[seedSegmentId] ?? [], profileOf, s.profiles.profiles.count)
        }
        // The as-of instant is inclusive: the workspace's today is its last event, which counts.
        let until = asOf.addingTimeInterval(0.001)
        var orders: [OrderRecord] = []
        for order in try await analytics.orders(in: workspaceId, from: nil, to: until) {
            let f = order.fact
            guard let person = f.person, let profile = profileOf[person] else { continue }
            let amount = f.kind == .refund ? -abs(f.amount ?? 0) : (f.amount ?? 0)
            orders.append(OrderRecord(
                customerID: profile, orderID: f.orderId ?? f.messageId, day: WorkspaceToday.dayNumber(f.time),
                amount: amount))
        }
        var categories: [String: [String: Double]] = [:]
        for basket in try await baskets.baskets(in: workspaceId, from: nil, to: until) {
            guard let profile = profileOf[basket.person] else { continue }
            for line in basket.products {
                if let category = line.category { categories[profile, default: [:]][category, default: 0] += 1 }
            }
        }
        guard !orders.isEmpty else {
            throw RecommendationError(
                .tooFewRows, field: "seed_segment", "the workspace has no orders before the as-of date to learn from")
        }
        let table = try LookalikeFeatureTable(
            orders: orders, asOfDay: WorkspaceToday.dayNumber(asOf), categories: categories)
        let ranked = try LookalikeModel.rank(table, seed: seedProfiles)
        let size = try LookalikeModel.size(percent: sizePercent, population: population)
        let members = ranked.prefix(size).map {
            LookalikeAudience.Member(profileId: $0.person, rank: $0.rank, score: $0.score, reasons: $0.reasons)
        }
        let percentText = sizePercent == sizePercent.rounded() ? String(Int(sizePercent)) : String(sizePercent)
        let day = String(Timestamp.format(asOf).prefix(10))
        let saved = try await saveSegment(
            workspaceId: workspaceId, id: "lookalike-\(seedSegmentId)-\(percentText.replacingOccurrences(of: ".", with: "-"))",
            name: name ?? "Lookalike \(percentText) % of \(seedSegment.name)",
            description: "Lookalike of segment \(seedSegmentId), \(percentText) % of the workspace, as of \(day)",
            rule: .object(["profile_id": .object(["in": .array(members.map { .string($0.profileId) })])]))
        return LookalikeAudience(
            segment: saved.segment, seedSegmentId: seedSegmentId, sizePercent: sizePercent, asOf: asOf,
            seedBuyers: table.people.filter { seedProfiles.contains($0) }.count, population: population,
            features: table.names, members: Array(members))
    }
}

extension BeaconRuntime {
    /// `ProfileEngine.lookalike` over this runtime's analytics and product-basket ports.
    public func lookalike(workspaceId: String, seedSegmentId: String, sizePercent: Double, asOf: Date? = nil,
                          name: String? = nil) async throws -> LookalikeAudience {
        try await profiles.lookalike(
            workspaceId: workspaceId, seedSegmentId: seedSegmentId, sizePercent: sizePercent, asOf: asOf, name: name,
            analytics: stores.analytics, baskets: stores.baskets)
    }
}
