import BeaconCore
import Foundation
import PostgresNIO

extension PostgresEventStore: ProfileStore {
    public func profileCheckpoint(workspaceId: String) async throws -> (lastSeq: Int64, mergeCount: Int) {
        let rows = try await client.query(
            "SELECT last_seq, merge_count FROM profile_checkpoints WHERE workspace_id = \(workspaceId)", logger: logger)
        for try await (seq, merges) in rows.decode((Int64, Int64).self) { return (seq, Int(merges)) }
        return (0, 0)
    }

    public func apply(_ c: ProfileChangeSet) async throws {
        // Documents are encoded one at a time as they are written (see the SQLite store).
        let w = c.workspaceId
        let keys = try await personalFields.keys(workspaceId: w)
        do {
            try await commit(c, keys: keys)
        } catch let error as PostgresTransactionError {
            // A refused checkpoint is the caller's to handle, not a database failure.
            if let refusal = error.closureError as? StoreError { throw refusal }
            // A guarded commit that collided with another engine's commit of the same events
            // (a duplicate merge number, a deadlock on the same profile rows) is a refusal too:
            // the caller reloads and folds again.
            if let from = c.foldedFrom, let state = (error.closureError as? PSQLError)?.serverInfo?[.sqlState],
               ["23505", "40P01", "40001"].contains(state) {
                let stored = try await profileCheckpoint(workspaceId: w).lastSeq
                // A deadlock or serialization failure is worth another try even when the other
                // commit has not landed yet; a duplicate with an unmoved checkpoint is a real error.
                if stored != from || state != "23505" { throw c.moved(to: stored, from: from) }
            }
            throw error
        }
    }

    private func commit(_ c: ProfileChangeSet, keys: PersonalFieldKeys?) async throws {
        let w = c.workspaceId
        try await client.withTransaction(logger: logger) { conn in
            for id in c.deletes {
                try await conn.query("DELETE FROM profiles WHERE workspace_id = \(w) AND profile_id = \(id)", logger: logger)
                try await conn.query("DELETE FROM profile_identifiers WHERE workspace_id = \(w) AND profile_id = \(id)", logger: logger)
                try await conn.query("DELETE FROM segment_members WHERE workspace_id = \(w) AND profile_id = \(id)", logger: logger)
            }
            for p in c.upserts {
                let row = try ProfileRowFields(p, keys: keys)
                let doc = row.document, email = row.email, name = row.nameKey, seen = Timestamp.milliseconds(p.lastSeen)
                try await conn.query("""
                    INSERT INTO profiles (workspace_id, profile_id, email, name_key, last_seen, document)
                    VALUES (\(w), \(p.id), \(email), \(name), \(seen), \(doc))
                    ON CONFLICT (workspace_id, profile_id) DO UPDATE SET email = excluded.email, name_key = excluded.name_key,
                      last_seen = excluded.last_seen, document = excluded.document
                    """, logger: logger)
                if !p.identifiers.isEmpty {
                    let kinds = p.identifiers.map(\.kind), values = p.identifiers.map { row.identifier($0.value) }
                    try await conn.query("""
                        INSERT INTO profile_identifiers (workspace_id, kind, value, profile_id)
                        SELECT \(w), k, v, \(p.id) FROM unnest(\(kinds)::text[], \(values)::text[]) AS t(k, v)
                        ON CONFLICT (workspace_id, kind, value) DO UPDATE SET profile_id = excluded.profile_id
                        """, logger: logger)
                }
            }
            for (n, m) in c.merges.enumerated() {
                let doc = try ProfileCoding.encode(m)
                let no = Int64(c.mergeCount - c.merges.count + n + 1)
                try await conn.query("""
                    INSERT INTO identity_merges (workspace_id, merge_no, into_profile, from_profile, document)
                    VALUES (\(w), \(no), \(m.into), \(m.from), \(doc))
                    """, logger: logger)
            }
            let at = Timestamp.milliseconds(c.changedAt)
            for (s, p) in c.exited {
                try await conn.query(
                    "DELETE FROM segment_members WHERE workspace_id = \(w) AND segment_id = \(s) AND profile_id = \(p)", logger: logger)
                try await conn.query(
                    "INSERT INTO segment_changes (workspace_id, segment_id, profile_id, kind, at) VALUES (\(w), \(s), \(p), 'exited', \(at))",
                    logger: logger)
            }
            for (s, p) in c.entered {
                try await conn.query("""
                    INSERT INTO segment_members (workspace_id, segment_id, profile_id, entered_at) VALUES (\(w), \(s), \(p), \(at))
                    ON CONFLICT DO NOTHING
                    """, logger: logger)
                try await conn.query(
                    "INSERT INTO segment_changes (workspace_id, segment_id, profile_id, kind, at) VALUES (\(w), \(s), \(p), 'entered', \(at))",
                    logger: logger)
            }
            let outbox = PostgresDriver(client: client, logger: logger)
            for m in c.outbox { try await conn.query(try outbox.statement(OutboxRows.insert, OutboxRows.arguments(m)), logger: logger) }
            for j in c.journeySignals {
                try await conn.query(try outbox.statement(JourneyRows.signalInsert, JourneyRows.signalArguments(j)), logger: logger)
            }
            let seq = c.lastSeq, count = Int64(c.mergeCount)
            guard let from = c.foldedFrom else {
                try await conn.query("""
                    INSERT INTO profile_checkpoints (workspace_id, last_seq, merge_count) VALUES (\(w), \(seq), \(count))
                    ON CONFLICT (workspace_id) DO UPDATE SET last_seq = excluded.last_seq, merge_count = excluded.merge_count
                    """, logger: logger)
                return
            }
            // The compare-and-swap, and the only check of `from`: written only while the
            // checkpoint still is `from` (read again after any concurrent writer of the row has
            // committed). It is the last statement and takes no lock before, so commits that
            // write profiles first and the checkpoint last cannot deadlock on it.
            let written = try await conn.query("""
                INSERT INTO profile_checkpoints (workspace_id, last_seq, merge_count) VALUES (\(w), \(seq), \(count))
                ON CONFLICT (workspace_id) DO UPDATE SET last_seq = excluded.last_seq, merge_count = excluded.merge_count
                WHERE profile_checkpoints.last_seq = \(from)
                RETURNING last_seq
                """, logger: logger)
            var swapped = false
            for try await _ in written.decode(Int64.self) { swapped = true }
            if !swapped {
                throw c.moved(to: try await checkpoint(w, on: conn), from: from)
            }
        }
    }

    /// The stored checkpoint, read on `conn` (0 when the workspace has none).
    private func checkpoint(_ workspaceId: String, on conn: PostgresConnection) async throws -> Int64 {
        let rows = try await conn.query(
            "SELECT last_seq FROM profile_checkpoints WHERE workspace_id = \(workspaceId)", logger: logger)
        for try await seq in rows.decode(Int64.self) { return seq }
        return 0
    }

    public func resetProfiles(workspaceId: String) async throws {
        try await client.withTransaction(logger: logger) { conn in
            try await conn.query("DELETE FROM profiles WHERE workspace_id = \(workspaceId)", logger: logger)
            try await conn.query("DELETE FROM profile_identifiers WHERE workspace_id = \(workspaceId)", logger: logger)
            try await conn.query("DELETE FROM identity_merges WHERE workspace_id = \(workspaceId)", logger: logger)
            try await conn.query("DELETE FROM profile_checkpoints WHERE workspace_id = \(workspaceId)", logger: logger)
        }
    }

    public func profile(workspaceId: String, id: String) async throws -> Profile? {
        try await profiles(
            "SELECT document FROM profiles WHERE workspace_id = \(workspaceId) AND profile_id = \(id)", workspaceId: workspaceId
        ).first
    }

    public func profileId(workspaceId: String, identifierValue raw: String, kind: String?) async throws -> String? {
        let identifierValue = try await personalFields.keys(workspaceId: workspaceId)?.index(raw) ?? raw
        let query: PostgresQuery = kind.map {
            "SELECT profile_id FROM profile_identifiers WHERE workspace_id = \(workspaceId) AND kind = \($0) AND value = \(identifierValue)"
        } ?? "SELECT profile_id FROM profile_identifiers WHERE workspace_id = \(workspaceId) AND value = \(identifierValue) ORDER BY kind LIMIT 1"
        for try await id in try await client.query(query, logger: logger).decode(String.self) { return id }
        return nil
    }

    public func searchProfiles(workspaceId: String, prefix raw: String, limit: Int) async throws -> [Profile] {
        // Protected, a search matches whole identifiers and emails only (see the SQLite store).
        let keys = try await personalFields.keys(workspaceId: workspaceId)
        let prefix = keys?.index(raw) ?? raw
        let lower = keys?.index(raw.lowercased()) ?? raw.lowercased()
        let upper = ProfileCoding.upperBound(prefix), lowerUpper = ProfileCoding.upperBound(lower)
        return try await profiles("""
            SELECT document FROM profiles WHERE workspace_id = \(workspaceId) AND profile_id IN (
              (SELECT profile_id FROM profile_identifiers WHERE workspace_id = \(workspaceId) AND value >= \(prefix) AND value < \(upper) LIMIT \(limit))
              UNION (SELECT profile_id FROM profiles WHERE workspace_id = \(workspaceId) AND email >= \(lower) AND email < \(lowerUpper) LIMIT \(limit))
              UNION (SELECT profile_id FROM profiles WHERE workspace_id = \(workspaceId) AND name_key >= \(lower) AND name_key < \(lowerUpper) LIMIT \(limit))
            ) ORDER BY profile_id LIMIT \(limit)
            """, workspaceId: workspaceId)
    }

    public func listProfiles(workspaceId: String, after: String?, limit: Int) async throws -> [Profile] {
        let after = after ?? ""
        return try await profiles("""
            SELECT document FROM profiles WHERE workspace_id = \(workspaceId) AND profile_id > \(after)
            ORDER BY profile_id LIMIT \(limit)
            """, workspaceId: workspaceId)
    }

    public func profileCount(workspaceId: String) async throws -> Int {
        for try await n in try await client.query("SELECT COUNT(*) FROM profiles WHERE workspace_id = \(workspaceId)", logger: logger)
            .decode(Int64.self) { return Int(n) }
        return 0
    }

    public func identityMerges(workspaceId: String, profileId: String?, limit: Int) async throws -> [IdentityMerge] {
        let query: PostgresQuery = profileId.map {
            """
            SELECT document FROM identity_merges WHERE workspace_id = \(workspaceId) AND (into_profile = \($0) OR from_profile = \($0))
            ORDER BY merge_no LIMIT \(limit)
            """
        } ?? "SELECT document FROM identity_merges WHERE workspace_id = \(workspaceId) ORDER BY merge_no LIMIT \(limit)"
        var out: [IdentityMerge] = []
        for try await doc in try await client.query(query, logger: logger).decode(String.self) {
            out.append(try ProfileCoding.decode(IdentityMerge.self, doc))
        }
        return out
    }

    public func timeline(workspaceId: String, userIds: [String], anonymousIds: [String], before: Int64?, limit: Int) async throws -> [StoredEvent] {
        let before = before ?? Int64.max
        let rows = try await client.query("""
            SELECT seq, payload::text FROM events WHERE workspace_id = \(workspaceId) AND seq < \(before)
            AND (user_id = ANY(\(userIds)::text[]) OR anonymous_id = ANY(\(anonymousIds)::text[])) ORDER BY seq DESC LIMIT \(limit)
            """, logger: logger)
        var out: [StoredEvent] = []
        for try await (seq, payload) in rows.decode((Int64, String).self) {
            out.append(StoredEvent(workspaceId: workspaceId, sequence: seq, event: try Event.fromPayload(payload)))
        }
        return out
    }

    func profiles(_ query: PostgresQuery, workspaceId: String) async throws -> [Profile] {
        let keys = try await personalFields.keys(workspaceId: workspaceId)
        var out: [Profile] = []
        for try await doc in try await client.query(query, logger: logger).decode(String.self) {
            out.append(try ProfileRowFields.profile(from: doc, keys: keys))
        }
        return out
    }
}
