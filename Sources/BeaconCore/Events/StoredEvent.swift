import Foundation

/// An event as stored: its workspace and its position in the log.
public struct StoredEvent: Sendable, Equatable {
    public var workspaceId: String
    public var sequence: Int64
    public var event: Event

    public init(workspaceId: String, sequence: Int64, event: Event) {
        self.workspaceId = workspaceId
        self.sequence = sequence
        self.event = event
    }
}
