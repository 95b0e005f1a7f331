import Crypto
import Foundation

/// Seals destination secrets with AES-256-GCM before they are stored, and opens them to sign.
///
/// The key is 32 bytes from `BEACON_SECRET_KEY` (base64) or, when that is unset, from a key
/// file (`BEACON_SECRET_KEY_FILE`, default `~/.config/beacon/secret.key`) created with mode 0600
/// on first use. A sealed secret is `v1:` and the base64 of nonce, ciphertext and tag; a
/// database copy without the key reveals no secret.
public struct SecretBox: Sendable {
    let key: SymmetricKey

    init(key: SymmetricKey) {
        self.key = key
    }

    /// A box with a 32-byte key.
    /// - Throws: `ActivationError` when `keyBytes` is not 32 bytes long.
    public init(keyBytes: Data) throws {
        guard keyBytes.count == 32 else { throw ActivationError(field: "key", "must be 32 bytes") }
        key = SymmetricKey(data: keyBytes)
    }

    /// A box with a new random key (for tests and throw-away stores).
    public static func random() -> SecretBox { SecretBox(key: SymmetricKey(size: .bits256)) }

    /// The box whose key the environment names (see the type's description).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> SecretBox
    {
        if let text = environment["BEACON_SECRET_KEY"], !text.isEmpty {
            guard let data = Data(base64Encoded: text), data.count == 32 else {
                throw ActivationError(field: "BEACON_SECRET_KEY", "must be 32 bytes in base64")
            }
            return SecretBox(key: SymmetricKey(data: data))
        }
        let path =
            environment["BEACON_SECRET_KEY_FILE"]
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".config/beacon/secret.key")
        if let data = FileManager.default.contents(atPath: path), let key = Data(base64Encoded: data), key.count == 32 {
            return SecretBox(key: SymmetricKey(data: key))
        }
        let key = SymmetricKey(size: .bits256)
        let text = key.withUnsafeBytes { Data($0) }.base64EncodedData()
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: text, attributes: [.posixPermissions: 0o600])
        else {
            throw ActivationError(field: "BEACON_SECRET_KEY_FILE", "cannot write the key file '\(path)'")
        }
        return SecretBox(key: key)
    }

    /// `plain` sealed for storage.
    public func seal(_ plain: String) throws -> String {
        let box = try AES.GCM.seal(Data(plain.utf8), using: key)
        guard let combined = box.combined else { throw ActivationError(field: "secret", "cannot be sealed") }
        return "v1:" + combined.base64EncodedString()
    }

    /// The plain text of a sealed secret.
    /// - Throws: `ActivationError` when it was sealed with another key or is damaged.
    public func open(_ sealed: String) throws -> String {
        guard sealed.hasPrefix("v1:"), let data = Data(base64Encoded: String(sealed.dropFirst(3))),
            let box = try? AES.GCM.SealedBox(combined: data), let plain = try? AES.GCM.open(box, using: key)
        else {
            throw ActivationError(field: "secret", "cannot be opened with this server's key (BEACON_SECRET_KEY)")
        }
        return String(decoding: plain, as: UTF8.self)
    }
}
