import BeaconCore
import Foundation

/// The customers page: search profiles by email, name or identifier prefix, and one
/// unified profile — traits with their source, identifiers, orders, CLV and churn risk
/// predictions, and the latest events of the person.
///
/// Every table on it (`withTables`) downloads as CSV like the other pages' tables; the page
/// builds them after masking, so a viewer without the personal-data permission downloads the
/// masked values, and the download is a read of the same profiles the page records.
struct CustomersPage: Sendable {
    struct Result: Sendable {
        var name: String
        var email: String
        var href: String
        var ltv: Double
        var orders: Int
        var lastSeen: Date
    }

    /// One trait with where it came from and when.
    struct Trait: Sendable {
        var key: String
        var value: String
        var source: String
        var at: Date
    }

    struct Pair: Sendable {
        var key: String
        var value: String
        var note: String
    }

    struct Detail: Sendable {
        var title: String
        var kpis: [KPICard]
        var traits: [Trait]
        var identifiers: [Pair]
        var timeline: [DataPage.EventRow]
        var nextAction: String
        /// Who read or changed this profile (shown to admins and owners).
        var audit: AuditPanel?
        /// Products recommended from the orders up to the page's as-of date.
        var recommendations: RecommendedProducts?
        /// The tables above as the page shows and downloads them (set by `withTables`).
        var recommendedTable: DashboardTable?
        var traitsTable: DashboardTable?
        var eventsTable: DashboardTable?
        var auditTable: DashboardTable?
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
    /// The search results as a table (set by `withTables`).
    var profilesTable: DashboardTable?
    /// Every table of the page, for the CSV download (set by `withTables`).
    var tables: [DashboardTable] = []

    static func summary(_ p: Profile, link: String) -> Result {
        Result(
            name: p.name ?? p.identifiers.first?.value ?? p.id, email: p.email ?? "", href: link,
            ltv: p.orders.lifetimeValue, orders: p.orders.count, lastSeen: p.lastSeen)
    }

    static func detail(_ p: Profile, timeline: [StoredEvent], currency: DashboardCurrency) -> Detail {
        let pred = p.predictions
        var kpis = [
            KPICard(label: "Lifetime value", value: currency.format(p.orders.lifetimeValue)),
            KPICard(
                label: "Orders", value: DashboardFormat.count(p.orders.count),
                note: "AOV \(currency.format(p.orders.averageOrderValue))"),
            KPICard(
                label: "Last seen", value: DashboardFormat.day(p.lastSeen),
                note: "first seen \(DashboardFormat.day(p.firstSeen))"),
        ]
        if let clv = pred?.predictedCLV {
            kpis.append(KPICard(label: "Predicted CLV", value: currency.format(clv)))
        }
        if let risk = pred?.churnRisk {
            kpis.append(
                KPICard(
                    label: "Churn risk", value: DashboardFormat.percent(risk, digits: 0),
                    note: ([pred?.rfmSegment.map { "RFM: \($0)" }, pred?.asOf.map { "as of \(DashboardFormat.day($0))" }]
                        .compactMap { $0 }.joined(separator: ", "))))
        }
        let traits = p.traits.sorted { $0.key < $1.key }.map {
            Trait(
                key: $0.key, value: $0.value.value.stringValue ?? $0.value.value.serialized(), source: $0.value.source,
                at: $0.value.at)
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
            PersonalDataMask.isPersonal($0.key)
                ? Trait(key: $0.key, value: PersonalDataMask.masked, source: $0.source, at: $0.at) : $0
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

extension CustomersPage {
    /// The page with its tables built from what it shows (after masking): the search results
    /// (`profiles`), and for one profile `recommended`, `traits`, `events` and `audit`.
    func withTables(currency: DashboardCurrency) -> CustomersPage {
        var page = self
        typealias Column = DashboardTable.Column
        if hasResults {
            page.profilesTable = DashboardTable(
                id: "profiles", title: "Profiles",
                columns: [Column("Name"), Column("Email"), Column("Lifetime value", .money), Column("Orders", .count),
                          Column("Last seen", .date)],
                rows: results.map { [.link($0.name, href: $0.href), .text($0.email), .money($0.ltv), .count($0.orders), .date($0.lastSeen)] },
                currency: currency)
        }
        if var d = detail {
            if let r = d.recommendations, !r.empty {
                d.recommendedTable = DashboardTable(
                    id: "recommended", title: "Bought with what this customer bought, as of \(r.asOf)",
                    columns: [Column("Product"), Column("Item"), Column("Rank", .count), Column("Orders together", .count),
                              Column("Why")],
                    rows: r.rows.map {
                        [.text($0.name), .text($0.item), .count($0.rank), $0.score > 0 ? .count($0.score) : .empty,
                         .text($0.score > 0 ? "bought together" : "popular")]
                    },
                    currency: currency)
            }
            d.traitsTable = DashboardTable(
                id: "traits", title: "Traits with their source and when they were last set",
                columns: [Column("Trait"), Column("Value"), Column("Source"), Column("Updated", .date)],
                rows: d.traits.map { [.text($0.key), .text($0.value), .text($0.source), .date($0.at)] },
                currency: currency)
            d.eventsTable = DashboardTable(
                id: "events", title: "Latest events, newest first",
                columns: [Column("#", .count), Column("Time (UTC)"), Column("Type"), Column("Event / name")],
                rows: d.timeline.map { [Int($0.sequence).map { .count($0) } ?? .text($0.sequence), .text($0.time), .text($0.type), .text($0.name)] },
                currency: currency)
            if let audit = d.audit, !audit.empty {
                d.auditTable = DashboardTable(
                    id: "audit", title: "Audit log, newest first (beacon audit log for more)",
                    columns: [Column("#", .count), Column("Time (UTC)"), Column("Who"), Column("What"), Column("Detail")],
                    rows: audit.rows.map {
                        [Int($0.sequence).map { .count($0) } ?? .text($0.sequence), .text($0.time), .text($0.actor), .text($0.action), .text($0.detail)]
                    },
                    currency: currency)
            }
            page.detail = d
        }
        page.tables =
            [page.profilesTable, health?.table, page.detail?.recommendedTable, page.detail?.traitsTable,
             page.detail?.eventsTable, page.detail?.auditTable].compactMap { $0 }
        return page
    }
}
