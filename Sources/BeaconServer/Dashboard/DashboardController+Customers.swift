import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

extension DashboardController {
    /// `GET /dashboard/customers?ws=&q=<prefix>&id=<profile id>`.
    func customers(_ request: Request) async throws -> Response {
        let title = "Customers", path = "/dashboard/customers"
        return try await withSnapshot(request, title: title, path: path) { snapshot, all in
            let ws = snapshot.workspace
            let query = request.uri.queryParameters["q"].map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            let engine = runtime.profiles
            let store = engine.profileStore
            _ = try await engine.catchUp(workspaceId: ws.id)
            let base = "/dashboard/customers?ws=" + DashboardQuery.encode(ws.name)
            let found =
                query.isEmpty
                ? try await store.listProfiles(workspaceId: ws.id, after: nil, limit: 25)
                : try await store.searchProfiles(workspaceId: ws.id, prefix: query, limit: 25)
            var detail: CustomersPage.Detail?
            if let id = request.uri.queryParameters["id"].map(String.init) {
                guard let profile = try await store.profile(workspaceId: ws.id, id: id) else {
                    return try message(
                        snapshot, all: all, title: title, path: path, status: .notFound,
                        MessagePage(
                            heading: "No such customer", text: "There is no profile “\(id)” in this workspace.",
                            linkHref: base, linkLabel: "Search customers"))
                }
                let userIds = profile.identifiers.filter { $0.kind == Identifier.userId }.map(\.value)
                let anonymousIds = profile.identifiers.filter { $0.kind == Identifier.anonymousId }.map(\.value)
                let timeline = try await store.timeline(
                    workspaceId: ws.id, userIds: userIds, anonymousIds: anonymousIds, before: nil, limit: 20)
                RequestAccess.noteSubjects([profile.id])
                detail = CustomersPage.detail(profile, timeline: timeline, currency: DashboardCurrency.of(ws))
                if !RequestAccess.showsPersonalData { detail = detail.map(CustomersPage.masked) }
                if let role = RequestAccess.current?.role, role >= .admin {
                    let entries = try await runtime.audit.history(workspaceId: ws.id, profileId: profile.id, from: nil, to: nil)
                    detail?.audit = CustomersPage.AuditPanel(
                        rows: entries.suffix(50).reversed().map {
                            CustomersPage.AuditPanel.Row(
                                sequence: String($0.sequence), time: Timestamp.format($0.at), actor: $0.actor,
                                action: $0.action, detail: $0.detail)
                        })
                }
            }
            RequestAccess.noteSubjects(found.map(\.id))
            var page = CustomersPage(
                query: query,
                total: DashboardFormat.count(try await store.profileCount(workspaceId: ws.id)),
                results: found.map {
                    var row = CustomersPage.summary($0, link: base + "&id=" + DashboardQuery.encode($0.id))
                    if !RequestAccess.showsPersonalData {
                        // The name falls back to the first identifier, which may be an email.
                        let fallbackPersonal = $0.identifiers.first.map { PersonalDataMask.isPersonalIdentifier(kind: $0.kind) } ?? false
                        if $0.name != nil || fallbackPersonal { row.name = PersonalDataMask.masked }
                        row.email = row.email.isEmpty ? "" : PersonalDataMask.masked
                    }
                    return row
                },
                noResults: found.isEmpty && !query.isEmpty, hasResults: !found.isEmpty, detail: detail)
            let date = try await asOf(request, workspaceId: ws.id)
            if detail != nil, let id = request.uri.queryParameters["id"].map(String.init),
                let profile = try await store.profile(workspaceId: ws.id, id: id)
            {
                let recommended = try await RecommendedProducts.make(
                    runtime: runtime, workspaceId: ws.id, profile: profile, asOf: date)
                page.detail?.recommendations = recommended
                let insights = try await engine.customerInsights(workspaceId: ws.id, asOf: date, personas: false)
                let health = insights.customers.first { $0.profileId == profile.id }?.health ?? .unscored
                page.detail?.nextAction = NextBestAction.decide(
                    health: health, orders: profile.orders.count, recommended: recommended.rows.map(\.name)
                ).text
            }
            if detail == nil {
                page.health = try await customerHealth(ws, asOf: date)
            }
            page = page.withTables(currency: DashboardCurrency.of(ws))
            if let table = try DashboardTableDownload.requestedTable(request) {
                return try DashboardTableDownload.response(
                    table, among: page.tables, page: "customers", workspace: ws, day: date)
            }
            return try render(
                "customers", title: title, path: path, workspace: ws, all: all, asOf: date, page: page,
                download: DashboardTableDownload.link(request))
        }
    }

    /// The customers page's health section of `workspace` as of `date`; the page and `beacon export
    /// tables` both build it here. (The profile lists stay on the page: personal data leaves
    /// through the audited segment and privacy exports.)
    func customerHealth(_ workspace: Workspace, asOf date: Date) async throws -> CustomerHealthView {
        CustomerHealthView(
            insights: try await runtime.profiles.customerInsights(workspaceId: workspace.id, asOf: date, personas: false))
    }
}
