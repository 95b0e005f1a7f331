import Foundation

/// A tenant: every event, key and derived row belongs to exactly one workspace.
public struct Workspace: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var createdAt: Date

    public init(id: String, name: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
    }
}
