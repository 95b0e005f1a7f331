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
}
