import BeaconCore
import Foundation

/// The durable outbox: messages to deliver to destinations, claimed by delivery workers
/// under a lease and settled as delivered, retried or dead.
///
/// Messages are usually written by the projection step that caused them
/// (`ProfileChangeSet.outbox`), in its transaction; `enqueue` is for messages with no such
/// change (a test send). A message whose id is already stored is skipped, so nothing queues
/// twice. Per destination and order key, only the oldest pending message is ever claimed,
/// which keeps a profile's messages in order and one at a time.
public protocol Outbox: Sendable {
    /// Stores the messages whose ids are new, all in one transaction.
    func enqueue(_ messages: [OutboxMessage]) async throws
    /// Leases up to `limit` due messages of a destination to `owner` until `leaseUntil`,
    /// oldest first, at most one per order key; a message leased to another owner whose lease
    /// has not expired is skipped.
    func claim(destinationId: String, owner: String, now: Date, leaseUntil: Date, limit: Int) async throws
        -> [OutboxMessage]
    /// Settles a leased message: delivered, back to pending for a later attempt, or dead.
    /// Does nothing (returns false) when the lease was lost to another owner.
    @discardableResult
    func settle(_ message: OutboxMessage, owner: String) async throws -> Bool
    /// Settles several leased messages in one transaction (those whose lease was lost are left alone).
    func settle(_ messages: [OutboxMessage], owner: String) async throws
    /// A destination's messages, newest first, of one state or all.
    func messages(workspaceId: String, destinationId: String, state: OutboxMessage.State?, limit: Int) async throws
        -> [OutboxMessage]
    func message(workspaceId: String, id: String) async throws -> OutboxMessage?
    /// Puts dead messages (all of the destination's, or those with `ids`) back to pending with
    /// a fresh set of attempts, due at `now`. Returns how many.
    func replay(workspaceId: String, destinationId: String, ids: [String]?, now: Date) async throws -> Int
    /// How many of a destination's messages are in each state.
    func counts(workspaceId: String, destinationId: String) async throws -> [OutboxMessage.State: Int]
}
