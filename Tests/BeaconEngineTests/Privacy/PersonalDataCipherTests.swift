import BeaconCore
@testable import BeaconEngine
import BeaconStore
import Foundation
import Synchronization
import Testing

/// The envelope cipher of personal fields on its own: round trips, the key id in every
/// ciphertext, tampering and foreign keys refused, blind indexes equal within a workspace and
/// different across workspaces, and a workspace whose data keys are deleted shredded.
@Suite("Personal data cipher")
struct PersonalDataCipherTests {
    /// Wrapped keys kept in memory, as the SQL store keeps them.
    final class MemoryKeys: PersonalDataKeyStore {
        let keys = Mutex<[WrappedDataKey]>([])
        func dataKeys(workspaceId: String) async throws -> [WrappedDataKey] {
            keys.withLock { Array($0.filter { $0.workspaceId == workspaceId }.reversed()) }
        }
        func addDataKey(_ key: WrappedDataKey) async throws {
            keys.withLock { all in
                if !all.contains(where: { $0.workspaceId == key.workspaceId && $0.keyId == key.keyId }) { all.append(key) }
            }
        }
        func shred(_ workspaceId: String) { keys.withLock { $0.removeAll { $0.workspaceId == workspaceId } } }
    }

    @Test("Sealed fields open to the same text, carry their key id and none of the plain bytes")
    func roundTrip() async throws {
        let box = SecretBox.random(), store = MemoryKeys()
        let keys = try await PersonalDataCipher(secrets: { box }, store: store).keys(workspaceId: "ws_a")
        let plain = #"{"email":"ada.lovelace@example.org","phone":"+447911123456","traits":{"é":"ü"}}"#
        let sealed = try keys.seal(plain)
        let keyId = try #require(store.keys.withLock { $0.first?.keyId })
        #expect(sealed.hasPrefix("pd1:\(keyId):"))
        #expect(try keys.open(sealed) == plain)
        // Fresh nonces: the same text seals differently each time.
        #expect(try keys.seal(plain) != sealed)
        for needle in ["ada.lovelace", "447911123456", "example.org"] { #expect(!sealed.contains(needle)) }
        let payload = try #require(Data(base64Encoded: String(sealed.split(separator: ":")[2])))
        #expect(payload.count == 12 + plain.utf8.count + 16)
        #expect(payload.range(of: Data("ada.lovelace".utf8)) == nil)
        // Text stored before protection opens as itself.
        #expect(try keys.open(plain) == plain)
        // A second cipher (another process) over the same store and server key reads it.
        #expect(try await PersonalDataCipher(secrets: { box }, store: store).keys(workspaceId: "ws_a").open(sealed) == plain)
    }

    @Test("Tampered fields, fields of another workspace and keys under another server key are refused, naming the key")
    func refusals() async throws {
        let box = SecretBox.random(), store = MemoryKeys()
        let cipher = PersonalDataCipher(secrets: { box }, store: store)
        let a = try await cipher.keys(workspaceId: "ws_a"), b = try await cipher.keys(workspaceId: "ws_b")
        let sealed = try a.seal("grace@example.com")
        var bytes = Array(sealed.utf8)
        bytes[bytes.count - 6] = bytes[bytes.count - 6] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(throws: PrivacyError.self) { try a.open(String(decoding: bytes, as: UTF8.self)) }
        let moved = #expect(throws: PrivacyError.self) { try b.open(sealed) }
        #expect(moved?.field == "key")
        let other = await #expect(throws: PrivacyError.self) {
            _ = try await PersonalDataCipher(secrets: { SecretBox.random() }, store: store).keys(workspaceId: "ws_a")
        }
        #expect(other?.field == "BEACON_SECRET_KEY")
    }

    @Test("Blind indexes: equal for equal values, different per value and per workspace, of one length, keyed")
    func blindIndex() async throws {
        let box = SecretBox.random(), store = MemoryKeys()
        let cipher = PersonalDataCipher(secrets: { box }, store: store)
        let a = try await cipher.keys(workspaceId: "ws_a"), b = try await cipher.keys(workspaceId: "ws_b")
        #expect(a.index("ada@example.org") == a.index("ada@example.org"))
        #expect(a.index("ada@example.org") != a.index("ada@example.com"))
        #expect(a.index("ada@example.org") != b.index("ada@example.org"))
        #expect(Set(["", "x", String(repeating: "y", count: 500)].map { a.index($0).count }) == [4 + 64])
        // Under another server key the index differs: it is not a plain hash anyone can recompute.
        let c = try await PersonalDataCipher(secrets: { SecretBox.random() }, store: MemoryKeys()).keys(workspaceId: "ws_a")
        #expect(c.index("ada@example.org") != a.index("ada@example.org"))
    }

    @Test("Deleting a workspace's data keys shreds its sealed fields; other workspaces still open")
    func cryptoShredding() async throws {
        let box = SecretBox.random(), store = MemoryKeys()
        let a = try await PersonalDataCipher(secrets: { box }, store: store).keys(workspaceId: "ws_a")
        let b = try await PersonalDataCipher(secrets: { box }, store: store).keys(workspaceId: "ws_b")
        let sealedA = try a.seal("ada@example.org"), sealedB = try b.seal("bob@example.org")
        store.shred("ws_a")
        let fresh = PersonalDataCipher(secrets: { box }, store: store)
        let shredded = await #expect(throws: PrivacyError.self) { try await fresh.keys(workspaceId: "ws_a").open(sealedA) }
        #expect(shredded?.field == "key")
        #expect(try await fresh.keys(workspaceId: "ws_b").open(sealedB) == "bob@example.org")
    }
}
