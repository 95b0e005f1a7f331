extension Migrations {
    /// Each workspace's currency (ISO 4217); workspaces created before it are in US dollars, as
    /// every page showed them.
    static let m190WorkspaceCurrency = Migration(
        id: "190_workspace_currency",
        sqlite: ["ALTER TABLE workspaces ADD COLUMN currency TEXT NOT NULL DEFAULT 'USD'"],
        postgres: ["ALTER TABLE workspaces ADD COLUMN currency TEXT NOT NULL DEFAULT 'USD'"])
}
