import BeaconCore
import Foundation

/// Destinations and activations in SQL written once for both backends.
struct SQLActivationStore: ActivationStore {
    let driver: any SQLDriver

    func createDestination(_ d: Destination) async throws {
        do {
            try await driver.execute(
                """
                INSERT INTO destinations (workspace_id, id, name, kind, url, secrets, settings, required_consent, state,
                  state_reason, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(d.workspaceId), .text(d.id), .text(d.name), .text(d.kind.rawValue), .text(d.url),
                    .text(try Self.encode(d.sealedSecrets)), .text(try Self.encode(d.settings)),
                    .text(try Self.encode(d.requiredConsent)), .text(d.state.rawValue), SQLValue(d.stateReason),
                    SQLValue(d.createdAt),
                ])
        } catch SQLDriverError.uniqueViolation {
            throw StoreError(.conflict, "a destination named '\(d.name)' already exists")
        }
    }

    func updateDestination(_ d: Destination) async throws {
        let changed = try await driver.query(
            """
            UPDATE destinations SET name = ?, url = ?, secrets = ?, settings = ?, required_consent = ?, state = ?,
              state_reason = ?
            WHERE workspace_id = ? AND id = ? RETURNING id
            """,
            [
                .text(d.name), .text(d.url), .text(try Self.encode(d.sealedSecrets)), .text(try Self.encode(d.settings)),
                .text(try Self.encode(d.requiredConsent)), .text(d.state.rawValue),
                SQLValue(d.stateReason), .text(d.workspaceId), .text(d.id),
            ])
        guard !changed.isEmpty else { throw StoreError(.notFound, "no destination '\(d.id)'") }
    }

    func destination(workspaceId: String, id: String) async throws -> Destination? {
        try await destinations("WHERE workspace_id = ? AND id = ?", [.text(workspaceId), .text(id)]).first
    }

    func destinations(workspaceId: String) async throws -> [Destination] {
        try await destinations("WHERE workspace_id = ? ORDER BY name", [.text(workspaceId)])
    }

    func allDestinations() async throws -> [Destination] {
        try await destinations("ORDER BY workspace_id, id", [])
    }

    func deleteDestination(workspaceId: String, id: String) async throws -> Bool {
        // Activations and messages go first: SQLite enforces the foreign keys only when asked.
        try await driver.transaction([
            (
                "DELETE FROM outbox_messages WHERE workspace_id = ? AND destination_id = ?",
                [.text(workspaceId), .text(id)]
            ),
            ("DELETE FROM activations WHERE workspace_id = ? AND destination_id = ?", [.text(workspaceId), .text(id)]),
        ])
        return try await !driver.query(
            "DELETE FROM destinations WHERE workspace_id = ? AND id = ? RETURNING id", [.text(workspaceId), .text(id)]
        ).isEmpty
    }

    func createActivation(_ a: Activation) async throws {
        try await driver.execute(
            "INSERT INTO activations (workspace_id, id, destination_id, trigger_document, created_at) VALUES (?, ?, ?, ?, ?)",
            [
                .text(a.workspaceId), .text(a.id), .text(a.destinationId), .text(try Self.encode(a.trigger)),
                SQLValue(a.createdAt),
            ])
    }

    func activation(workspaceId: String, id: String) async throws -> Activation? {
        try await activations("WHERE workspace_id = ? AND id = ?", [.text(workspaceId), .text(id)]).first
    }

    func activations(workspaceId: String) async throws -> [Activation] {
        try await activations("WHERE workspace_id = ? ORDER BY created_at, id", [.text(workspaceId)])
    }

    func deleteActivation(workspaceId: String, id: String) async throws -> Bool {
        try await !driver.query(
            "DELETE FROM activations WHERE workspace_id = ? AND id = ? RETURNING id", [.text(workspaceId), .text(id)]
        ).isEmpty
    }

    private func destinations(_ clause: String, _ arguments: [SQLValue]) async throws -> [Destination] {
        try await driver.query(
            """
            SELECT workspace_id, id, name, kind, url, secrets, settings, required_consent, state, state_reason, created_at
            FROM destinations \(clause)
            """,
            arguments
        ).map { row in
            Destination(
                workspaceId: try row.string("workspace_id"), id: try row.string("id"), name: try row.string("name"),
                kind: Destination.Kind(rawValue: try row.string("kind")) ?? .webhook, url: try row.string("url"),
                sealedSecrets: try Self.decode([String].self, try row.string("secrets")),
                settings: try Self.decode([String: String].self, try row.string("settings")),
                requiredConsent: try Self.decode([String].self, try row.string("required_consent")),
                state: Destination.State(rawValue: try row.string("state")) ?? .paused,
                stateReason: try row.optionalString("state_reason"), createdAt: try row.date("created_at"))
        }
    }

    private func activations(_ clause: String, _ arguments: [SQLValue]) async throws -> [Activation] {
        try await driver.query(
            "SELECT workspace_id, id, destination_id, trigger_document, created_at FROM activations \(clause)",
            arguments
        ).map { row in
            Activation(
                workspaceId: try row.string("workspace_id"), id: try row.string("id"),
                destinationId: try row.string("destination_id"),
                trigger: try Self.decode(ActivationTrigger.self, try row.string("trigger_document")),
                createdAt: try row.date("created_at"))
        }
    }

    static func encode(_ value: some Encodable) throws -> String { try ProfileCoding.encode(value) }
    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try ProfileCoding.decode(type, text)
    }
}
