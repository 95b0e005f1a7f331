extension Migrations {
    /// Generic JSON webhook sources: each keeps its field mapping (`JSONEventMapping`, as JSON).
    static let m180WebhookSourceMappings = Migration(
        id: "180_webhook_source_mappings",
        sqlite: ["ALTER TABLE webhook_sources ADD COLUMN mapping TEXT"],
        postgres: ["ALTER TABLE webhook_sources ADD COLUMN mapping TEXT"])
}
