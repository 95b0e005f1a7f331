import Foundation

/// An address a workspace must not email: it bounced hard, its owner complained, or they
/// unsubscribed (or a person added it by hand).
///
/// Email destinations check the list at send time, so a suppression takes effect for
/// messages already queued. Addresses are kept lower-cased; one row per workspace and address.
public struct EmailSuppression: Sendable, Equatable, Codable {
    /// Why the address is suppressed.
    public enum Reason: String, Sendable, Codable, CaseIterable {
        /// A 5xx reply to `RCPT TO` or to the message (`DATA`).
        case bounce
        /// A spam complaint (feedback loop).
        case complaint
        /// RFC 8058 one-click unsubscribe, or its confirmation page.
        case unsubscribe
        /// Added by a person through the API, the CLI or the dashboard.
        case manual
    }

    public var workspaceId: String
    public var address: String
    public var reason: Reason
    /// The server's reply, the destination, or a note.
    public var detail: String
    public var createdAt: Date

    public init(workspaceId: String, address: String, reason: Reason, detail: String, createdAt: Date) {
        self.workspaceId = workspaceId
        self.address = Self.normalised(address)
        self.reason = reason
        self.detail = detail
        self.createdAt = createdAt
    }

    /// The form addresses are stored and compared in: trimmed and lower-cased.
    public static func normalised(_ address: String) -> String {
        address.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
