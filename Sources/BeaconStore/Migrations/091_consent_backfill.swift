extension Migrations {
    /// Asks `EventLogProjection.backfill` to fill the consent history from events stored before
    /// `090_privacy` (their `context.consent` was kept in the payload).
    static let m091ConsentBackfill = Migration(
        id: "091_consent_backfill",
        sql: ["INSERT INTO projection_backfills (name) VALUES ('consent_records')"]
    )
}
