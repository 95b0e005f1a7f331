import BeaconCore
import BeaconEngine
import Foundation

/// The Journeys page's view: every journey of the workspace with its status, live version and
/// the people in it now.
struct JourneysPage: Sendable {
    struct Row: Sendable {
        var name: String
        var href: String
        var status: String
        var live: String
        var versions: Int
        var active: String
        var completed: String
    }

    var rows: [Row]
    var empty: Bool
    /// Every journey (`journeys`): the rows above show its cells, the CSV download writes them.
    var table: DashboardTable
    var tables: [DashboardTable] { empty ? [] : [table] }

    init(_ journeys: [(Journey, [JourneyFunnelStep])], query: String) {
        table = DashboardTable(
            id: "journeys", title: "Journeys of this workspace",
            columns: [
                .init("Journey"), .init("Id"), .init("Status"), .init("Live version"),
                .init("Published versions", .count), .init("In it now", .count), .init("Finished", .count),
            ],
            rows: journeys.map { j, funnel -> [DashboardTable.Cell] in
                [
                    .text(j.name), .text(j.id), .text(j.status.rawValue), .text(j.liveVersion.map { "v\($0)" } ?? "—"),
                    .count(j.history.count), .count(funnel.map(\.waiting).reduce(0, +)),
                    .count(funnel.map { $0.completed + $0.converted + $0.exited }.reduce(0, +)),
                ]
            },
            currency: .usDollar)
        rows = zip(journeys, table.rows).map { journey, cells in
            let show = cells.map { $0.display(.usDollar) }
            return Row(
                name: show[0], href: "/dashboard/journeys" + "/" + DashboardQuery.encode(journey.0.id) + query,
                status: show[2], live: show[3], versions: journey.0.history.count, active: show[5], completed: show[6])
        }
        empty = journeys.isEmpty
    }
}

/// One journey: its settings, the steps of each version with the per-step funnel (the people
/// waiting at each step now among them), its versions and its experiments.
struct JourneyDetailPage: Sendable {
    struct Step: Sendable {
        var id: String
        var type: String
        var detail: String
        var next: String
        var entered: String
        var waiting: String
        var advanced: String
        var migrated: String
        var completed: String
        var exited: String
        var converted: String
        var failed: String
    }

    struct Version: Sendable {
        var version: Int
        var state: String
        var created: String
        var published: String
        var steps: [Step]
        var hasSteps: Bool
        /// The steps as a table (`steps_v<version>`), for the version's CSV download.
        var table: DashboardTable
        /// The version's funnel rows add up (entered = waiting + every departure).
        var people: String
    }

    struct Arm: Sendable {
        var name: String
        var people: String
        var conversions: String
        var rate: String
        var lift: String
        var pValue: String
        var interval: String
    }

    struct Experiment: Sendable {
        var name: String
        var step: String
        var version: Int
        var arms: [Arm]
        var sampleRatio: String
        var mismatch: Bool
        /// The arms as a table (`experiment_<n>`, n counting from 1 in the page's order), for the CSV download.
        var table: DashboardTable
    }

    var id: String
    var name: String
    var status: String
    var live: String
    var settings: [String]
    var versions: [Version]
    var experiments: [Experiment]
    var hasExperiments: Bool
    var backHref: String
    /// Every version's steps, then every experiment's arms.
    var tables: [DashboardTable] { versions.map(\.table) + experiments.map(\.table) }

    init(
        journey j: Journey, versions: [JourneyVersion], funnel: [JourneyFunnelStep],
        experiments: [JourneyExperimentReport], query: String
    ) {
        id = j.id
        name = j.name
        status = j.status.rawValue
        live = j.liveVersion.map { "v\($0)" } ?? "none (draft)"
        backHref = "/dashboard/journeys" + query
        let shown = versions.first { $0.version == j.liveVersion } ?? versions.last
        settings = shown.map { Self.settings($0.definition) } ?? []
        let byVersion = Dictionary(grouping: funnel, by: \.version)
        // Newest first: the live or draft version is what one looks at first.
        self.versions = versions.reversed().map { v in
            let rows = Dictionary(uniqueKeysWithValues: (byVersion[v.version] ?? []).map { ($0.step, $0) })
            let funnelRows = v.definition.steps.map { s in rows[s.id] ?? JourneyFunnelStep(version: v.version, step: s.id) }
            let table = DashboardTable(
                id: "steps_v\(v.version)", title: "Steps of version \(v.version) with the people who reached each",
                columns: [
                    .init("Step"), .init("Type"), .init("Settings"), .init("Next"), .init("Entered", .count),
                    .init("Waiting", .count), .init("Advanced", .count), .init("Migrated", .count),
                    .init("Completed", .count), .init("Exited", .count), .init("Converted", .count), .init("Failed", .count),
                ],
                rows: zip(v.definition.steps, funnelRows).map { s, r -> [DashboardTable.Cell] in
                    [
                        .text(s.id), .text(s.type.rawValue), .text(Self.detail(s)), .text(s.successors.joined(separator: ", ")),
                        .count(r.entered), .count(r.waiting), .count(r.advanced), .count(r.migrated), .count(r.completed),
                        .count(r.exited), .count(r.converted), .count(r.failed),
                    ]
                },
                currency: .usDollar)
            let steps = table.rows.map { cells in
                let t = cells.map { $0.display(.usDollar) }
                return Step(
                    id: t[0], type: t[1], detail: t[2], next: t[3], entered: t[4], waiting: t[5], advanced: t[6],
                    migrated: t[7], completed: t[8], exited: t[9], converted: t[10], failed: t[11])
            }
            let state =
                v.version == j.liveVersion
                ? "live" : v.publishedAt == nil ? "draft" : j.history.contains(v.version) ? "published" : "rolled back"
            return Version(
                version: v.version, state: state, created: DashboardFormat.day(v.createdAt),
                published: v.publishedAt.map(DashboardFormat.day) ?? "—", steps: steps, hasSteps: !steps.isEmpty, table: table,
                people: DashboardFormat.count((byVersion[v.version] ?? []).map(\.waiting).reduce(0, +)))
        }
        self.experiments = experiments.enumerated().map { n, e in
            let table = DashboardTable(
                id: "experiment_\(n + 1)", title: "\(e.experiment) (step \(e.step), version \(e.version))",
                columns: [
                    .init("Variant"), .init("People", .count), .init("Conversions", .count), .init("Rate", .share),
                    .init("Difference vs control", .share), .init("p-value", .number), .init("Interval lower", .share),
                    .init("Interval upper", .share),
                ],
                rows: e.arms.map { a -> [DashboardTable.Cell] in
                    let share = { (v: Double?) in v.map { DashboardTable.Cell.share($0, digits: 1) } ?? .empty }
                    return [
                        .text(a.name + (a.holdout ? " (holdout)" : "")), .count(a.people), .count(a.conversions),
                        a.people == 0 ? .empty : .share(Double(a.conversions) / Double(a.people), digits: 1),
                        share(a.lift), a.pValue.map { DashboardTable.Cell.number($0, digits: 3) } ?? .empty, share(a.lower), share(a.upper),
                    ]
                },
                currency: .usDollar)
            return Experiment(
                name: e.experiment, step: e.step, version: e.version,
                arms: table.rows.map { c in
                    let t = c.map { $0.display(.usDollar) }
                    let dash = { (cell: DashboardTable.Cell, text: String) in cell == .empty ? "—" : text }
                    return Arm(
                        name: t[0], people: t[1], conversions: t[2], rate: dash(c[3], t[3]), lift: dash(c[4], t[4]),
                        pValue: dash(c[5], t[5]),
                        interval: c[6] == .empty || c[7] == .empty ? "—" : t[6] + " to " + t[7])
                },
                sampleRatio: String(format: "%.3f", e.sampleRatioPValue), mismatch: e.sampleRatioMismatch, table: table)
        }
        hasExperiments = !experiments.isEmpty
    }

    /// What the version's trigger, goal, exits, re-entry, resume and send rules are, one line each.
    static func settings(_ d: JourneyDefinition) -> [String] {
        var out = ["Starts on " + trigger(d.trigger)]
        if let goal = d.goal { out.append("Converts on " + trigger(goal)) }
        for e in d.exitWhen ?? [] { out.append("Exits at once on " + trigger(e)) }
        out.append("Re-entry: \(d.reentry.rawValue); on resume: \(d.resume.rawValue)")
        if let q = d.quietHours { out.append("Quiet hours \(q.start)–\(q.end) in the profile's time zone") }
        if let c = d.frequencyCap {
            out.append("At most \(c.sends) send(s) per \(ChartUnit.compact(c.seconds / 3_600)) h from all journeys")
        }
        if let z = d.timeZone { out.append("Time zone when the profile has none: \(z)") }
        return out
    }

    static func trigger(_ t: JourneyTrigger) -> String {
        switch t.type {
        case .segmentEntered: return "entering segment \(t.segment ?? "")"
        case .segmentExited: return "leaving segment \(t.segment ?? "")"
        case .event:
            let filter = t.properties.map { " where " + JSONValue.object($0).serialized() } ?? ""
            return "event \(t.event ?? "")" + filter
        }
    }

    /// A step's own settings in a few words.
    static func detail(_ s: JourneyStep) -> String {
        switch s.type {
        case .wait: return "\(ChartUnit.compact((s.seconds ?? 0) / 3_600)) h"
        case .waitUntil:
            return "until \(s.at ?? "")" + (s.weekdays.map { " on ISO days " + $0.map(String.init).joined(separator: ",") } ?? "")
        case .waitForEvent:
            return "for \(s.event ?? "") up to \(ChartUnit.compact((s.timeoutSeconds ?? 0) / 3_600)) h, else \(s.timeoutNext ?? "end")"
        case .branch: return "if " + (s.rule?.serialized() ?? "") + ", else \(s.elseNext ?? "end")"
        case .split:
            return "\(s.experiment ?? ""): " + (s.variants ?? []).map { "\($0.name) \(ChartUnit.compact($0.weight))" }
                .joined(separator: " / ")
        case .send: return "to \(s.destination ?? "")"
        case .updateTrait: return "\(s.trait ?? "") = " + (s.value?.serialized() ?? "null")
        case .exit: return ""
        }
    }
}
