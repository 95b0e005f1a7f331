import BeaconCore
import Foundation
import GRDB

extension SQLiteEventStore: ProfileStore {
    public func profileCheckpoint(workspaceId: String) async throws -> (lastSeq: Int64, mergeCount: Int) {
        try await pool.read { db in try Self.checkpoint(db, workspaceId) }
    }

    /// The stored checkpoint, read in `db` ((0, 0) when the workspace has none).
    static func checkpoint(_ db: Database, _ workspaceId: String) throws -> (lastSeq: Int64, mergeCount: Int) {
        let row = try Row.fetchOne(db, sql: "SELECT last_seq, merge_count FROM profile_checkpoints WHERE workspace_id = ?",
                                   arguments: [workspaceId])
        return (row?[0] ?? 0, row?[1] ?? 0)
    }

    public func apply(_ c: ProfileChangeSet) async throws {
        // Documents are encoded one at a time as they are written: a full recompute or a
        // prediction refresh can upsert every profile, and all their texts at once would not fit.
        // With protection, documents are sealed, emails and identifiers kept as blind indexes
        // and names not kept for search (`PersonalFieldKeys`).
        let keys = try await personalFields.keys(workspaceId: c.workspaceId)
        try await pool.write { db in
            let w = c.workspaceId
            if let from = c.foldedFrom {
                // One writer at a time: the checkpoint read here cannot move before this commits.
                let stored = try Self.checkpoint(db, w).lastSeq
                guard stored == from else { throw c.moved(to: stored, from: from) }
            }
            for id in c.deletes {
                try db.execute(sql: "DELETE FROM profiles WHERE workspace_id = ? AND profile_id = ?", arguments: [w, id])
                try db.execute(sql: "DELETE FROM profile_identifiers WHERE workspace_id = ? AND profile_id = ?", arguments: [w, id])
                try db.execute(sql: "DELETE FROM segment_members WHERE workspace_id = ? AND profile_id = ?", arguments: [w, id])
            }
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO profiles (workspace_id, profile_id, email, name_key, last_seen, document) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (workspace_id, profile_id) DO UPDATE SET email = excluded.email, name_key = excluded.name_key,
                  last_seen = excluded.last_seen, document = excluded.document
                """)
            let identifier = try db.cachedStatement(sql: """
                INSERT INTO profile_identifiers (workspace_id, kind, value, profile_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (workspace_id, kind, value) DO UPDATE SET profile_id = excluded.profile_id
                """)
            for p in c.upserts {
                let row = try ProfileRowFields(p, keys: keys)
                try upsert.execute(arguments: [w, p.id, row.email, row.nameKey, Timestamp.milliseconds(p.lastSeen), row.document])
                for i in p.identifiers { try identifier.execute(arguments: [w, i.kind, row.identifier(i.value), p.id]) }
            }
            for (n, m) in c.merges.enumerated() {
                try db.execute(
                    sql: "INSERT INTO identity_merges (workspace_id, merge_no, into_profile, from_profile, document) VALUES (?, ?, ?, ?, ?)",
                    arguments: [w, c.mergeCount - c.merges.count + n + 1, m.into, m.from, try ProfileCoding.encode(m)])
            }
            let at = Timestamp.milliseconds(c.changedAt)
            let change = try db.cachedStatement(
                sql: "INSERT INTO segment_changes (workspace_id, segment_id, profile_id, kind, at) VALUES (?, ?, ?, ?, ?)")
            for (s, p) in c.exited {
                try db.execute(sql: "DELETE FROM segment_members WHERE workspace_id = ? AND segment_id = ? AND profile_id = ?",
                               arguments: [w, s, p])
                try change.execute(arguments: [w, s, p, "exited", at])
            }
            let member = try db.cachedStatement(sql: """
                INSERT INTO segment_members (workspace_id, segment_id, profile_id, entered_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """)
            for (s, p) in c.entered {
                try member.execute(arguments: [w, s, p, at])
                try change.execute(arguments: [w, s, p, "entered", at])
            }
            for m in c.outbox { try db.execute(sql: OutboxRows.insert, arguments: GRDBDriver.arguments(OutboxRows.arguments(m))) }
            for j in c.journeySignals {
                try db.execute(sql: JourneyRows.signalInsert, arguments: GRDBDriver.arguments(JourneyRows.signalArguments(j)))
            }
            try db.execute(sql: """
                INSERT INTO profile_checkpoints (workspace_id, last_seq, merge_count) VALUES (?, ?, ?)
                ON CONFLICT (workspace_id) DO UPDATE SET last_seq = excluded.last_seq, merge_count = excluded.merge_count
                """, arguments: [w, c.lastSeq, c.mergeCount])
        }
    }

    public func resetProfiles(workspaceId: String) async throws {
        try await pool.write { db in
            for table in ["profiles", "profile_identifiers", "identity_merges", "profile_checkpoints"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE workspace_id = ?", arguments: [workspaceId])
            }
        }
    }

    public func profile(workspaceId: String, id: String) async throws -> Profile? {
        let doc = try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT document FROM profiles WHERE workspace_id = ? AND profile_id = ?",
                                arguments: [workspaceId, id])
        }
        let keys = try await personalFields.keys(workspaceId: workspaceId)
        return try doc.map { try ProfileRowFields.profile(from: $0, keys: keys) }
    }

    public func profileId(workspaceId: String, identifierValue raw: String, kind: String?) async throws -> String? {
        let identifierValue = try await personalFields.keys(workspaceId: workspaceId)?.index(raw) ?? raw
        return try await pool.read { db in
            if let kind {
                return try String.fetchOne(
                    db, sql: "SELECT profile_id FROM profile_identifiers WHERE workspace_id = ? AND kind = ? AND value = ?",
                    arguments: [workspaceId, kind, identifierValue])
            }
            // By the value index: left to itself SQLite walks the primary key to get `kind`
            // order for free, reading every identifier of the workspace.
            return try String.fetchOne(db, sql: """
                SELECT profile_id FROM profile_identifiers INDEXED BY profile_identifiers_by_value
                WHERE workspace_id = ? AND value = ? ORDER BY kind LIMIT 1
                """, arguments: [workspaceId, identifierValue])
        }
    }

    public func searchProfiles(workspaceId: String, prefix raw: String, limit: Int) async throws -> [Profile] {
        // Protected, a search matches whole identifiers and emails only (their blind indexes
        // have one length, so the prefix range of an index is that index alone).
        let keys = try await personalFields.keys(workspaceId: workspaceId)
        let prefix = keys?.index(raw) ?? raw
        let lower = keys?.index(raw.lowercased()) ?? raw.lowercased()
        let docs = try await pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT document FROM profiles WHERE workspace_id = ?1 AND profile_id IN (
                  SELECT profile_id FROM (SELECT profile_id FROM profile_identifiers WHERE workspace_id = ?1 AND value >= ?2 AND value < ?3 LIMIT ?6)
                  UNION SELECT profile_id FROM (SELECT profile_id FROM profiles WHERE workspace_id = ?1 AND email >= ?4 AND email < ?5 LIMIT ?6)
                  UNION SELECT profile_id FROM (SELECT profile_id FROM profiles WHERE workspace_id = ?1 AND name_key >= ?4 AND name_key < ?5 LIMIT ?6)
                ) ORDER BY profile_id LIMIT ?6
                """, arguments: [workspaceId, prefix, ProfileCoding.upperBound(prefix), lower, ProfileCoding.upperBound(lower), limit])
        }
        return try docs.map { try ProfileRowFields.profile(from: $0, keys: keys) }
    }

    public func listProfiles(workspaceId: String, after: String?, limit: Int) async throws -> [Profile] {
        let docs = try await pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT document FROM profiles WHERE workspace_id = ? AND profile_id > ? ORDER BY profile_id LIMIT ?",
                arguments: [workspaceId, after ?? "", limit])
        }
        let keys = try await personalFields.keys(workspaceId: workspaceId)
        return try docs.map { try ProfileRowFields.profile(from: $0, keys: keys) }
    }

    public func profileCount(workspaceId: String) async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM profiles WHERE workspace_id = ?", arguments: [workspaceId]) ?? 0
        }
    }

    public func identityMerges(workspaceId: String, profileId: String?, limit: Int) async throws -> [IdentityMerge] {
        let docs = try await pool.read { db in
            if let profileId {
                return try String.fetchAll(db, sql: """
                    SELECT document FROM identity_merges WHERE workspace_id = ?1 AND (into_profile = ?2 OR from_profile = ?2)
                    ORDER BY merge_no LIMIT ?3
                    """, arguments: [workspaceId, profileId, limit])
            }
            return try String.fetchAll(db, sql: "SELECT document FROM identity_merges WHERE workspace_id = ? ORDER BY merge_no LIMIT ?",
                                       arguments: [workspaceId, limit])
        }
        return try docs.map { try ProfileCoding.decode(IdentityMerge.self, $0) }
    }

    public func timeline(workspaceId: String, userIds: [String], anonymousIds: [String], before: Int64?, limit: Int) async throws -> [StoredEvent] {
        guard !(userIds.isEmpty && anonymousIds.isEmpty) else { return [] }
        let u = Array(repeating: "?", count: userIds.count).joined(separator: ",")
        let a = Array(repeating: "?", count: anonymousIds.count).joined(separator: ",")
        var clauses: [String] = []
        if !userIds.isEmpty { clauses.append("user_id IN (\(u))") }
        if !anonymousIds.isEmpty { clauses.append("anonymous_id IN (\(a))") }
        let sql = "SELECT seq, payload FROM events WHERE workspace_id = ? AND seq < ? AND (\(clauses.joined(separator: " OR "))) ORDER BY seq DESC LIMIT ?"
        var args: [(any DatabaseValueConvertible)?] = [workspaceId, before ?? Int64.max]
        args += userIds.map { $0 as (any DatabaseValueConvertible)? }
        args += anonymousIds.map { $0 as (any DatabaseValueConvertible)? }
        args.append(limit)
        let arguments = StatementArguments(args)
        return try await pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                StoredEvent(workspaceId: workspaceId, sequence: row[0], event: try Event.fromPayload(row[1]))
            }
        }
    }
}
