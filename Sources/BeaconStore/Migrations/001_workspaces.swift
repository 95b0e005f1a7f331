extension Migrations {
    /// The tenants: one row per workspace, its name unique.
    static let m001Workspaces = Migration(
        id: "001_workspaces",
        sqlite: ["CREATE TABLE workspaces (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL)"],
        postgres: ["CREATE TABLE workspaces (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL)"]
    )
}
