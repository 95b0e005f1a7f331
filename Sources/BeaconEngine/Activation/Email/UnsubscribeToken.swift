import Crypto
import Foundation

/// The token in a message's one-click unsubscribe link (`…/u/<token>`): the workspace, the
/// destination and the address, sealed with AES-GCM under the server's secret key.
///
/// Sealing both signs and hides: a token cannot be forged or altered (the tag would not
/// verify), and the address does not appear in the link, where mail scanners and logs see
/// it. The token is base64url without padding.
public struct UnsubscribeToken: Sendable, Equatable {
    public var workspaceId: String
    public var destinationId: String
    public var address: String

    public init(workspaceId: String, destinationId: String, address: String) {
        self.workspaceId = workspaceId
        self.destinationId = destinationId
        self.address = address
    }

    /// The sealed token.
    public func sealed(with box: SecretBox) throws -> String {
        let plain = Data(["u1", workspaceId, destinationId, address].joined(separator: "\u{1F}").utf8)
        guard let combined = try AES.GCM.seal(plain, using: Self.key(box)).combined else {
            throw ActivationError(field: "token", "cannot be sealed")
        }
        return combined.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The token sealed in `text`, or nil when it is not one this server made.
    public static func open(_ text: String, with box: SecretBox) -> UnsubscribeToken? {
        guard text.count <= 1024 else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let sealed = try? AES.GCM.SealedBox(combined: data),
            let plain = try? AES.GCM.open(sealed, using: key(box))
        else { return nil }
        let parts = String(decoding: plain, as: UTF8.self).split(separator: "\u{1F}", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "u1" else { return nil }
        return UnsubscribeToken(
            workspaceId: String(parts[1]), destinationId: String(parts[2]), address: String(parts[3]))
    }

    /// A key of its own derived from the server's key, so a token can never be opened as a
    /// sealed destination secret or the other way round.
    static func key(_ box: SecretBox) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: box.key, info: Data("beacon unsubscribe token v1".utf8), outputByteCount: 32)
    }
}
