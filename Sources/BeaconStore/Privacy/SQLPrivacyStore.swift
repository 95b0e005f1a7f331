import BeaconCore
import Foundation

/// `PrivacyStore` written once in SQL over either backend's driver; physical reclamation is
/// the one backend-specific step, passed in by the backend. Privileged changes are written in
/// the same transaction as their audit entries (`SQLAuditWriter`).
struct SQLPrivacyStore: PrivacyStore {
    let writer: SQLAuditWriter
    let reclaim: @Sendable ([String]) async throws -> Void
    var driver: any SQLDriver { writer.driver }

    /// Runs `statements` in one transaction, with `audit`'s entries when there are any.
    private func commit(_ statements: [(sql: String, arguments: [SQLValue])], audit: AuditAppend?) async throws {
        if let audit {
            try await writer.append(audit, alongside: statements)
        } else {
            try await driver.transaction(statements)
        }
    }

    func consentRecords(workspaceId: String, identifierValues: [String]) async throws -> [ConsentRecord] {
        guard !identifierValues.isEmpty else { return [] }
        let rows = try await driver.query(
            """
            SELECT message_id, identifier_kind, identifier_value, category, granted, source, at, policy_version
            FROM consent_records WHERE workspace_id = ? AND identifier_value IN (\(SQLValue.marks(identifierValues.count)))
            ORDER BY at, message_id, category
            """, [.text(workspaceId)] + identifierValues.map(SQLValue.text))
        return try rows.map { r in
            ConsentRecord(
                identifier: Identifier(kind: try r.string("identifier_kind"), value: try r.string("identifier_value")),
                category: try r.string("category"), granted: try r.int64("granted") != 0, source: try r.string("source"),
                at: try r.date("at"), policyVersion: try r.optionalString("policy_version"),
                messageId: try r.string("message_id"))
        }
    }

    func suppressionVersion(workspaceId: String) async throws -> Int64 {
        let rows = try await driver.query(
            "SELECT version FROM subject_suppression_versions WHERE workspace_id = ?", [.text(workspaceId)])
        return try rows.first?.int64("version") ?? 0
    }

    func suppressedHashes(workspaceId: String) async throws -> Set<String> {
        let rows = try await driver.query(
            "SELECT identifier_hash FROM subject_suppressions WHERE workspace_id = ?", [.text(workspaceId)])
        return Set(try rows.map { try $0.string("identifier_hash") })
    }

    static let bumpVersion = """
        INSERT INTO subject_suppression_versions (workspace_id, version) VALUES (?, 1)
        ON CONFLICT (workspace_id) DO UPDATE SET version = subject_suppression_versions.version + 1
        """

    func addSuppression(_ s: SubjectSuppression, hashes: [(hash: String, kind: String)], audit: AuditAppend?)
        async throws
    {
        var statements: [(sql: String, arguments: [SQLValue])] = hashes.map { h in
            (
                """
                INSERT INTO subject_suppressions (workspace_id, identifier_hash, identifier_kind, suppression_id, reason, created_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (workspace_id, identifier_hash) DO NOTHING
                """,
                [.text(s.workspaceId), .text(h.hash), .text(h.kind), .text(s.id), .text(s.reason), SQLValue(s.createdAt)]
            )
        }
        statements.append((Self.bumpVersion, [.text(s.workspaceId)]))
        try await commit(statements, audit: audit)
    }

    func liftSuppression(workspaceId: String, id: String, audit: AuditAppend?) async throws -> Bool {
        let existing = try await driver.query(
            "SELECT 1 AS one FROM subject_suppressions WHERE workspace_id = ? AND suppression_id = ? LIMIT 1",
            [.text(workspaceId), .text(id)])
        guard !existing.isEmpty else { return false }
        try await commit(
            [
                ("DELETE FROM subject_suppressions WHERE workspace_id = ? AND suppression_id = ?", [.text(workspaceId), .text(id)]),
                (Self.bumpVersion, [.text(workspaceId)]),
            ], audit: audit)
        return true
    }

    func suppressions(workspaceId: String) async throws -> [SubjectSuppression] {
        let rows = try await driver.query(
            """
            SELECT suppression_id, reason, identifier_kind, COUNT(*) AS n, MIN(created_at) AS created_at
            FROM subject_suppressions WHERE workspace_id = ? GROUP BY suppression_id, reason, identifier_kind
            ORDER BY suppression_id
            """, [.text(workspaceId)])
        var out: [String: SubjectSuppression] = [:]
        for r in rows {
            let id = try r.string("suppression_id")
            let fresh = SubjectSuppression(
                workspaceId: workspaceId, id: id, reason: try r.string("reason"), identifierKinds: [:],
                createdAt: try r.date("created_at"))
            var s = out[id] ?? fresh
            s.identifierKinds[try r.string("identifier_kind")] = try r.int("n")
            out[id] = s
        }
        return out.values.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    /// The condition finding a subject's rows in `table` and its arguments, nil when the table
    /// has no column that can.
    static func locate(_ table: PersonalDataTable, workspaceId: String, _ subject: SubjectKeys)
        -> (sql: String, arguments: [SQLValue])?
    {
        var parts: [String] = []
        var arguments: [SQLValue] = []
        if !subject.values.isEmpty {
            for c in table.identifierColumns {
                parts.append("\(c) IN (\(SQLValue.marks(subject.values.count)))")
                arguments += subject.values.map(SQLValue.text)
            }
            for c in table.searchedColumns {
                for v in subject.values {
                    parts.append("\(c) LIKE ?")
                    arguments.append(.text("%" + JSONValue.string(v).serialized() + "%"))
                }
            }
        }
        if !subject.profileIds.isEmpty {
            for c in table.profileIdColumns {
                parts.append("\(c) IN (\(SQLValue.marks(subject.profileIds.count)))")
                arguments += subject.profileIds.map(SQLValue.text)
            }
        }
        guard !parts.isEmpty else { return nil }
        guard let scope = table.scope.condition else { return ("(\(parts.joined(separator: " OR ")))", arguments) }
        return ("\(scope) AND (\(parts.joined(separator: " OR ")))", [.text(workspaceId)] + arguments)
    }

    /// The condition finding free-text cells of `column` that quote one of the subject's identifiers.
    static func quoting(_ table: PersonalDataTable, _ column: String, workspaceId: String, _ subject: SubjectKeys)
        -> (sql: String, arguments: [SQLValue])?
    {
        guard !subject.values.isEmpty else { return nil }
        let parts = subject.values.map { _ in "LOWER(\(column)) LIKE ?" }.joined(separator: " OR ")
        let arguments = subject.values.map { SQLValue.text("%" + $0.lowercased() + "%") }
        guard let scope = table.scope.condition else { return ("(\(parts))", arguments) }
        return ("\(scope) AND (\(parts))", [.text(workspaceId)] + arguments)
    }

    func subjectRows(workspaceId: String, subject: SubjectKeys) async throws
        -> [(section: String, table: String, rows: [SQLRow])]
    {
        var out: [(section: String, table: String, rows: [SQLRow])] = []
        for table in PersonalDataRegistry.subjectTables {
            let select = table.columns.keys.sorted().map { c -> String in
                let role = table.columns[c]!
                return role == .document || role == .searchedDocument ? "CAST(\(c) AS TEXT) AS \(c)" : c
            }.joined(separator: ", ")
            var rows: [SQLRow] = []
            if let found = Self.locate(table, workspaceId: workspaceId, subject) {
                rows += try await driver.query("SELECT \(select) FROM \(table.name) WHERE \(found.sql)", found.arguments)
            }
            for column in table.freeTextColumns where Self.locate(table, workspaceId: workspaceId, subject) == nil {
                if let q = Self.quoting(table, column, workspaceId: workspaceId, subject) {
                    rows += try await driver.query("SELECT \(select) FROM \(table.name) WHERE \(q.sql)", q.arguments)
                }
            }
            out.append((table.holding.section!, table.name, rows))
        }
        return out
    }

    func eraseSubject(workspaceId: String, subject: SubjectKeys) async throws
        -> (deleted: [String: Int], scrubbed: [String: Int])
    {
        var deleted: [String: Int] = [:]
        var scrubbed: [String: Int] = [:]
        var statements: [(sql: String, arguments: [SQLValue])] = []
        var counts: [(table: String, scrub: Bool, sql: String, arguments: [SQLValue])] = []
        for table in PersonalDataRegistry.subjectTables {
            if let found = Self.locate(table, workspaceId: workspaceId, subject) {
                counts.append((table.name, false, "SELECT COUNT(*) AS n FROM \(table.name) WHERE \(found.sql)", found.arguments))
                statements.append(("DELETE FROM \(table.name) WHERE \(found.sql)", found.arguments))
            }
            for column in table.freeTextColumns {
                guard let q = Self.quoting(table, column, workspaceId: workspaceId, subject) else { continue }
                counts.append((table.name, true, "SELECT COUNT(*) AS n FROM \(table.name) WHERE \(q.sql)", q.arguments))
                statements.append(("UPDATE \(table.name) SET \(column) = '[erased]' WHERE \(q.sql)", q.arguments))
            }
        }
        // Counted first (for the report), then deleted in one transaction; rows arriving in
        // between are suppressed at ingest, so the counts are what the deletes remove.
        for c in counts {
            let n = try await driver.query(c.sql, c.arguments).first?.int("n") ?? 0
            guard n > 0 else { continue }
            if c.scrub { scrubbed[c.table, default: 0] += n } else { deleted[c.table, default: 0] += n }
        }
        try await driver.transaction(statements)
        return (deleted, scrubbed)
    }

    func reclaimSpace(tables: [String]) async throws {
        try await reclaim(tables)
    }

    func saveErasure(_ job: ErasureJob, audit: AuditAppend?) async throws {
        try await commit([(
            """
            INSERT INTO privacy_erasures (workspace_id, erasure_id, subject_hash, suppression_id, state, requested_at,
              finished_at, report, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (workspace_id, erasure_id) DO UPDATE SET state = excluded.state,
              finished_at = excluded.finished_at, report = excluded.report, error = excluded.error
            """,
            [
                .text(job.workspaceId), .text(job.id), .text(job.subjectHash), .text(job.suppressionId),
                .text(job.state.rawValue), SQLValue(job.requestedAt), SQLValue(job.finishedAt),
                SQLValue(try job.report.map { try ProfileCoding.encode($0) }), SQLValue(job.error),
            ])], audit: audit)
    }

    func erasure(workspaceId: String, id: String) async throws -> ErasureJob? {
        let rows = try await driver.query(
            "SELECT * FROM privacy_erasures WHERE workspace_id = ? AND erasure_id = ?", [.text(workspaceId), .text(id)])
        guard let r = rows.first else { return nil }
        return ErasureJob(
            workspaceId: workspaceId, id: id, subjectHash: try r.string("subject_hash"),
            suppressionId: try r.string("suppression_id"),
            state: ErasureJob.State(rawValue: try r.string("state")) ?? .failed, requestedAt: try r.date("requested_at"),
            finishedAt: try r.optionalDate("finished_at"),
            report: try r.optionalString("report").map { try ProfileCoding.decode(ErasureReport.self, $0) },
            error: try r.optionalString("error"))
    }

    func retentionRules(workspaceId: String) async throws -> [RetentionRule] {
        try await driver.query(
            "SELECT event_name, max_age_days, updated_at FROM retention_rules WHERE workspace_id = ? ORDER BY event_name",
            [.text(workspaceId)]
        ).map { r in
            RetentionRule(
                workspaceId: workspaceId, eventName: try r.string("event_name"), maxAgeDays: try r.int("max_age_days"),
                updatedAt: try r.date("updated_at"))
        }
    }

    func setRetention(workspaceId: String, eventName: String, maxAgeDays: Int?, at: Date, audit: AuditAppend?)
        async throws
    {
        if let days = maxAgeDays {
            try await commit([(
                """
                INSERT INTO retention_rules (workspace_id, event_name, max_age_days, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (workspace_id, event_name) DO UPDATE SET max_age_days = excluded.max_age_days,
                  updated_at = excluded.updated_at
                """, [.text(workspaceId), .text(eventName), SQLValue(days), SQLValue(at)])], audit: audit)
        } else {
            try await commit([(
                "DELETE FROM retention_rules WHERE workspace_id = ? AND event_name = ?", [.text(workspaceId), .text(eventName)]
            )], audit: audit)
        }
    }

    func applyRetention(workspaceId: String, rules: [RetentionRule], now: Date) async throws -> Int {
        let named = rules.filter { $0.eventName != RetentionRule.allEvents }.map(\.eventName)
        var conditions: [(sql: String, arguments: [SQLValue])] = []
        for rule in rules {
            let cutoff = SQLValue(now.addingTimeInterval(-Double(rule.maxAgeDays) * 86_400))
            if rule.eventName == RetentionRule.allEvents {
                let others = named.isEmpty ? "" : " AND (event IS NULL OR event NOT IN (\(SQLValue.marks(named.count))))"
                conditions.append(("workspace_id = ? AND timestamp < ?" + others,
                                   [.text(workspaceId), cutoff] + named.map(SQLValue.text)))
            } else {
                conditions.append(("workspace_id = ? AND timestamp < ? AND event = ?",
                                   [.text(workspaceId), cutoff, .text(rule.eventName)]))
            }
        }
        var removed = 0
        for c in conditions {
            let n = try await driver.query("SELECT COUNT(*) AS n FROM events WHERE \(c.sql)", c.arguments).first?.int("n") ?? 0
            guard n > 0 else { continue }
            removed += n
            try await driver.transaction([
                ("DELETE FROM commerce_facts WHERE workspace_id = ? AND seq IN (SELECT seq FROM events WHERE \(c.sql))",
                 [.text(workspaceId)] + c.arguments),
                ("DELETE FROM events WHERE \(c.sql)", c.arguments),
                ("""
                 DELETE FROM identity_links WHERE workspace_id = ? AND NOT EXISTS
                   (SELECT 1 FROM events e WHERE e.workspace_id = identity_links.workspace_id AND e.seq = identity_links.seq)
                 """, [.text(workspaceId)]),
            ])
        }
        return removed
    }
}
