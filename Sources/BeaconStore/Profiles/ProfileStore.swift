import BeaconCore
import Foundation

/// Persistence of everything derived from the event log about people: profiles, their
/// identifiers, the identity merge log, and segment definitions and memberships.
///
/// The engine writes one `ProfileChangeSet` per projection step in one transaction, so a
/// crash leaves the read model at a consistent checkpoint; since all of it is derived, it
/// can always be rebuilt from the log (`resetProfiles` + replay). Implemented by
/// `SQLiteEventStore` and `PostgresEventStore`; every method is scoped by workspace.
public protocol ProfileStore: Sendable {
    /// The last event sequence folded into profiles, and how many merges are logged.
    func profileCheckpoint(workspaceId: String) async throws -> (lastSeq: Int64, mergeCount: Int)
    /// Applies one projection step atomically.
    func apply(_ changes: ProfileChangeSet) async throws
    /// Deletes a workspace's profiles, identifiers, merges and checkpoint (segments,
    /// memberships and the change log stay, so a rebuild can report who entered or left).
    func resetProfiles(workspaceId: String) async throws

    func profile(workspaceId: String, id: String) async throws -> Profile?
    /// The profile holding an identifier value, of any kind (or only `kind`).
    func profileId(workspaceId: String, identifierValue: String, kind: String?) async throws -> String?
    /// Profiles whose identifier, email or name (case-insensitive) starts with `prefix`.
    func searchProfiles(workspaceId: String, prefix: String, limit: Int) async throws -> [Profile]
    /// Profiles in id order after `after`.
    func listProfiles(workspaceId: String, after: String?, limit: Int) async throws -> [Profile]
    func profileCount(workspaceId: String) async throws -> Int
    /// Merges into or out of `profileId` (all when nil), oldest first.
    func identityMerges(workspaceId: String, profileId: String?, limit: Int) async throws -> [IdentityMerge]
    /// Events whose `userId` or `anonymousId` is one of the given ids, newest first, before sequence `before`.
    func timeline(workspaceId: String, userIds: [String], anonymousIds: [String], before: Int64?, limit: Int) async throws -> [StoredEvent]

    func saveSegment(_ segment: SegmentDefinition) async throws
    func segments(workspaceId: String) async throws -> [SegmentDefinition]
    func segment(workspaceId: String, id: String) async throws -> SegmentDefinition?
    /// Deletes a segment with its members. Returns false when there was none.
    func deleteSegment(workspaceId: String, id: String) async throws -> Bool
    /// Member profile ids in id order after `after`.
    func segmentMembers(workspaceId: String, segmentId: String, after: String?, limit: Int) async throws -> [String]
    /// Every membership of the workspace: segment id → profile ids.
    func allSegmentMembers(workspaceId: String) async throws -> [String: Set<String>]
    /// Entered/exited records after `after`, oldest first.
    func membershipChanges(workspaceId: String, segmentId: String?, after: Int64?, limit: Int) async throws -> [MembershipChange]
    /// Records segment sizes at an instant (size over time).
    func recordSegmentSizes(workspaceId: String, at: Date, sizes: [String: Int]) async throws
    func segmentSizes(workspaceId: String, segmentId: String) async throws -> [(at: Date, size: Int)]
}

/// One projection step for one workspace: written in a single transaction.
public struct ProfileChangeSet: Sendable {
    public var workspaceId: String
    /// Profiles to insert or replace (with all their identifiers).
    public var upserts: [Profile] = []
    /// Profiles folded into others: removed with their identifiers and memberships.
    public var deletes: [String] = []
    /// New merge-log entries, numbered from the checkpoint's `mergeCount`.
    public var merges: [IdentityMerge] = []
    public var entered: [(segmentId: String, profileId: String)] = []
    public var exited: [(segmentId: String, profileId: String)] = []
    /// Messages the changes send (activations), queued in the same transaction.
    public var outbox: [OutboxMessage] = []
    /// Signals for the journey runner (segment changes, tracked events), in the same transaction.
    public var journeySignals: [JourneySignal] = []
    /// When the membership changes happened.
    public var changedAt: Date = Date()
    /// The new checkpoint.
    public var lastSeq: Int64
    public var mergeCount: Int
    /// The checkpoint these changes were folded from. When set, the commit is refused with
    /// `StoreError.conflict` unless the stored checkpoint still is this one: another engine (a
    /// second server on the same database) has folded the same events first, and committing
    /// them again would repeat their merges, signals and messages. Changes that fold no events
    /// (a segment recompute, a prediction refresh) carry the checkpoint their state was read at,
    /// so a stale engine cannot move it back. nil: no check (a rebuild, which resets it).
    public var foldedFrom: Int64?

    public init(workspaceId: String, lastSeq: Int64, mergeCount: Int) {
        self.workspaceId = workspaceId
        self.lastSeq = lastSeq
        self.mergeCount = mergeCount
    }

    public var isEmpty: Bool {
        upserts.isEmpty && deletes.isEmpty && merges.isEmpty && entered.isEmpty && exited.isEmpty && outbox.isEmpty && journeySignals.isEmpty
    }
}

/// Encodes profile, merge and segment documents for the stores: sorted keys, dates in
/// milliseconds, so the same value always gives the same text.
enum ProfileCoding {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError(.corrupt, "stored \(T.self) cannot be read: \(error)")
        }
    }

    /// Lower-cased search key, or nil.
    static func key(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s.lowercased()
    }

    /// The exclusive upper bound of a prefix range.
    static func upperBound(_ prefix: String) -> String { prefix + "\u{10FFFF}" }
}

extension ProfileChangeSet {
    /// The refusal of a change set folded from a checkpoint that has moved to `stored`.
    func moved(to stored: Int64, from: Int64) -> StoreError {
        StoreError(
            .conflict,
            "profile checkpoint of workspace \(workspaceId) moved from \(from) to \(stored) while these changes were folded; reload and fold again")
    }
}
