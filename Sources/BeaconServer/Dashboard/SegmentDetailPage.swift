import BeaconCore
import BeaconEngine
import Foundation

/// One segment in detail: size and revenue share, size over time (replayed from the
/// entered/exited log), how it overlaps the other segments, a sample of members and the CSV
/// export form with the traits to include.
struct SegmentDetailPage: Sendable {
    struct Member: Sendable {
        var name: String
        var email: String
        var href: String
        var ltv: String
        var orders: String
    }

    struct OverlapRow: Sendable {
        var name: String
        var href: String
        var both: String
        var shareOfThis: String
        var shareOfOther: String
        var jaccard: String
    }

    struct TraitOption: Sendable {
        var inputId: String
        var name: String
        var checked: Bool
    }

    /// Traits ticked in the export form by default (the token API's default columns).
    static let defaultExportTraits = ["email", "name", "lifetime_value", "order_count"]
    /// Days of recorded membership changes before the size chart draws them rather than the
    /// size replayed from the event history.
    static let recordedDaysForChart = 14

    var id: String
    var name: String
    var description: String
    var rule: String
    var kind: String
    var editHref: String
    var exportAction: String
    var kpis: [KPICard]
    var sizeChart: String
    /// Says where the size chart's figures come from.
    var sizeNote: String
    var revenueChart: String
    /// Mustache treats an empty string as true, so the charts' presence is a flag.
    var hasSizeChart: Bool
    var hasRevenueChart: Bool
    var overlap: [OverlapRow]
    var hasOverlap: Bool
    /// The segments sharing members with this one (`overlap`): the rows above show its cells,
    /// the CSV download writes them. (The members leave through the page's audited export.)
    var overlapTable: DashboardTable
    var tables: [DashboardTable] { hasOverlap ? [overlapTable] : [] }
    var members: [Member]
    var hasMembers: Bool
    var traits: [TraitOption]

    /// - Parameters:
    ///   - members: every segment's member ids (this one's included).
    ///   - history: daily sizes from `SegmentSizeHistory` (recorded changes).
    ///   - replayed: sizes replayed from the event history, drawn instead of `history` when
    ///     given (the route replays only while `history` covers fewer than
    ///     `recordedDaysForChart` days).
    ///   - revenue: the segment's and the workspace's lifetime value.
    ///   - query: `?ws=<name>` for links.
    init(
        segment s: SegmentDefinition, all: [SegmentDefinition], members: [String: Set<String>], profileCount: Int,
        history: [(day: Date, size: Int)], replayed: [ReplayedSize] = [], replaySample: Int? = nil,
        revenue: (revenue: Double, total: Double),
        sample: [Profile],
        ownTraits: [String], query: String, currency: DashboardCurrency
    ) {
        id = s.id
        name = s.name
        description = s.description
        rule = s.rule.serialized()
        kind = s.system ? "built in" : "custom"
        let encoded = DashboardQuery.encode(s.id)
        editHref = "/dashboard/segments/\(encoded)/edit" + query
        exportAction = "/dashboard/segments/\(encoded)/export.csv"
        let mine = members[s.id] ?? []
        let revenueShare = revenue.total > 0 ? revenue.revenue / revenue.total : 0
        kpis = [
            KPICard(label: "Members", value: DashboardFormat.count(mine.count)),
            KPICard(
                label: "Share of profiles",
                value: profileCount > 0 ? DashboardFormat.percent(Double(mine.count) / Double(profileCount)) : "–",
                note: "of \(DashboardFormat.count(profileCount)) profiles"),
            KPICard(label: "Lifetime revenue", value: currency.format(revenue.revenue)),
            KPICard(
                label: "Revenue share", value: revenue.total > 0 ? DashboardFormat.percent(revenueShare) : "–",
                note: "of \(currency.format(revenue.total)) from all profiles"),
        ]
        if replayed.count >= 2 {
            sizeChart = LineChart(
                title: "Members of \(s.name), replayed from the event history",
                categories: replayed.map { DashboardFormat.day($0.at) },
                series: [ChartSeries(name: s.name, values: replayed.map { Double($0.size) })], style: .area,
                unit: .count, xTitle: "Date (UTC)", yTitle: "Members"
            ).svg()
            sizeNote =
                "Replayed from the event history until recorded changes cover \(Self.recordedDaysForChart) days: each profile as it stood on each date (orders, refunds, emails, tickets and tracked events up to then), with traits as last set and today's predictions."
                + (replaySample.map { " Estimated from an evenly spread sample of \(DashboardFormat.count($0)) of the \(DashboardFormat.count(profileCount)) profiles." } ?? "")
        } else if history.count >= 2 {
            sizeChart = LineChart(
                title: "Members of \(s.name) per day", categories: history.map { DashboardFormat.day($0.day) },
                series: [ChartSeries(name: s.name, values: history.map { Double($0.size) })], style: .area,
                unit: .count, xTitle: "Day (UTC)", yTitle: "Members"
            ).svg()
            sizeNote = "Recorded from who entered and left the segment, day by day."
        } else {
            sizeChart = ""
            sizeNote = ""
        }
        revenueChart =
            revenue.total > 0
            ? DonutChart(
                title: "Lifetime revenue: \(s.name) and everyone else",
                slices: [(s.name, revenue.revenue), ("Everyone else", max(0, revenue.total - revenue.revenue))],
                unit: .money(symbol: currency.symbol)
            ).svg() : ""
        hasSizeChart = !sizeChart.isEmpty
        hasRevenueChart = !revenueChart.isEmpty
        let shared = all.filter { $0.id != s.id }.compactMap {
            other -> (both: Int, other: SegmentDefinition, cells: [DashboardTable.Cell])? in
            let theirs = members[other.id] ?? []
            let both = mine.intersection(theirs).count
            let union = mine.count + theirs.count - both
            guard both > 0 else { return nil }
            let cells: [DashboardTable.Cell] = [
                .text(other.name), .count(both), .share(Double(both) / Double(mine.count), digits: 1),
                .share(Double(both) / Double(theirs.count), digits: 1), .number(Double(both) / Double(union), digits: 2),
            ]
            return (both, other, cells)
        }.sorted { $0.both == $1.both ? $0.other.name < $1.other.name : $0.both > $1.both }
        overlapTable = DashboardTable(
            id: "overlap", title: "Segments sharing members with this one, most shared first",
            columns: [
                .init("Segment"), .init("Shared members", .count), .init("Share of this segment", .share),
                .init("Share of that segment", .share), .init("Jaccard index", .number),
            ],
            rows: shared.map(\.cells), currency: .usDollar)
        overlap = shared.map { o in
            let t = o.cells.map { $0.display(.usDollar) }
            return OverlapRow(
                name: t[0], href: "/dashboard/segments/" + DashboardQuery.encode(o.other.id) + query, both: t[1],
                shareOfThis: t[2], shareOfOther: t[3], jaccard: t[4])
        }
        hasOverlap = !overlap.isEmpty
        let customers = "/dashboard/customers" + query + "&id="
        self.members = sample.map { p in
            Member(
                name: p.name ?? p.identifiers.first?.value ?? p.id, email: p.email ?? "",
                href: customers + DashboardQuery.encode(p.id), ltv: currency.format(p.orders.lifetimeValue),
                orders: DashboardFormat.count(p.orders.count))
        }
        hasMembers = !sample.isEmpty
        var names = Self.defaultExportTraits
        for t in Profile.computedTraitNames + ownTraits where !names.contains(t) { names.append(t) }
        traits = names.enumerated().map {
            TraitOption(inputId: "export-trait-\($0.offset)", name: $0.element, checked: Self.defaultExportTraits.contains($0.element))
        }
    }
}
