import BeaconCore
import Foundation

/// What the layout template shows around every page: navigation with the current page,
/// the workspace switcher, and the page's own view model under `page`.
struct DashboardView<Page>: @unchecked Sendable {
    struct NavItem {
        var label: String
        var href: String
        var current: Bool
    }

    struct WorkspaceOption {
        var name: String
        var selected: Bool
    }

    var title: String
    var path: String
    var workspace: String
    /// `?ws=<name>` (percent-encoded) to keep the workspace across links; empty without one.
    var query: String
    var nav: [NavItem]
    var workspaces: [WorkspaceOption]
    var hasWorkspaces: Bool
    var asOf: String
    /// The signed-in user's name and email, for the header's sign-out form.
    var userName: String
    var userEmail: String
    var isAdmin: Bool
    var page: Page
    /// The page's CSV links up to `&table=<id>` (`DashboardTableDownload.link`); empty on pages without tables.
    var download = ""

    /// The dashboard's pages in navigation order: (label, path).
    static var pages: [(label: String, path: String)] {
        [
            ("Overview", "/dashboard"), ("Channels", "/dashboard/channels"),
            ("Budget optimiser", "/dashboard/optimiser"),
            ("Attribution", "/dashboard/attribution"), ("Paths", "/dashboard/paths"),
            ("Customers", "/dashboard/customers"), ("Cohorts", "/dashboard/cohorts"),
            ("Segments", "/dashboard/segments"),
            ("Personas", "/dashboard/personas"), ("Feedback", "/dashboard/feedback"),
            ("Journeys", "/dashboard/journeys"), ("Destinations", "/dashboard/destinations"),
            ("Reports", "/dashboard/reports"),
            ("Data", "/dashboard/data"),
        ]
    }

    init(title: String, path: String, workspace: Workspace?, all: [Workspace], asOf: Date?, page: Page) {
        self.title = title
        self.path = path
        self.workspace = workspace?.name ?? ""
        query = workspace.map { "?ws=" + DashboardQuery.encode($0.name) } ?? ""
        let q = query
        nav = Self.pages.map { NavItem(label: $0.label, href: $0.path + q, current: $0.path == path) }
        workspaces = all.map { WorkspaceOption(name: $0.name, selected: $0.id == workspace?.id) }
        hasWorkspaces = !all.isEmpty
        self.asOf = asOf.map { DashboardFormat.day($0) } ?? "—"
        userName = DashboardSession.user?.name ?? ""
        userEmail = DashboardSession.user?.email ?? ""
        isAdmin = DashboardSession.user?.role == .admin
        self.page = page
    }
}

/// Query-string helpers for dashboard links.
enum DashboardQuery {
    /// Percent-encodes a query value (workspace and channel names).
    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_.~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
