import BeaconCore
import Foundation

/// The customers page: search profiles by email, name or identifier prefix, and one
/// unified profile — traits with their source, identifiers, orders, CLV and churn risk
/// predictions, and the latest events of the person.
struct CustomersPage: Sendable {
    struct Result: Sendable {
        var name: String
        var email: String
        var href: String
        var ltv: String
        var orders: String
        var lastSeen: String
    }

    struct Pair: Sendable {
        var key: String
        var value: String
        var note: String
    }

    struct Detail: Sendable {
        var title: String
        var kpis: [KPICard]
        var traits: [Pair]
        var identifiers: [Pair]
        var timeline: [DataPage.EventRow]
        var nextAction: String
        /// Who read or changed this profile (shown to admins and owners).
        var audit: AuditPanel?
        /// Products recommended from the orders up to the page's as-of date.
        var recommendations: RecommendedProducts?
    }

    /// The profile's audit trail: the latest entries about it, newest first.
    struct AuditPanel: Sendable {
        struct Row: Sendable {
            var sequence: String
            var time: String
            var actor: String
            var action: String
            var detail: String
        }

        var rows: [Row]
        /// Stored (templates see stored properties only).
        var empty: Bool

        init(rows: [Row]) {
            self.rows = rows
            empty = rows.isEmpty
        }
    }

    var query: String
    var total: String
    var results: [Result]
    var noResults: Bool
    var hasResults: Bool
    var detail: Detail?
    /// Profiles by health band (set when profiles are available).
    var health: CustomerHealthView?

    static func summary(_ p: Profile, link: String) -> Result {
        Result(
            name: p.name ?? p.identifiers.first?.value ?? p.id, email: p.email ?? "", href: link,
            ltv: DashboardFormat.money(p.orders.lifetimeValue), orders: DashboardFormat.count(p.orders.count),
            lastSeen: DashboardFormat.day(p.lastSeen))
    }

    static func detail(_ p: Profile, timeline: [StoredEvent]) -> Detail {
        let pred = p.predictions
        var kpis = [
            KPICard(label: "Lifetime value", value: DashboardFormat.money(p.orders.lifetimeValue)),
            KPICard(
                label: "Orders", value: DashboardFormat.count(p.orders.count),
                note: "AOV \(DashboardFormat.money(p.orders.averageOrderValue))"),
            KPICard(
                label: "Last seen", value: DashboardFormat.day(p.lastSeen),
                note: "first seen \(DashboardFormat.day(p.firstSeen))"),
        ]
        if let clv = pred?.predictedCLV {
            kpis.append(KPICard(label: "Predicted CLV", value: DashboardFormat.money(clv)))
        }
        if let risk = pred?.churnRisk {
            kpis.append(
                KPICard(
                    label: "Churn risk", value: DashboardFormat.percent(risk, digits: 0),
                    note: ([pred?.rfmSegment.map { "RFM: \($0)" }, pred?.asOf.map { "as of \(DashboardFormat.day($0))" }]
                        .compactMap { $0 }.joined(separator: ", "))))
        }
        let traits = p.traits.sorted { $0.key < $1.key }.map {
            Pair(
                key: $0.key, value: $0.value.value.stringValue ?? $0.value.value.serialized(),
                note: "\($0.value.source), \(DashboardFormat.day($0.value.at))")
        }
        let ids = p.identifiers.map { Pair(key: $0.kind, value: $0.value, note: "") }
        let action: String
        if let risk = pred?.churnRisk, risk >= 0.5 {
            action = "High churn risk: send a personal win-back offer."
        } else if p.orders.count == 0 {
            action = "No order yet: a first-purchase incentive."
        } else if p.orders.count == 1 {
            action = "One order so far: a second-purchase nudge with related products."
        } else {
            action = "Active repeat customer: loyalty rewards and early access."
        }
        return Detail(
            title: p.name ?? p.email ?? p.id, kpis: kpis, traits: traits, identifiers: ids,
            timeline: timeline.map(DataPage.row), nextAction: action)
    }
}

extension CustomersPage {
    /// `detail` with personal traits, identifiers and a personal title masked (`PersonalDataMask`).
    static func masked(_ detail: Detail) -> Detail {
        var d = detail
        d.traits = d.traits.map {
            PersonalDataMask.isPersonal($0.key) ? Pair(key: $0.key, value: PersonalDataMask.masked, note: $0.note) : $0
        }
        d.identifiers = d.identifiers.map {
            PersonalDataMask.isPersonalIdentifier(kind: $0.key) ? Pair(key: $0.key, value: PersonalDataMask.masked, note: "") : $0
        }
        if detail.traits.contains(where: { PersonalDataMask.isPersonal($0.key) && $0.value == detail.title })
            || detail.identifiers.contains(where: { $0.value == detail.title && PersonalDataMask.isPersonalIdentifier(kind: $0.key) })
        {
            d.title = PersonalDataMask.masked
        }
        return d
    }
}
