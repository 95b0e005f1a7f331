import Foundation
import Testing

@testable import BeaconEngine

@Suite("Password hashing")
struct PasswordHasherTests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    /// PBKDF2-HMAC-SHA256 test vectors (the RFC 6070 inputs, SHA-256 outputs as published in
    /// RFC 7914 §11 for the first and the widely reproduced 2/4096-round values).
    @Test("PBKDF2-HMAC-SHA256 matches the published vectors")
    func vectors() throws {
        let salt = Array("salt".utf8)
        #expect(
            Self.hex(try PasswordHasher.derive("password", salt: salt, rounds: 1))
                == "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b")
        #expect(
            Self.hex(try PasswordHasher.derive("password", salt: salt, rounds: 2))
                == "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43")
        #expect(
            Self.hex(try PasswordHasher.derive("password", salt: salt, rounds: 4096))
                == "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a")
    }

    @Test("A hash verifies its own password only, carries its rounds and a fresh salt")
    func roundTrip() throws {
        let hasher = PasswordHasher(rounds: 1_000)
        let a = try hasher.hash("correct horse battery")
        let b = try hasher.hash("correct horse battery")
        #expect(a.hasPrefix("pbkdf2-sha256$1000$"))
        #expect(a != b, "each hash has its own salt")
        #expect(hasher.verify("correct horse battery", against: a))
        #expect(hasher.verify("correct horse battery", against: b))
        #expect(!hasher.verify("correct horse batterY", against: a))
        #expect(!hasher.verify("", against: a))
        for malformed in ["", "plain", "pbkdf2-sha256$x$AAAA$AAAA", "md5$1$AAAA$AAAA", "pbkdf2-sha256$0$AAAA$AAAA"] {
            #expect(!hasher.verify("anything", against: malformed), "\(malformed)")
        }
        #expect(!hasher.needsRehash(a))
        #expect(PasswordHasher(rounds: 2_000).needsRehash(a))
        #expect(PasswordHasher.defaultRounds >= 600_000, "OWASP 2023 figure for PBKDF2-HMAC-SHA256")
    }
}
