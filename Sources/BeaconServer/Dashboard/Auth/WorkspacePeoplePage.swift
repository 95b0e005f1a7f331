/// The People page of one workspace: who has which role in it, and the form that sets a role.
struct WorkspacePeoplePage: Sendable {
    struct Row: Sendable {
        var email: String
        var name: String
        var role: String
        var personalData: Bool
        /// An installation administrator (at least admin everywhere, not changed here).
        var installationAdmin: Bool
    }

    var rows: [Row]
    /// The roles the signed-in user may give (never above their own).
    var grantable: [String]
    var mayGrantPersonalData: Bool
    var query: String
    var notice: String?
    var error: String?
    var errorField: String?
    var draftEmail: String
    /// The roles as the page shows them and downloads them as CSV (`people`; stored, as templates
    /// see stored properties only).
    var table: DashboardTable

    init(
        rows: [Row], grantable: [String], mayGrantPersonalData: Bool, query: String, notice: String?, error: String?,
        errorField: String?, draftEmail: String
    ) {
        self.rows = rows
        self.grantable = grantable
        self.mayGrantPersonalData = mayGrantPersonalData
        self.query = query
        self.notice = notice
        self.error = error
        self.errorField = errorField
        self.draftEmail = draftEmail
        table = DashboardTable(
            id: "people", title: "Roles in this workspace",
            columns: [.init("Email"), .init("Name"), .init("Role"), .init("Personal data")],
            rows: rows.map {
                [.text($0.email), .text($0.name), .text($0.role + ($0.installationAdmin ? " (installation administrator)" : "")),
                 .text($0.personalData ? "shown" : "masked")]
            },
            currency: .usDollar)
    }
}
