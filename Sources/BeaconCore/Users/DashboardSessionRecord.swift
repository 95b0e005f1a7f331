import Foundation

/// A signed-in browser session: the SHA-256 of the cookie's secret, whose user, and when
/// it stops being valid. The secret itself is never stored.
public struct DashboardSessionRecord: Sendable, Equatable {
    public var tokenHash: String
    public var userId: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(tokenHash: String, userId: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.userId = userId
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
