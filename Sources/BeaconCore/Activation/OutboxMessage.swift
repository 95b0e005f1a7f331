import Foundation

/// One effect to send outside Beacon, kept in the outbox until it is delivered or dead.
///
/// A message is committed in the same transaction as the change that caused it, with an id
/// derived from (cause, profile, destination) (`OutboxMessage.key`), so the same change never
/// queues twice and every retry carries the same id: it is the `webhook-id` a receiver
/// deduplicates on. Messages with the same `orderKey` (the profile) go to one destination in
/// the order they were queued (`sequence`).
public struct OutboxMessage: Sendable, Equatable {
    /// Where a message stands.
    public enum State: String, Sendable, Codable {
        /// Waiting for its next attempt.
        case pending
        /// The destination accepted it.
        case delivered
        /// Out of attempts (or refused for good); kept for replay.
        case dead
    }

    public var workspaceId: String
    /// The idempotency key (`msg_` and 32 hex digits), sent as `webhook-id`.
    public var id: String
    public var destinationId: String
    /// Messages sharing a key are delivered in order (the profile id).
    public var orderKey: String
    /// What caused it (`segment:<id>:entered@<seq>`, `event:<messageId>`, `test:<id>`), for the delivery log.
    public var cause: String
    /// The JSON body sent.
    public var payload: String
    public var state: State
    /// Attempts made so far.
    public var attempts: Int
    /// The earliest time of the next attempt.
    public var nextAttemptAt: Date
    public var createdAt: Date
    public var deliveredAt: Date?
    /// The HTTP status of the last attempt (0 when it got no answer).
    public var lastStatus: Int?
    /// The last failure, or the start of the last answer's body.
    public var lastError: String?
    /// The order the outbox assigned on insert (0 before).
    public var sequence: Int64

    public init(
        workspaceId: String, id: String, destinationId: String, orderKey: String, cause: String, payload: String,
        state: State = .pending, attempts: Int = 0, nextAttemptAt: Date, createdAt: Date, deliveredAt: Date? = nil,
        lastStatus: Int? = nil, lastError: String? = nil, sequence: Int64 = 0
    ) {
        self.workspaceId = workspaceId
        self.id = id
        self.destinationId = destinationId
        self.orderKey = orderKey
        self.cause = cause
        self.payload = payload
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.sequence = sequence
    }

    /// The idempotency key of the effect of `cause` on `profile` at `destination`: `msg_` and
    /// the first 128 bits of a 64-bit FNV-1a pair over the three, in hex. The same three always
    /// give the same key, in every process and release.
    public static func key(cause: String, profile: String, destination: String) -> String {
        let text = Array("\(cause)\u{1F}\(profile)\u{1F}\(destination)".utf8)
        func fnv(_ seed: UInt64) -> UInt64 {
            var h = seed
            for b in text {
                h ^= UInt64(b)
                h &*= 0x0000_0100_0000_01B3
            }
            return h
        }
        let a = fnv(0xcbf2_9ce4_8422_2325), b = fnv(0x8422_2325_cbf2_9ce4 ^ UInt64(text.count))
        return "msg_" + [a, b].map { String($0, radix: 16).leftPadded(to: 16) }.joined()
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
