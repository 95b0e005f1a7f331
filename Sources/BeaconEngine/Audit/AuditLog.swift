import BeaconCore
import BeaconStore
import Crypto
import Foundation
import Synchronization

/// The audit log as the rest of Beacon uses it: record privileged actions and reads of
/// personal data, answer "who read or changed this profile", verify a chain and export its
/// signed head.
///
/// Subjects are recorded by pseudonym only: the hex HMAC-SHA256 of the profile id under a
/// random per-workspace key kept in its own table, outside the chain (`subjectReference`). An
/// erasure can delete the person everywhere and leave every entry, and so the chain, as it was.
/// Installation-wide actions (users, sign-ins) go to the chain of `installationChain`.
public struct AuditLog: Sendable {
    public let store: any AuditStore
    private let signingKey: @Sendable () throws -> AuditSigningKey
    private let keys = KeyCache()

    /// The chain id of actions that belong to no workspace (users, sign-ins).
    public static let installationChain = "installation"

    public init(store: any AuditStore, signingKey: @escaping @Sendable () throws -> AuditSigningKey) {
        self.store = store
        self.signingKey = signingKey
    }

    /// Appends `drafts` to a workspace's chain (alone: a read, or a change already stored).
    /// - Throws: the store's error; a read of personal data is then refused rather than unrecorded.
    public func record(_ drafts: [AuditDraft], workspaceId: String) async throws {
        guard !drafts.isEmpty else { return }
        try await store.append(AuditChain.append(drafts, workspaceId: workspaceId))
    }

    public func record(_ draft: AuditDraft, workspaceId: String) async throws {
        try await record([draft], workspaceId: workspaceId)
    }

    /// The pseudonym entries use for a profile of a workspace.
    public func subjectReference(workspaceId: String, profileId: String) async throws -> String {
        let key = try await subjectKey(workspaceId: workspaceId)
        let mac = HMAC<SHA256>.authenticationCode(for: Data(profileId.utf8), using: key)
        return "s:" + AuditChain.hex(mac)
    }

    /// Who read or changed `profileId` from `from` to `to`, oldest first.
    public func history(
        workspaceId: String, profileId: String, from: Date?, to: Date?, limit: Int = 1_000
    ) async throws -> [AuditEntry] {
        let subject = try await subjectReference(workspaceId: workspaceId, profileId: profileId)
        return try await store.entries(workspaceId: workspaceId, subject: subject, actor: nil, from: from, to: to, limit: limit)
    }

    /// Verifies a chain from its first entry, and against `head` when one is given.
    /// - Throws: `AuditError` naming `head` when the head belongs to another chain or its
    ///   signature is not this installation's.
    public func verify(workspaceId: String, head: SignedAuditHead? = nil, pageSize: Int = 10_000) async throws
        -> AuditVerifier.Report
    {
        if let head {
            guard head.workspaceId == workspaceId else {
                throw AuditError(field: "head", "the head file is of workspace \(head.workspaceId), not \(workspaceId)")
            }
            guard try signingKey().isValid(head) else {
                throw AuditError(field: "head", "the head's signature is not valid for this installation's audit signing key")
            }
        }
        var entries: [AuditEntry] = []
        var after: Int64 = 0
        while true {
            let page = try await store.entries(workspaceId: workspaceId, after: after, limit: pageSize)
            entries += page
            guard page.count == pageSize, let last = page.last else { break }
            after = last.sequence
        }
        return AuditVerifier.verify(entries, head: head?.head)
    }

    /// The chain's current head, signed now.
    public func signedHead(workspaceId: String) async throws -> SignedAuditHead {
        try signingKey().sign(try await store.head(workspaceId: workspaceId), workspaceId: workspaceId)
    }

    /// Signs the current head and writes it to `path` as JSON (replacing the file atomically).
    @discardableResult
    public func exportHead(workspaceId: String, to path: String) async throws -> SignedAuditHead {
        let head = try await signedHead(workspaceId: workspaceId)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try encoder.encode(head).write(to: URL(fileURLWithPath: path), options: .atomic)
        return head
    }

    /// Reads a head written by `exportHead`. - Throws: `AuditError` naming `--head`.
    public static func readHead(path: String) throws -> SignedAuditHead {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AuditError(field: "--head", "cannot read '\(path)'")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        do {
            return try decoder.decode(SignedAuditHead.self, from: data)
        } catch {
            throw AuditError(field: "--head", "'\(path)' is not an exported audit head: \(error)")
        }
    }

    private func subjectKey(workspaceId: String) async throws -> SymmetricKey {
        if let key = keys.get(workspaceId) { return key }
        let text = try await store.subjectKey(workspaceId: workspaceId) {
            SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
        }
        guard let data = Data(base64Encoded: text), data.count == 32 else {
            throw StoreError(.corrupt, "the audit subject key of workspace \(workspaceId) is not 32 bytes of base64")
        }
        let key = SymmetricKey(data: data)
        keys.set(workspaceId, key)
        return key
    }

    /// Subject keys already read, by workspace id (they never change).
    private final class KeyCache: Sendable {
        private let keys = Mutex<[String: SymmetricKey]>([:])
        func get(_ id: String) -> SymmetricKey? { keys.withLock { $0[id] } }
        func set(_ id: String, _ key: SymmetricKey) { keys.withLock { $0[id] = key } }
    }
}

/// Who did something, as audit entries name them.
public enum AuditActor {
    public static func user(_ id: String) -> String { "user:\(id)" }
    public static func token(_ record: APITokenRecord) -> String { "token:\(record.fingerprint)" }
    /// The person at the command line (the operating-system user).
    public static var commandLine: String {
        "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.userName)
    }
    public static let system = "system"
}
