import Crypto
import Foundation

/// A workspace's write key: the secret the tracking SDKs send as the HTTP Basic user.
///
/// Keys are 32 random bytes from the system's cryptographic generator, written as
/// `bk_` + 64 hex digits. Only the SHA-256 of a key is stored; the key is shown once, when
/// created. (A fast hash is right here, unlike for passwords: the key has 256 bits of
/// entropy, so there is nothing to brute-force.)
public enum WriteKey {
    /// A new random key.
    public static func generate() -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        return "bk_" + hex(bytes)
    }

    /// The stored form of a key: lowercase hex SHA-256.
    public static func hash(_ key: String) -> String {
        hex(Array(SHA256.hash(data: Data(key.utf8))))
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
