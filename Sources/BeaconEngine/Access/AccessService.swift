import BeaconCore
import BeaconStore
import Foundation
import Synchronization

/// API tokens with scopes and expiry, and the per-workspace roles of dashboard users, with
/// every change recorded in the audit log in the same transaction.
///
/// An installation administrator (`DashboardUser.Role.admin`) is an admin of every workspace
/// with the personal-data permission (or an owner where granted that); a member has the role
/// and permission of their grant, and no access without one.
public struct AccessService: Sendable {
    public let store: any AccessStore
    public let workspaces: any WorkspaceStore
    public let audit: AuditLog
    /// How often a token's last use is written at most.
    public let lastUseResolution: TimeInterval
    private let touched = TouchCache()

    public init(stores: Stores, audit: AuditLog, lastUseResolution: TimeInterval = 60) {
        store = stores.access
        workspaces = stores.workspaces
        self.audit = audit
        self.lastUseResolution = lastUseResolution
    }

    // MARK: Tokens

    /// Creates a token with `scopes` that expires at `expiresAt` (never when nil); returns the
    /// token, shown once. - Throws: `AuditError` naming `expires` when that is already past.
    public func createToken(
        workspace: Workspace, label: String, scopes: AccessScopes, expiresAt: Date?, actor: String, now: Date = Date()
    ) async throws -> (token: String, record: APITokenRecord) {
        if let expiresAt, expiresAt <= now { throw AuditError(field: "expires", "the expiry must be in the future") }
        let token = APIToken.generate()
        let record = APITokenRecord(
            workspaceId: workspace.id, hash: WriteKey.hash(token), label: label, scopes: scopes,
            createdAt: Timestamp.truncated(now), expiresAt: expiresAt.map(Timestamp.truncated), lastUsedAt: nil)
        let detail = "token \(record.fingerprint) '\(label)' scopes \(scopes)"
            + (expiresAt.map { " expires \(Timestamp.format($0))" } ?? "")
        try await store.addAPIToken(
            record,
            audit: AuditChain.append([AuditDraft(actor: actor, action: "token.create", detail: detail, at: now)], workspaceId: workspace.id))
        return (token, record)
    }

    /// What a bearer token is worth now.
    public enum TokenCheck: Sendable {
        case unknown
        case expired(APITokenRecord)
        case valid(APITokenRecord, Workspace)
    }

    /// Looks a token up, checks its expiry and notes its use (at most once per `lastUseResolution`).
    public func check(token: String, now: Date = Date()) async throws -> TokenCheck {
        guard token.hasPrefix("bt_"), let record = try await store.apiToken(hash: WriteKey.hash(token)) else {
            return .unknown
        }
        if record.isExpired(at: now) { return .expired(record) }
        guard let workspace = try await workspaces.workspace(id: record.workspaceId) else { return .unknown }
        if touched.shouldTouch(record.hash, now: now, resolution: lastUseResolution) {
            try await store.touchAPIToken(hash: record.hash, at: now)
        }
        return .valid(record, workspace)
    }

    public func tokens(of workspace: Workspace) async throws -> [APITokenRecord] {
        try await store.apiTokens(workspaceId: workspace.id)
    }

    /// Revokes the token whose hash starts with `fingerprint` (at least 8 hex digits, one match).
    /// - Throws: `WorkspaceError` naming `fingerprint` when no single token matches.
    @discardableResult
    public func revokeToken(of workspace: Workspace, fingerprint: String, actor: String) async throws -> APITokenRecord {
        let all = try await store.apiTokens(workspaceId: workspace.id)
        let records = all.map { CredentialRecord(hash: $0.hash, label: $0.label, createdAt: $0.createdAt) }
        let chosen = try WorkspaceService.single(records, fingerprint: fingerprint, kind: "API token", workspace: workspace)
        guard let token = all.first(where: { $0.hash == chosen.hash }) else { throw StoreError(.notFound, "token vanished") }
        _ = try await store.revokeAPIToken(
            workspaceId: workspace.id, hash: token.hash,
            audit: AuditChain.append(
                [AuditDraft(actor: actor, action: "token.revoke", detail: "token \(token.fingerprint) '\(token.label)'")],
                workspaceId: workspace.id))
        return token
    }

    // MARK: Roles

    /// What `user` may do in `workspaceId`, nil when they have no access.
    public func access(of user: DashboardUser, in workspaceId: String) async throws -> WorkspaceAccess? {
        let grant = try await store.workspaceAccess(userId: user.id, workspaceId: workspaceId)
        if user.role == .admin {
            return WorkspaceAccess(role: max(.admin, grant?.role ?? .admin), personalData: true)
        }
        return grant
    }

    /// Gives `user` `access` to `workspace` on behalf of `granter` (nil: the command line, with
    /// an owner's power).
    /// - Throws: `AuditError` naming `role` when the granter may not give that role (nobody
    ///   grants above their own role; only admins and owners grant), or `personalData` when
    ///   they would pass on a permission they do not hold.
    public func grant(
        _ access: WorkspaceAccess, to user: DashboardUser, in workspace: Workspace, by granter: DashboardUser?
    ) async throws {
        let actor: String
        if let granter {
            actor = AuditActor.user(granter.id)
            guard let own = try await self.access(of: granter, in: workspace.id), own.role.canGrant(access.role) else {
                throw AuditError(field: "role", "you may not grant '\(access.role.rawValue)' in workspace '\(workspace.name)'")
            }
            if access.personalData, !own.personalData {
                throw AuditError(field: "personalData", "you cannot grant the personal data permission without holding it")
            }
        } else {
            actor = AuditActor.commandLine
        }
        let detail = "user \(user.id) role \(access.role.rawValue) personal-data \(access.personalData ? "yes" : "no")"
        try await store.setWorkspaceAccess(
            userId: user.id, workspaceId: workspace.id, access: access,
            audit: AuditChain.append([AuditDraft(actor: actor, action: "grant.set", detail: detail)], workspaceId: workspace.id))
    }

    /// When each token was last written as used, so a busy token costs one write a minute.
    private final class TouchCache: Sendable {
        private let last = Mutex<[String: Date]>([:])

        func shouldTouch(_ hash: String, now: Date, resolution: TimeInterval) -> Bool {
            last.withLock { last in
                if let at = last[hash], now.timeIntervalSince(at) < resolution { return false }
                last[hash] = now
                return true
            }
        }
    }
}
