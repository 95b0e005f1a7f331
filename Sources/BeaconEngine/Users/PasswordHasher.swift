import Crypto
import Foundation
import _CryptoExtras

/// Salted, slow password hashes for dashboard users: PBKDF2-HMAC-SHA256 (RFC 8018 §5.2)
/// with 600,000 rounds by default, the figure OWASP's Password Storage Cheat Sheet (2023)
/// recommends for this function, computed by BoringSSL through swift-crypto.
///
/// A hash is stored as `pbkdf2-sha256$<rounds>$<salt, base64>$<key, base64>` so the round
/// count can be raised later without invalidating old hashes (`needsRehash`).
public struct PasswordHasher: Sendable {
    public static let scheme = "pbkdf2-sha256"
    public static let defaultRounds = 600_000

    /// Rounds for new hashes. Tests use fewer; verification always uses the stored count.
    public var rounds: Int

    public init(rounds: Int = PasswordHasher.defaultRounds) {
        self.rounds = rounds
    }

    /// The hasher the server uses: `BEACON_PASSWORD_ROUNDS` rounds when it is a whole number
    /// from 1,000 to 10,000,000 (a test run that signs in hundreds of times sets it low), else
    /// `defaultRounds`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> PasswordHasher
    {
        guard let text = environment["BEACON_PASSWORD_ROUNDS"], let rounds = Int(text), (1_000...10_000_000).contains(rounds)
        else { return PasswordHasher() }
        return PasswordHasher(rounds: rounds)
    }

    /// A new hash of `password` with a fresh 16-byte random salt.
    /// - Throws: only if the key derivation itself fails (BoringSSL out of memory).
    public func hash(_ password: String) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let key = try Self.derive(password, salt: salt, rounds: rounds)
        return [Self.scheme, String(rounds), Data(salt).base64EncodedString(), Data(key).base64EncodedString()]
            .joined(separator: "$")
    }

    /// A well-formed hash with this hasher's rounds that no password matches (a random salt and
    /// key, no derivation): checked when an email is unknown, so both paths cost the same time.
    public func decoy() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = { (n: Int) in Data((0..<n).map { _ in UInt8.random(in: 0...255, using: &generator) }) }
        return [Self.scheme, String(rounds), bytes(16).base64EncodedString(), bytes(32).base64EncodedString()]
            .joined(separator: "$")
    }

    /// Whether `password` matches `stored`; false for a malformed or foreign hash. The final
    /// comparison takes the same time wherever the first differing byte is.
    public func verify(_ password: String, against stored: String) -> Bool {
        guard let parsed = Self.parse(stored),
            let key = try? Self.derive(password, salt: parsed.salt, rounds: parsed.rounds)
        else { return false }
        guard key.count == parsed.key.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(key, parsed.key) { difference |= a ^ b }
        return difference == 0
    }

    /// Whether `stored` was made with fewer rounds than this hasher uses now.
    public func needsRehash(_ stored: String) -> Bool {
        guard let parsed = Self.parse(stored) else { return true }
        return parsed.rounds < rounds
    }

    static func parse(_ stored: String) -> (rounds: Int, salt: [UInt8], key: [UInt8])? {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == scheme, let rounds = Int(parts[1]), (1...10_000_000).contains(rounds),
            let salt = Data(base64Encoded: String(parts[2])), let key = Data(base64Encoded: String(parts[3])), !key.isEmpty
        else { return nil }
        return (rounds, Array(salt), Array(key))
    }

    static func derive(_ password: String, salt: [UInt8], rounds: Int) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: salt, using: .sha256, outputByteCount: 32, unsafeUncheckedRounds: rounds)
        return key.withUnsafeBytes { Array($0) }
    }
}
