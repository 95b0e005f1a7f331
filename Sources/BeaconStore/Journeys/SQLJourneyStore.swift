import BeaconCore
import Foundation

/// Journeys in SQL written once for both backends.
struct SQLJourneyStore: JourneyStore {
    let driver: any SQLDriver

    // MARK: Journeys and versions

    func createJourney(_ j: Journey, version v: JourneyVersion) async throws {
        do {
            try await driver.transaction([
                (
                    "INSERT INTO journeys (\(JourneyRows.journeyColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Self.journeyArguments(j)
                ),
                try Self.versionUpsert(v),
            ])
        } catch SQLDriverError.uniqueViolation {
            throw StoreError(.conflict, "a journey named '\(j.name)' already exists in this workspace")
        }
    }

    static func journeyArguments(_ j: Journey) -> [SQLValue] {
        [
            .text(j.workspaceId), .text(j.id), .text(j.name), .text(j.status.rawValue), SQLValue(j.liveVersion),
            .text((try? ProfileCoding.encode(j.history)) ?? "[]"), SQLValue(j.pausedAt), SQLValue(j.createdAt),
            SQLValue(j.updatedAt),
        ]
    }

    static func versionUpsert(_ v: JourneyVersion) throws -> (sql: String, arguments: [SQLValue]) {
        (
            """
            INSERT INTO journey_versions (\(JourneyRows.versionColumns)) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (workspace_id, journey_id, version) DO UPDATE SET definition = excluded.definition,
              published_at = excluded.published_at
            """,
            [
                .text(v.workspaceId), .text(v.journeyId), SQLValue(v.version),
                .text(try ProfileCoding.encode(v.definition)), SQLValue(v.createdAt), SQLValue(v.publishedAt),
            ]
        )
    }

    func journey(workspaceId: String, id: String) async throws -> Journey? {
        try await driver.query(
            "SELECT \(JourneyRows.journeyColumns) FROM journeys WHERE workspace_id = ? AND id = ?",
            [.text(workspaceId), .text(id)]
        ).first.map(JourneyRows.journey)
    }

    func journeys(workspaceId: String) async throws -> [Journey] {
        try await driver.query(
            "SELECT \(JourneyRows.journeyColumns) FROM journeys WHERE workspace_id = ? ORDER BY name",
            [.text(workspaceId)]
        ).map(JourneyRows.journey)
    }

    func saveJourney(_ j: Journey) async throws {
        do {
            try await driver.execute(
                """
                UPDATE journeys SET name = ?, status = ?, live_version = ?, history = ?, paused_at = ?, updated_at = ?
                WHERE workspace_id = ? AND id = ?
                """,
                [
                    .text(j.name), .text(j.status.rawValue), SQLValue(j.liveVersion),
                    .text(try ProfileCoding.encode(j.history)), SQLValue(j.pausedAt), SQLValue(j.updatedAt),
                    .text(j.workspaceId), .text(j.id),
                ])
        } catch SQLDriverError.uniqueViolation {
            throw StoreError(.conflict, "a journey named '\(j.name)' already exists in this workspace")
        }
    }

    func deleteJourney(workspaceId: String, id: String) async throws -> Bool {
        guard try await journey(workspaceId: workspaceId, id: id) != nil else { return false }
        let key: [SQLValue] = [.text(workspaceId), .text(id)]
        try await driver.transaction([
            ("DELETE FROM journey_states WHERE workspace_id = ? AND journey_id = ?", key),
            ("DELETE FROM journey_funnel WHERE workspace_id = ? AND journey_id = ?", key),
            ("DELETE FROM journey_versions WHERE workspace_id = ? AND journey_id = ?", key),
            ("DELETE FROM journeys WHERE workspace_id = ? AND id = ?", key),
        ])
        return true
    }

    func saveVersion(_ v: JourneyVersion) async throws {
        let upsert = try Self.versionUpsert(v)
        try await driver.execute(upsert.sql, upsert.arguments)
    }

    func version(workspaceId: String, journeyId: String, version: Int) async throws -> JourneyVersion? {
        try await driver.query(
            """
            SELECT \(JourneyRows.versionColumns) FROM journey_versions WHERE workspace_id = ? AND journey_id = ?
              AND version = ?
            """, [.text(workspaceId), .text(journeyId), SQLValue(version)]
        ).first.map(JourneyRows.version)
    }

    func versions(workspaceId: String, journeyId: String) async throws -> [JourneyVersion] {
        try await driver.query(
            """
            SELECT \(JourneyRows.versionColumns) FROM journey_versions WHERE workspace_id = ? AND journey_id = ?
            ORDER BY version
            """, [.text(workspaceId), .text(journeyId)]
        ).map(JourneyRows.version)
    }

    func runningVersions(workspaceId: String) async throws -> [(journey: Journey, versions: [JourneyVersion])] {
        let journeys = try await driver.query(
            """
            SELECT \(JourneyRows.journeyColumns) FROM journeys WHERE workspace_id = ? AND status IN ('live', 'paused')
            ORDER BY id
            """, [.text(workspaceId)]
        ).map(JourneyRows.journey)
        guard !journeys.isEmpty else { return [] }
        let versions = try await driver.query(
            """
            SELECT \(JourneyRows.versionColumns) FROM journey_versions v WHERE v.workspace_id = ?
              AND v.published_at IS NOT NULL
              AND EXISTS (SELECT 1 FROM journeys j WHERE j.workspace_id = v.workspace_id AND j.id = v.journey_id
                AND j.status IN ('live', 'paused'))
            ORDER BY v.journey_id, v.version
            """, [.text(workspaceId)]
        ).map(JourneyRows.version)
        let byJourney = Dictionary(grouping: versions, by: \.journeyId)
        return journeys.map { ($0, byJourney[$0.id] ?? []) }
    }

    // MARK: Signals

    func enqueueSignals(_ signals: [JourneySignal]) async throws {
        guard !signals.isEmpty else { return }
        try await driver.transaction(signals.map { (JourneyRows.signalInsert, JourneyRows.signalArguments($0)) })
    }

    func claimSignals(workspaceId: String?, owner: String, now: Date, leaseUntil: Date, limit: Int) async throws
        -> [JourneySignal]
    {
        // The candidates are the oldest unleased signals (a bounded index scan on seq); of those, a
        // profile's earliest signal is claimed, found by an index probe per candidate. Written so,
        // the plan needs no statistics: an anti-join over the whole table was planned as a
        // quadratic scan on PostgreSQL while the table had none yet (a freshly filled queue).
        let scope = workspaceId == nil ? "" : " AND workspace_id = ?"
        return try await driver.query(
            """
            UPDATE journey_signals SET lease_owner = ?, lease_until = ?
            WHERE seq IN (
              SELECT g.seq FROM (
                SELECT seq, workspace_id, profile_id FROM journey_signals
                WHERE (lease_until IS NULL OR lease_until < ?)\(scope)
                ORDER BY seq LIMIT ?) g
              WHERE g.seq = (SELECT MIN(e.seq) FROM journey_signals e WHERE e.workspace_id = g.workspace_id
                AND e.profile_id = g.profile_id)
              ORDER BY g.seq LIMIT ?)
            AND (lease_until IS NULL OR lease_until < ?)
            RETURNING seq, workspace_id, profile_id, kind, name, properties, at
            """,
            [.text(owner), SQLValue(leaseUntil), SQLValue(now)] + (workspaceId.map { [.text($0)] } ?? [])
                + [SQLValue(limit * 4), SQLValue(limit), SQLValue(now)]
        ).map(JourneyRows.signal).sorted { $0.sequence < $1.sequence }
    }

    func pendingSignalCount() async throws -> Int {
        try await driver.query("SELECT COUNT(*) AS n FROM journey_signals", []).first?.int("n") ?? 0
    }

    // MARK: States

    func claimDue(workspaceId: String?, owner: String, now: Date, leaseUntil: Date, limit: Int) async throws
        -> [JourneyState]
    {
        let scope = workspaceId == nil ? "" : " AND s.workspace_id = ?"
        return try await driver.query(
            """
            UPDATE journey_states SET lease_owner = ?, lease_until = ?
            WHERE id IN (
              SELECT s.id FROM journey_states s
              WHERE s.status = 'active' AND s.due_at <= ? AND (s.lease_until IS NULL OR s.lease_until < ?)\(scope)
                AND EXISTS (SELECT 1 FROM journeys j WHERE j.workspace_id = s.workspace_id AND j.id = s.journey_id
                  AND j.status = 'live')
              ORDER BY s.due_at, s.id LIMIT ?)
            AND status = 'active' AND (lease_until IS NULL OR lease_until < ?)
            RETURNING \(JourneyRows.stateColumns)
            """,
            [.text(owner), SQLValue(leaseUntil), SQLValue(now), SQLValue(now)] + (workspaceId.map { [.text($0)] } ?? [])
                + [SQLValue(limit), SQLValue(now)]
        ).map(JourneyRows.state).sorted { ($0.dueAt, $0.id) < ($1.dueAt, $1.id) }
    }

    func states(workspaceId: String, profileIds: [String]) async throws -> [JourneyState] {
        guard !profileIds.isEmpty else { return [] }
        return try await driver.query(
            """
            SELECT \(JourneyRows.stateColumns) FROM journey_states
            WHERE workspace_id = ? AND profile_id IN (\(SQLValue.marks(profileIds.count))) ORDER BY id
            """,
            [.text(workspaceId)] + profileIds.map(SQLValue.text)
        ).map(JourneyRows.state)
    }

    func states(workspaceId: String, journeyId: String, status: JourneyState.Status?) async throws -> [JourneyState] {
        let filter = status == nil ? "" : " AND status = ?"
        return try await driver.query(
            """
            SELECT \(JourneyRows.stateColumns) FROM journey_states WHERE workspace_id = ? AND journey_id = ?\(filter)
            ORDER BY id
            """, [.text(workspaceId), .text(journeyId)] + (status.map { [.text($0.rawValue)] } ?? [])
        ).map(JourneyRows.state)
    }

    func commit(_ c: JourneyCommit) async throws -> Bool {
        guard !c.isEmpty else { return true }
        var statements: [(sql: String, arguments: [SQLValue])] = []
        // Each guarded row is changed first (which locks it on PostgreSQL), then the guard
        // checks the change took; a stale read changes nothing and the guard aborts the rest.
        for u in c.updates {
            let s = u.state, readMoves = u.readMoves
            var sql = """
                UPDATE journey_states SET version = ?, step = ?, status = ?, parked = ?, due_at = ?, variant = ?,
                  skip_sends = ?, moves = ?, last_commit = ?, lease_owner = NULL, lease_until = NULL, updated_at = ?
                WHERE id = ? AND moves = ?
                """
            var arguments: [SQLValue] = [
                SQLValue(s.version), .text(s.step), .text(s.status.rawValue), SQLValue(s.parked ? 1 : 0),
                SQLValue(s.dueAt), SQLValue(s.variant), SQLValue(s.skipSends ? 1 : 0), SQLValue(readMoves + 1),
                .text(c.token), SQLValue(s.updatedAt), .integer(s.id), SQLValue(readMoves),
            ]
            if u.leased, let owner = c.owner {
                sql += " AND lease_owner = ?"
                arguments.append(.text(owner))
            }
            statements.append((sql, arguments))
            statements.append(
                JourneyRows.guardStatement(
                    "SELECT 1 FROM journey_states WHERE id = ? AND last_commit = ?", [.integer(s.id), .text(c.token)]))
        }
        for seq in c.signals {
            statements.append(
                (
                    "UPDATE journey_signals SET lease_owner = ? WHERE seq = ? AND lease_owner = ?",
                    [.text(c.token), .integer(seq), .text(c.owner ?? "")]
                ))
            statements.append(
                JourneyRows.guardStatement(
                    "SELECT 1 FROM journey_signals WHERE seq = ? AND lease_owner = ?", [.integer(seq), .text(c.token)]))
            statements.append(("DELETE FROM journey_signals WHERE seq = ?", [.integer(seq)]))
        }
        for s in c.inserts { statements.append((JourneyRows.stateInsert, JourneyRows.stateInsertArguments(s, token: c.token))) }
        for m in c.outbox {
            statements.append((OutboxRows.insert, OutboxRows.arguments(m)))
            statements.append(Self.sendRecord(m))
        }
        for (key, counters) in c.counts.sorted(by: { ($0.key.version, $0.key.step) < ($1.key.version, $1.key.step) }) {
            statements.append(Self.funnelIncrement(c.workspaceId, key, counters))
        }
        do {
            try await driver.transaction(statements)
            return true
        } catch SQLDriverError.checkViolation {
            return false
        }
    }

    static func funnelIncrement(_ workspaceId: String, _ key: JourneyFunnelKey, _ counters: [JourneyFunnelCounter: Int])
        -> (sql: String, arguments: [SQLValue])
    {
        let names = JourneyFunnelCounter.allCases.map(\.rawValue)
        return (
            """
            INSERT INTO journey_funnel (workspace_id, journey_id, version, step, \(names.joined(separator: ", ")))
            VALUES (?, ?, ?, ?, \(names.map { _ in "?" }.joined(separator: ", ")))
            ON CONFLICT (workspace_id, journey_id, version, step) DO UPDATE SET
              \(names.map { "\($0) = journey_funnel.\($0) + excluded.\($0)" }.joined(separator: ", "))
            """,
            [.text(workspaceId), .text(key.journeyId), SQLValue(key.version), .text(key.step)]
                + JourneyFunnelCounter.allCases.map { SQLValue(counters[$0] ?? 0) }
        )
    }

    func move(
        workspaceId: String, journeyId: String, fromVersion: Int, fromStep: String, toVersion: Int, toStep: String,
        keepTiming: Bool, now: Date
    ) async throws -> Int {
        var moved = 0
        var refusals = 0
        while true {
            let batch = try await driver.query(
                """
                SELECT id, moves FROM journey_states WHERE workspace_id = ? AND journey_id = ? AND version = ?
                  AND step = ? AND status = 'active' ORDER BY id LIMIT 500
                """, [.text(workspaceId), .text(journeyId), SQLValue(fromVersion), .text(fromStep)])
            guard !batch.isEmpty else { return moved }
            let token = UUID().uuidString
            var statements: [(sql: String, arguments: [SQLValue])] = []
            for row in batch {
                let id = try row.int64("id"), moves = try row.int("moves")
                let timing = keepTiming ? "" : "parked = 0, due_at = \(Timestamp.milliseconds(now)), "
                statements.append(
                    (
                        """
                        UPDATE journey_states SET version = ?, step = ?, \(timing)moves = moves + 1, last_commit = ?,
                          lease_owner = NULL, lease_until = NULL, updated_at = ?
                        WHERE id = ? AND moves = ? AND status = 'active'
                        """,
                        [SQLValue(toVersion), .text(toStep), .text(token), SQLValue(now), .integer(id), SQLValue(moves)]
                    ))
                statements.append(
                    JourneyRows.guardStatement(
                        "SELECT 1 FROM journey_states WHERE id = ? AND last_commit = ?", [.integer(id), .text(token)]))
            }
            statements.append(
                Self.funnelIncrement(
                    workspaceId, JourneyFunnelKey(journeyId: journeyId, version: fromVersion, step: fromStep),
                    [.migrated: batch.count]))
            statements.append(
                Self.funnelIncrement(
                    workspaceId, JourneyFunnelKey(journeyId: journeyId, version: toVersion, step: toStep),
                    [.entered: batch.count]))
            do {
                try await driver.transaction(statements)
                moved += batch.count
            } catch SQLDriverError.checkViolation {
                // A runner moved someone in the batch meanwhile: read the step again.
                refusals += 1
                if refusals > 100 {
                    throw StoreError(.conflict, "journey \(journeyId): step \(fromStep) keeps changing while moving it")
                }
            }
        }
    }

    func activeCounts(workspaceId: String, journeyId: String) async throws -> [Int: [String: Int]] {
        var out: [Int: [String: Int]] = [:]
        for row in try await driver.query(
            """
            SELECT version, step, COUNT(*) AS n FROM journey_states WHERE workspace_id = ? AND journey_id = ?
              AND status = 'active' GROUP BY version, step
            """, [.text(workspaceId), .text(journeyId)])
        {
            out[try row.int("version"), default: [:]][try row.string("step")] = try row.int("n")
        }
        return out
    }

    func shiftDue(workspaceId: String, journeyId: String, seconds: Double) async throws {
        try await driver.execute(
            """
            UPDATE journey_states SET due_at = due_at + ?, moves = moves + 1, last_commit = NULL, lease_owner = NULL,
              lease_until = NULL
            WHERE workspace_id = ? AND journey_id = ? AND status = 'active'
            """, [.integer(Int64((seconds * 1000).rounded())), .text(workspaceId), .text(journeyId)])
    }

    func markSkipSends(workspaceId: String, journeyId: String, dueBy: Date) async throws {
        try await driver.execute(
            """
            UPDATE journey_states SET skip_sends = 1, moves = moves + 1, last_commit = NULL, lease_owner = NULL,
              lease_until = NULL
            WHERE workspace_id = ? AND journey_id = ? AND status = 'active' AND due_at <= ?
            """, [.text(workspaceId), .text(journeyId), SQLValue(dueBy)])
    }

    /// The row that counts a send toward frequency caps (once per message id, as the outbox keeps it).
    static func sendRecord(_ m: OutboxMessage) -> (sql: String, arguments: [SQLValue]) {
        // The cause reads `journey:<journey id>:v<version>:e<entry>:<step>`.
        let parts = m.cause.split(separator: ":", maxSplits: 2)
        let journeyId = parts.count > 1 && parts[0] == "journey" ? String(parts[1]) : ""
        return (
            """
            INSERT INTO journey_sends (workspace_id, message_id, profile_id, journey_id, sent_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (workspace_id, message_id) DO NOTHING
            """,
            [.text(m.workspaceId), .text(m.id), .text(m.orderKey), .text(journeyId), SQLValue(m.createdAt)]
        )
    }

    func sendTimes(workspaceId: String, profileId: String, since: Date) async throws -> [Date] {
        try await driver.query(
            """
            SELECT sent_at FROM journey_sends WHERE workspace_id = ? AND profile_id = ? AND sent_at > ?
            ORDER BY sent_at
            """, [.text(workspaceId), .text(profileId), SQLValue(since)]
        ).map { try $0.date("sent_at") }
    }

    func funnel(workspaceId: String, journeyId: String) async throws -> [JourneyFunnelStep] {
        try await driver.query(
            """
            SELECT version, step, entered, advanced, migrated, completed, exited, converted, failed FROM journey_funnel
            WHERE workspace_id = ? AND journey_id = ? ORDER BY version, step
            """, [.text(workspaceId), .text(journeyId)]
        ).map { r in
            JourneyFunnelStep(
                version: try r.int("version"), step: try r.string("step"), entered: try r.int("entered"),
                advanced: try r.int("advanced"), migrated: try r.int("migrated"), completed: try r.int("completed"),
                exited: try r.int("exited"), converted: try r.int("converted"), failed: try r.int("failed"))
        }
    }
}
