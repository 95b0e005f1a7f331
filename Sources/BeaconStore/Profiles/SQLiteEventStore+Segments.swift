import BeaconCore
import Foundation
import GRDB

extension SQLiteEventStore {
    public func saveSegment(_ segment: SegmentDefinition) async throws {
        let doc = try ProfileCoding.encode(segment)
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO segments (workspace_id, segment_id, name, document) VALUES (?, ?, ?, ?)
                ON CONFLICT (workspace_id, segment_id) DO UPDATE SET name = excluded.name, document = excluded.document
                """, arguments: [segment.workspaceId, segment.id, segment.name, doc])
        }
    }

    public func segments(workspaceId: String) async throws -> [SegmentDefinition] {
        let docs = try await pool.read { db in
            try String.fetchAll(db, sql: "SELECT document FROM segments WHERE workspace_id = ? ORDER BY segment_id", arguments: [workspaceId])
        }
        return try docs.map { try ProfileCoding.decode(SegmentDefinition.self, $0) }
    }

    public func segment(workspaceId: String, id: String) async throws -> SegmentDefinition? {
        let doc = try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT document FROM segments WHERE workspace_id = ? AND segment_id = ?",
                                arguments: [workspaceId, id])
        }
        return try doc.map { try ProfileCoding.decode(SegmentDefinition.self, $0) }
    }

    public func deleteSegment(workspaceId: String, id: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM segments WHERE workspace_id = ? AND segment_id = ?", arguments: [workspaceId, id])
            let found = db.changesCount > 0
            try db.execute(sql: "DELETE FROM segment_members WHERE workspace_id = ? AND segment_id = ?", arguments: [workspaceId, id])
            return found
        }
    }

    public func segmentMembers(workspaceId: String, segmentId: String, after: String?, limit: Int) async throws -> [String] {
        try await pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT profile_id FROM segment_members WHERE workspace_id = ? AND segment_id = ? AND profile_id > ?
                ORDER BY profile_id LIMIT ?
                """, arguments: [workspaceId, segmentId, after ?? "", limit])
        }
    }

    public func allSegmentMembers(workspaceId: String) async throws -> [String: Set<String>] {
        try await pool.read { db in
            var out: [String: Set<String>] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT segment_id, profile_id FROM segment_members WHERE workspace_id = ?",
                                           arguments: [workspaceId])
            while let row = try rows.next() { out[row[0], default: []].insert(row[1]) }
            return out
        }
    }

    public func membershipChanges(workspaceId: String, segmentId: String?, after: Int64?, limit: Int) async throws -> [MembershipChange] {
        try await pool.read { db in
            let rows: [Row]
            if let segmentId {
                rows = try Row.fetchAll(db, sql: """
                    SELECT change_no, segment_id, profile_id, kind, at FROM segment_changes
                    WHERE workspace_id = ? AND segment_id = ? AND change_no > ? ORDER BY change_no LIMIT ?
                    """, arguments: [workspaceId, segmentId, after ?? 0, limit])
            } else {
                rows = try Row.fetchAll(db, sql: """
                    SELECT change_no, segment_id, profile_id, kind, at FROM segment_changes
                    WHERE workspace_id = ? AND change_no > ? ORDER BY change_no LIMIT ?
                    """, arguments: [workspaceId, after ?? 0, limit])
            }
            return rows.map { row in
                MembershipChange(workspaceId: workspaceId, segmentId: row[1], profileId: row[2],
                                 kind: MembershipChange.Kind(rawValue: row[3]) ?? .entered,
                                 at: Timestamp.date(milliseconds: row[4]), sequence: row[0])
            }
        }
    }

    public func recordSegmentSizes(workspaceId: String, at: Date, sizes: [String: Int]) async throws {
        try await pool.write { db in
            for (segment, size) in sizes {
                try db.execute(sql: """
                    INSERT INTO segment_sizes (workspace_id, segment_id, at, size) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO UPDATE SET size = excluded.size
                    """, arguments: [workspaceId, segment, Timestamp.milliseconds(at), size])
            }
        }
    }

    public func segmentSizes(workspaceId: String, segmentId: String) async throws -> [(at: Date, size: Int)] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT at, size FROM segment_sizes WHERE workspace_id = ? AND segment_id = ? ORDER BY at",
                             arguments: [workspaceId, segmentId]).map { (Timestamp.date(milliseconds: $0[0]), $0[1]) }
        }
    }
}
