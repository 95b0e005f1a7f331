import Foundation

/// One link of a workspace's hash-chained audit log: who did what to which subject, when.
///
/// Entries are numbered from 1 per workspace (`sequence`) and each one's `hash` covers its
/// fields and the previous entry's hash (`previousHash`; 64 zeros for the first), so changing,
/// removing, reordering or inserting an entry breaks every later link (see `AuditChain` in
/// BeaconEngine). `subject` is a pseudonym of the profile the action touched (an HMAC of its id
/// under a per-workspace key kept outside the chain), never the id, email or any trait, so an
/// erasure of the person leaves the chain intact and readable. `detail` holds no personal data.
public struct AuditEntry: Sendable, Equatable, Codable {
    public var workspaceId: String
    public var sequence: Int64
    public var at: Date
    /// `user:<id>`, `token:<fingerprint>`, `cli:<os user>` or `system`.
    public var actor: String
    /// A dotted verb: `profile.read`, `token.create`, `user.sign-in`, …
    public var action: String
    public var subject: String?
    public var detail: String
    public var previousHash: String
    public var hash: String

    public init(
        workspaceId: String, sequence: Int64, at: Date, actor: String, action: String, subject: String?,
        detail: String, previousHash: String, hash: String
    ) {
        self.workspaceId = workspaceId
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The previous hash of the first entry of every chain.
    public static let genesisHash = String(repeating: "0", count: 64)
}

/// An action to record before it has a place in the chain: what, by whom, about whom.
public struct AuditDraft: Sendable, Equatable {
    public var actor: String
    public var action: String
    /// The subject's pseudonym (`AuditLog.subjectReference`), nil when no one person is touched.
    public var subject: String?
    public var detail: String
    public var at: Date

    public init(actor: String, action: String, subject: String? = nil, detail: String = "", at: Date = Date()) {
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
        self.at = at
    }
}

/// The newest entry of a chain as appends see it: its sequence number and hash.
public struct AuditChainHead: Sendable, Equatable, Codable {
    public var sequence: Int64
    public var hash: String

    public init(sequence: Int64, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }

    /// The head of an empty chain.
    public static let empty = AuditChainHead(sequence: 0, hash: AuditEntry.genesisHash)
}
