import BeaconCore
import Foundation

/// Who may do what in a workspace: API tokens with scopes, expiry and last use, and the
/// per-workspace role and "personal data" permission of dashboard users.
///
/// Every change is written in one transaction with the audit entry that records it (`audit`),
/// so a change is never stored without its entry nor an entry without its change.
public protocol AccessStore: Sendable {
    /// Stores a new token (its hash; the token itself is never stored).
    func addAPIToken(_ token: APITokenRecord, audit: AuditAppend) async throws
    /// The token with this hash, whichever workspace it belongs to; nil when unknown.
    func apiToken(hash: String) async throws -> APITokenRecord?
    /// A workspace's tokens, oldest first.
    func apiTokens(workspaceId: String) async throws -> [APITokenRecord]
    /// Removes a token; false (and nothing recorded) when the workspace has no token with that hash.
    func revokeAPIToken(workspaceId: String, hash: String, audit: AuditAppend) async throws -> Bool
    /// Records that a token was used at `date`.
    func touchAPIToken(hash: String, at date: Date) async throws

    /// Gives a user a role in a workspace (replacing any earlier one).
    func setWorkspaceAccess(userId: String, workspaceId: String, access: WorkspaceAccess, audit: AuditAppend) async throws
    /// The user's grant in a workspace, nil when there is none.
    func workspaceAccess(userId: String, workspaceId: String) async throws -> WorkspaceAccess?
    /// Every grant of a user, by workspace id.
    func workspaceAccesses(userId: String) async throws -> [String: WorkspaceAccess]
}
