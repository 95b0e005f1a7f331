import BeaconStore
import Crypto
import Foundation
import Synchronization

/// Envelope encryption of personal fields at rest: AES-256-GCM under a data key per workspace,
/// each data key wrapped by a key-encryption key that never reaches the database, and a blind
/// index (HMAC-SHA256) for look-ups by identifier.
///
/// The key-encryption key and the blind-index key are derived (HKDF-SHA256, one label each)
/// from the server's secret key, the one `SecretBox` reads from `BEACON_SECRET_KEY` or its key
/// file, so a database copy without that key reveals no sealed field. A sealed field is
/// `pd1:<key id>:` and the base64 of nonce, ciphertext and tag, authenticated with the
/// workspace and key id, so a field moved to another workspace does not open. Deleting a
/// workspace deletes its wrapped keys (`personal_data_keys`), which shreds every copy of its
/// sealed fields, backups included.
public final class PersonalDataCipher: PersonalFieldProtection {
    let secrets: @Sendable () throws -> SecretBox
    let store: any PersonalDataKeyStore
    let clock: @Sendable () -> Date
    private let cache = Mutex<[String: PersonalFieldKeys]>([:])

    /// The prefix of a sealed field.
    public static let sealedPrefix = "pd1:"
    /// The prefix of a blind index.
    public static let indexPrefix = "bi1:"

    public init(
        secrets: @escaping @Sendable () throws -> SecretBox, store: any PersonalDataKeyStore,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.secrets = secrets
        self.store = store
        self.clock = clock
    }

    /// The key-encryption and blind-index keys derived from the server's secret key.
    static func rootKeys(_ box: SecretBox) -> (kek: SymmetricKey, index: SymmetricKey) {
        let derive = { (label: String) in
            HKDF<SHA256>.deriveKey(
                inputKeyMaterial: box.key, salt: Data("beacon".utf8), info: Data(label.utf8), outputByteCount: 32)
        }
        return (derive("beacon personal-data key-encryption v1"), derive("beacon personal-data blind-index v1"))
    }

    public func keys(workspaceId: String) async throws -> PersonalFieldKeys {
        if let keys = cache.withLock({ $0[workspaceId] }) { return keys }
        let root = Self.rootKeys(try secrets())
        var stored = try await store.dataKeys(workspaceId: workspaceId)
        if stored.isEmpty {
            let key = SymmetricKey(size: .bits256)
            let id = "dk_" + String(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16))
            try await store.addDataKey(
                WrappedDataKey(
                    workspaceId: workspaceId, keyId: id, wrapped: try Self.wrap(key, id: id, workspaceId: workspaceId, kek: root.kek),
                    createdAt: clock()))
            // Another process may have made the workspace's first key at the same time: the
            // newest stored one wins, and every one of them opens what it sealed.
            stored = try await store.dataKeys(workspaceId: workspaceId)
        }
        var dataKeys: [String: SymmetricKey] = [:]
        for k in stored {
            dataKeys[k.keyId] = try Self.unwrap(k.wrapped, id: k.keyId, workspaceId: workspaceId, kek: root.kek)
        }
        let keys = Self.fieldKeys(
            workspaceId: workspaceId, current: stored[0].keyId, dataKeys: dataKeys, indexKey: root.index)
        cache.withLock { $0[workspaceId] = keys }
        return keys
    }

    /// Forgets the keys read so far (after a workspace's keys changed).
    public func forget(workspaceId: String) {
        _ = cache.withLock { $0.removeValue(forKey: workspaceId) }
    }

    /// The seal, open and index functions of one workspace.
    static func fieldKeys(
        workspaceId: String, current: String, dataKeys: [String: SymmetricKey], indexKey: SymmetricKey
    ) -> PersonalFieldKeys {
        PersonalFieldKeys(
            seal: { plain in
                try PersonalDataCipher.seal(plain, keyId: current, key: dataKeys[current]!, workspaceId: workspaceId)
            },
            open: { text in
                guard text.hasPrefix(PersonalDataCipher.sealedPrefix) else { return text }
                return try PersonalDataCipher.open(text, workspaceId: workspaceId) { dataKeys[$0] }
            },
            index: { value in PersonalDataCipher.blindIndex(value, workspaceId: workspaceId, key: indexKey) })
    }

    static func aad(_ workspaceId: String, _ keyId: String) -> Data { Data("\(workspaceId)\u{1F}\(keyId)".utf8) }

    static func seal(_ plain: String, keyId: String, key: SymmetricKey, workspaceId: String) throws -> String {
        let box = try AES.GCM.seal(Data(plain.utf8), using: key, authenticating: aad(workspaceId, keyId))
        guard let combined = box.combined else { throw PrivacyError(field: "key", "the field cannot be sealed") }
        return sealedPrefix + keyId + ":" + combined.base64EncodedString()
    }

    /// - Throws: `PrivacyError` naming `key` when the field's key is not the workspace's (it
    ///   was shredded, or belongs to another workspace or server key) or the field was altered.
    static func open(_ sealed: String, workspaceId: String, key: (String) -> SymmetricKey?) throws -> String {
        let parts = sealed.dropFirst(sealedPrefix.count).split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let data = Data(base64Encoded: String(parts[1])) else {
            throw PrivacyError(field: "key", "a sealed field is damaged")
        }
        let keyId = String(parts[0])
        guard let dataKey = key(keyId) else {
            throw PrivacyError(field: "key", "the data key \(keyId) of workspace \(workspaceId) is gone: the field is shredded")
        }
        guard let box = try? AES.GCM.SealedBox(combined: data),
            let plain = try? AES.GCM.open(box, using: dataKey, authenticating: aad(workspaceId, keyId))
        else {
            throw PrivacyError(field: "key", "a sealed field of workspace \(workspaceId) does not open with its key \(keyId)")
        }
        return String(decoding: plain, as: UTF8.self)
    }

    static func blindIndex(_ value: String, workspaceId: String, key: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(workspaceId)\u{1F}\(value)".utf8), using: key)
        return indexPrefix + AuditChain.hex(mac)
    }

    static func wrap(_ key: SymmetricKey, id: String, workspaceId: String, kek: SymmetricKey) throws -> String {
        let bytes = key.withUnsafeBytes { Data($0) }
        let box = try AES.GCM.seal(bytes, using: kek, authenticating: aad(workspaceId, id))
        guard let combined = box.combined else { throw PrivacyError(field: "key", "the data key cannot be wrapped") }
        return "kw1:" + combined.base64EncodedString()
    }

    /// - Throws: `PrivacyError` naming `BEACON_SECRET_KEY` when the key was wrapped under another server key.
    static func unwrap(_ wrapped: String, id: String, workspaceId: String, kek: SymmetricKey) throws -> SymmetricKey {
        guard wrapped.hasPrefix("kw1:"), let data = Data(base64Encoded: String(wrapped.dropFirst(4))),
            let box = try? AES.GCM.SealedBox(combined: data),
            let bytes = try? AES.GCM.open(box, using: kek, authenticating: aad(workspaceId, id)), bytes.count == 32
        else {
            throw PrivacyError(
                field: "BEACON_SECRET_KEY",
                "the data key \(id) of workspace \(workspaceId) does not open with this server's secret key")
        }
        return SymmetricKey(data: bytes)
    }
}
