import BeaconCore
import Foundation

/// The segments page: every segment with its rule and live size, and a heat-map of how the
/// largest segments overlap (row segment's members that are also in the column segment).
struct SegmentsPage: Sendable {
    struct Row: Sendable {
        var name: String
        var description: String
        var rule: String
        var size: String
        var share: String
        var kind: String
        var href: String
        var editHref: String
    }

    /// Segments shown in the overlap heat-map (largest first).
    static let overlapLimit = 8

    var empty: Bool
    var profiles: String
    var rows: [Row]
    /// Every segment with its size (`segments`): the rows above show its cells, the CSV download writes them.
    var table: DashboardTable
    var tables: [DashboardTable] { empty ? [] : [table] }
    var overlap: String
    /// The rule builder for a new segment.
    var newHref: String

    /// - Parameter query: `?ws=<name>` for links.
    init(
        segments: [SegmentDefinition], members: [String: Set<String>], profileCount: Int,
        query: String
    ) {
        newHref = "/dashboard/segments/new" + query
        empty = segments.isEmpty
        profiles = DashboardFormat.count(profileCount)
        let sized: [(segment: SegmentDefinition, size: Int)] = segments.map { s in (s, members[s.id]?.count ?? 0) }
            .sorted { a, b in a.size == b.size ? a.segment.name < b.segment.name : a.size > b.size }
        table = DashboardTable(
            id: "segments", title: "Segments, largest first",
            columns: [
                .init("Segment"), .init("Id"), .init("Members", .count), .init("Share of profiles", .share), .init("Rule"),
                .init("Kind"),
            ],
            rows: sized.map { s, n -> [DashboardTable.Cell] in
                [
                    .text(s.name), .text(s.id), .count(n),
                    profileCount > 0 ? .share(Double(n) / Double(profileCount), digits: 1) : .empty,
                    .text(s.rule.serialized()), .text(s.system ? "built in" : "custom"),
                ]
            },
            currency: .usDollar)
        rows = zip(sized, table.rows).map { sized, cells in
            let s = sized.segment
            return Row(
                name: s.name, description: s.description, rule: s.rule.serialized(), size: cells[2].display(.usDollar),
                share: cells[3].display(.usDollar), kind: cells[5].display(.usDollar),
                href: "/dashboard/segments/" + DashboardQuery.encode(s.id) + query,
                editHref: "/dashboard/segments/" + DashboardQuery.encode(s.id) + "/edit" + query)
        }
        let top: [SegmentDefinition] = sized.filter { $0.size > 0 }.prefix(Self.overlapLimit).map { $0.segment }
        guard top.count >= 2 else {
            overlap = ""
            return
        }
        let sets: [Set<String>] = top.map { members[$0.id] ?? [] }
        let values: [[Double?]] = sets.map { a in
            sets.map { b in a.isEmpty ? nil : Double(a.intersection(b).count) / Double(a.count) }
        }
        overlap = HeatMap(
            title: "Segment overlap: share of the row segment's members also in the column segment",
            rowLabels: top.map { $0.name }, columnLabels: top.map { $0.name }, values: values, unit: .percent
        ).svg()
    }
}
