import BeaconCore
import Foundation
import PostgresNIO

extension PostgresEventStore {
    public func saveSegment(_ segment: SegmentDefinition) async throws {
        let doc = try ProfileCoding.encode(segment)
        try await client.query("""
            INSERT INTO segments (workspace_id, segment_id, name, document) VALUES (\(segment.workspaceId), \(segment.id), \(segment.name), \(doc))
            ON CONFLICT (workspace_id, segment_id) DO UPDATE SET name = excluded.name, document = excluded.document
            """, logger: logger)
    }

    public func segments(workspaceId: String) async throws -> [SegmentDefinition] {
        try await segmentDocs("SELECT document FROM segments WHERE workspace_id = \(workspaceId) ORDER BY segment_id")
    }

    public func segment(workspaceId: String, id: String) async throws -> SegmentDefinition? {
        try await segmentDocs("SELECT document FROM segments WHERE workspace_id = \(workspaceId) AND segment_id = \(id)").first
    }

    public func deleteSegment(workspaceId: String, id: String) async throws -> Bool {
        try await client.withTransaction(logger: logger) { conn in
            var found = false
            for try await _ in try await conn.query(
                "DELETE FROM segments WHERE workspace_id = \(workspaceId) AND segment_id = \(id) RETURNING segment_id", logger: logger
            ).decode(String.self) { found = true }
            try await conn.query("DELETE FROM segment_members WHERE workspace_id = \(workspaceId) AND segment_id = \(id)", logger: logger)
            return found
        }
    }

    public func segmentMembers(workspaceId: String, segmentId: String, after: String?, limit: Int) async throws -> [String] {
        let after = after ?? ""
        var out: [String] = []
        for try await id in try await client.query("""
            SELECT profile_id FROM segment_members WHERE workspace_id = \(workspaceId) AND segment_id = \(segmentId)
            AND profile_id > \(after) ORDER BY profile_id LIMIT \(limit)
            """, logger: logger).decode(String.self) { out.append(id) }
        return out
    }

    public func allSegmentMembers(workspaceId: String) async throws -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for try await (s, p) in try await client.query(
            "SELECT segment_id, profile_id FROM segment_members WHERE workspace_id = \(workspaceId)", logger: logger
        ).decode((String, String).self) { out[s, default: []].insert(p) }
        return out
    }

    public func membershipChanges(workspaceId: String, segmentId: String?, after: Int64?, limit: Int) async throws -> [MembershipChange] {
        let after = after ?? 0
        let query: PostgresQuery = segmentId.map {
            """
            SELECT change_no, segment_id, profile_id, kind, at FROM segment_changes WHERE workspace_id = \(workspaceId)
            AND segment_id = \($0) AND change_no > \(after) ORDER BY change_no LIMIT \(limit)
            """
        } ?? """
            SELECT change_no, segment_id, profile_id, kind, at FROM segment_changes WHERE workspace_id = \(workspaceId)
            AND change_no > \(after) ORDER BY change_no LIMIT \(limit)
            """
        var out: [MembershipChange] = []
        for try await (no, s, p, kind, at) in try await client.query(query, logger: logger).decode((Int64, String, String, String, Int64).self) {
            out.append(MembershipChange(workspaceId: workspaceId, segmentId: s, profileId: p, kind: .init(rawValue: kind) ?? .entered,
                                        at: Timestamp.date(milliseconds: at), sequence: no))
        }
        return out
    }

    public func recordSegmentSizes(workspaceId: String, at: Date, sizes: [String: Int]) async throws {
        let ms = Timestamp.milliseconds(at)
        for (segment, size) in sizes {
            let n = Int64(size)
            try await client.query("""
                INSERT INTO segment_sizes (workspace_id, segment_id, at, size) VALUES (\(workspaceId), \(segment), \(ms), \(n))
                ON CONFLICT (workspace_id, segment_id, at) DO UPDATE SET size = excluded.size
                """, logger: logger)
        }
    }

    public func segmentSizes(workspaceId: String, segmentId: String) async throws -> [(at: Date, size: Int)] {
        var out: [(at: Date, size: Int)] = []
        for try await (at, size) in try await client.query(
            "SELECT at, size FROM segment_sizes WHERE workspace_id = \(workspaceId) AND segment_id = \(segmentId) ORDER BY at",
            logger: logger
        ).decode((Int64, Int64).self) { out.append((Timestamp.date(milliseconds: at), Int(size))) }
        return out
    }

    private func segmentDocs(_ query: PostgresQuery) async throws -> [SegmentDefinition] {
        var out: [SegmentDefinition] = []
        for try await doc in try await client.query(query, logger: logger).decode(String.self) {
            out.append(try ProfileCoding.decode(SegmentDefinition.self, doc))
        }
        return out
    }
}
