extension Migrations {
    /// Each journey send to a profile (one row per outbox message, written in the transition's
    /// transaction), read by frequency caps that count a profile's sends across journeys.
    static let m121JourneySends = Migration(
        id: "121_journey_sends",
        sqlite: journeySendsTables(integer: "INTEGER"),
        postgres: journeySendsTables(integer: "BIGINT")
    )

    private static func journeySendsTables(integer: String) -> [String] {
        [
            """
            CREATE TABLE journey_sends (workspace_id TEXT NOT NULL, message_id TEXT NOT NULL, profile_id TEXT NOT NULL,
              journey_id TEXT NOT NULL, sent_at \(integer) NOT NULL, PRIMARY KEY (workspace_id, message_id))
            """,
            "CREATE INDEX journey_sends_profile ON journey_sends (workspace_id, profile_id, sent_at)",
        ]
    }
}
