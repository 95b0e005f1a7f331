extension Migrations {
    /// Per-workspace roles with the "personal data" permission on dashboard grants, and scopes,
    /// expiry and last use on API tokens.
    ///
    /// Existing grants become `member` without personal data (installation admins keep seeing
    /// every workspace as admins with personal data, decided in code); existing tokens keep
    /// every scope (`*`) and never expire, so nothing that worked stops working.
    static let m101AccessRoles = Migration(
        id: "101_access_roles",
        sqlite: [
            "ALTER TABLE dashboard_grants ADD COLUMN role TEXT NOT NULL DEFAULT 'member'",
            "ALTER TABLE dashboard_grants ADD COLUMN personal_data INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE api_tokens ADD COLUMN scopes TEXT NOT NULL DEFAULT '*'",
            "ALTER TABLE api_tokens ADD COLUMN expires_at INTEGER",
            "ALTER TABLE api_tokens ADD COLUMN last_used_at INTEGER",
        ],
        postgres: [
            "ALTER TABLE dashboard_grants ADD COLUMN role TEXT NOT NULL DEFAULT 'member'",
            "ALTER TABLE dashboard_grants ADD COLUMN personal_data INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE api_tokens ADD COLUMN scopes TEXT NOT NULL DEFAULT '*'",
            "ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT",
            "ALTER TABLE api_tokens ADD COLUMN last_used_at BIGINT",
        ]
    )
}
