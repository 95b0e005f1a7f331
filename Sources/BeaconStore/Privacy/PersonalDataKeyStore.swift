import BeaconCore
import Foundation

/// One workspace's data key for personal fields as stored: wrapped (sealed) by the key-encryption
/// key, which never reaches the database.
public struct WrappedDataKey: Sendable, Equatable {
    public var workspaceId: String
    /// The id every ciphertext made with the key carries.
    public var keyId: String
    /// The key sealed by the key-encryption key (`PersonalDataCipher` in BeaconEngine).
    public var wrapped: String
    public var createdAt: Date

    public init(workspaceId: String, keyId: String, wrapped: String, createdAt: Date) {
        self.workspaceId = workspaceId
        self.keyId = keyId
        self.wrapped = wrapped
        self.createdAt = createdAt
    }
}

/// The wrapped data keys of each workspace. Deleting a workspace deletes its keys, which makes
/// every copy of its sealed fields (backups included) unreadable.
public protocol PersonalDataKeyStore: Sendable {
    /// The workspace's keys, newest first.
    func dataKeys(workspaceId: String) async throws -> [WrappedDataKey]
    /// Adds a key (nothing when the workspace already has one with its id).
    func addDataKey(_ key: WrappedDataKey) async throws
}

/// `PersonalDataKeyStore` in SQL written once for both backends.
struct SQLPersonalDataKeyStore: PersonalDataKeyStore {
    let driver: any SQLDriver

    func dataKeys(workspaceId: String) async throws -> [WrappedDataKey] {
        let rows = try await driver.query(
            """
            SELECT key_id, wrapped_key, created_at FROM personal_data_keys WHERE workspace_id = ?
            ORDER BY created_at DESC, key_id DESC
            """, [.text(workspaceId)])
        return try rows.map { r in
            WrappedDataKey(
                workspaceId: workspaceId, keyId: try r.string("key_id"), wrapped: try r.string("wrapped_key"),
                createdAt: try r.date("created_at"))
        }
    }

    func addDataKey(_ key: WrappedDataKey) async throws {
        try await driver.execute(
            """
            INSERT INTO personal_data_keys (workspace_id, key_id, wrapped_key, created_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (workspace_id, key_id) DO NOTHING
            """, [.text(key.workspaceId), .text(key.keyId), .text(key.wrapped), SQLValue(key.createdAt)])
    }
}
