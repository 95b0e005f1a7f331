import BeaconCore
import Foundation

/// The journeys' SQL shared by `SQLJourneyStore` and the projection steps that leave signals in
/// their own transaction: column lists, inserts and row readers.
enum JourneyRows {
    static let signalInsert = """
        INSERT INTO journey_signals (workspace_id, profile_id, kind, name, properties, at) VALUES (?, ?, ?, ?, ?, ?)
        """

    static func signalArguments(_ s: JourneySignal) -> [SQLValue] {
        [
            .text(s.workspaceId), .text(s.profileId), .text(s.kind.rawValue), .text(s.name),
            SQLValue(s.properties?.serialized()), SQLValue(s.at),
        ]
    }

    static func signal(_ row: SQLRow) throws -> JourneySignal {
        let properties = try row.optionalString("properties").map { try JSONValue.parse(Data($0.utf8)) }
        guard let kind = JourneySignal.Kind(rawValue: try row.string("kind")) else {
            throw StoreError(.corrupt, "journey signal \(try row.int64("seq")) has an unknown kind")
        }
        return JourneySignal(
            workspaceId: try row.string("workspace_id"), sequence: try row.int64("seq"),
            profileId: try row.string("profile_id"), kind: kind, name: try row.string("name"), properties: properties,
            at: try row.date("at"))
    }

    static let stateColumns = """
        id, workspace_id, journey_id, profile_id, entry, version, step, status, parked, due_at, variant, skip_sends,
        moves, entered_at, updated_at
        """

    static let stateInsert = """
        INSERT INTO journey_states (workspace_id, journey_id, profile_id, entry, version, step, status, parked, due_at,
          variant, skip_sends, moves, last_commit, entered_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static func stateInsertArguments(_ s: JourneyState, token: String) -> [SQLValue] {
        [
            .text(s.workspaceId), .text(s.journeyId), .text(s.profileId), .integer(s.entry), SQLValue(s.version),
            .text(s.step), .text(s.status.rawValue), SQLValue(s.parked ? 1 : 0), SQLValue(s.dueAt), SQLValue(s.variant),
            SQLValue(s.skipSends ? 1 : 0), SQLValue(s.moves), .text(token), SQLValue(s.enteredAt), SQLValue(s.updatedAt),
        ]
    }

    static func state(_ row: SQLRow) throws -> JourneyState {
        guard let status = JourneyState.Status(rawValue: try row.string("status")) else {
            throw StoreError(.corrupt, "journey state \(try row.int64("id")) has an unknown status")
        }
        return JourneyState(
            id: try row.int64("id"), workspaceId: try row.string("workspace_id"),
            journeyId: try row.string("journey_id"), profileId: try row.string("profile_id"),
            entry: try row.int64("entry"), version: try row.int("version"), step: try row.string("step"),
            status: status, parked: try row.int("parked") != 0, dueAt: try row.date("due_at"),
            variant: try row.optionalString("variant"), skipSends: try row.int("skip_sends") != 0,
            moves: try row.int("moves"), enteredAt: try row.date("entered_at"), updatedAt: try row.date("updated_at"))
    }

    static let journeyColumns = "workspace_id, id, name, status, live_version, history, paused_at, created_at, updated_at"

    static func journey(_ row: SQLRow) throws -> Journey {
        guard let status = Journey.Status(rawValue: try row.string("status")) else {
            throw StoreError(.corrupt, "journey \(try row.string("id")) has an unknown status")
        }
        return Journey(
            workspaceId: try row.string("workspace_id"), id: try row.string("id"), name: try row.string("name"),
            status: status, liveVersion: try row.optionalInt64("live_version").map { Int($0) },
            history: try ProfileCoding.decode([Int].self, try row.string("history")),
            pausedAt: try row.optionalDate("paused_at"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }

    static let versionColumns = "workspace_id, journey_id, version, definition, created_at, published_at"

    static func version(_ row: SQLRow) throws -> JourneyVersion {
        JourneyVersion(
            workspaceId: try row.string("workspace_id"), journeyId: try row.string("journey_id"),
            version: try row.int("version"),
            definition: try ProfileCoding.decode(JourneyDefinition.self, try row.string("definition")),
            createdAt: try row.date("created_at"), publishedAt: try row.optionalDate("published_at"))
    }

    /// Fails the transaction it runs in (the check of `journey_guards` refuses a 0) unless the
    /// statement's condition holds: the arguments are those of the `EXISTS` subquery.
    static func guardStatement(_ exists: String, _ arguments: [SQLValue]) -> (sql: String, arguments: [SQLValue]) {
        ("INSERT INTO journey_guards (ok) SELECT 0 WHERE NOT EXISTS (\(exists))", arguments)
    }
}
