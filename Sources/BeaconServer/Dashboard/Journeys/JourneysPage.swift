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

    init(_ journeys: [(Journey, [JourneyFunnelStep])], query: String) {
        rows = journeys.map { j, funnel in
            Row(
                name: j.name, href: "/dashboard/journeys" + "/" + DashboardQuery.encode(j.id) + query,
                status: j.status.rawValue, live: j.liveVersion.map { "v\($0)" } ?? "—", versions: j.history.count,
                active: DashboardFormat.count(funnel.map(\.waiting).reduce(0, +)),
                completed: DashboardFormat.count(funnel.map { $0.completed + $0.converted + $0.exited }.reduce(0, +)))
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
            let c = DashboardFormat.count
            let steps = v.definition.steps.map { s in
                let r = rows[s.id] ?? JourneyFunnelStep(version: v.version, step: s.id)
                return Step(
                    id: s.id, type: s.type.rawValue, detail: Self.detail(s), next: s.successors.joined(separator: ", "),
                    entered: c(r.entered), waiting: c(r.waiting), advanced: c(r.advanced), migrated: c(r.migrated),
                    completed: c(r.completed), exited: c(r.exited), converted: c(r.converted), failed: c(r.failed))
            }
            let state =
                v.version == j.liveVersion
                ? "live" : v.publishedAt == nil ? "draft" : j.history.contains(v.version) ? "published" : "rolled back"
            return Version(
                version: v.version, state: state, created: DashboardFormat.day(v.createdAt),
                published: v.publishedAt.map(DashboardFormat.day) ?? "—", steps: steps, hasSteps: !steps.isEmpty,
                people: c((byVersion[v.version] ?? []).map(\.waiting).reduce(0, +)))
        }
        self.experiments = experiments.map { e in
            Experiment(
                name: e.experiment, step: e.step, version: e.version,
                arms: e.arms.map { a in
                    Arm(
                        name: a.name + (a.holdout ? " (holdout)" : ""), people: DashboardFormat.count(a.people),
                        conversions: DashboardFormat.count(a.conversions),
                        rate: a.people == 0 ? "—" : DashboardFormat.percent(Double(a.conversions) / Double(a.people)),
                        lift: a.lift.map { DashboardFormat.percent($0) } ?? "—",
                        pValue: a.pValue.map { String(format: "%.3f", $0) } ?? "—",
                        interval: a.lower.flatMap { l in
                            a.upper.map { u in DashboardFormat.percent(l) + " to " + DashboardFormat.percent(u) }
                        } ?? "—")
                },
                sampleRatio: String(format: "%.3f", e.sampleRatioPValue), mismatch: e.sampleRatioMismatch)
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
