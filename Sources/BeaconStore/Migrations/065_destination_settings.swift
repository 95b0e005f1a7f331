extension Migrations {
    /// Each destination's non-secret settings (per kind: a mail server, a vendor's list id) as a
    /// JSON object, and the consent categories a person must have granted for it to receive them.
    static let m065DestinationSettings = Migration(
        id: "065_destination_settings",
        sqlite: [
            "ALTER TABLE destinations ADD COLUMN settings TEXT NOT NULL DEFAULT '{}'",
            "ALTER TABLE destinations ADD COLUMN required_consent TEXT NOT NULL DEFAULT '[]'",
        ],
        postgres: [
            "ALTER TABLE destinations ADD COLUMN settings TEXT NOT NULL DEFAULT '{}'",
            "ALTER TABLE destinations ADD COLUMN required_consent TEXT NOT NULL DEFAULT '[]'",
        ]
    )
}
