import BeaconCore
import Foundation

/// The kind-specific half of a delivery worker: sends claimed outbox messages to one
/// destination and reports each one's answer.
///
/// The worker owns what every kind shares (leases, the circuit breaker, retries, dead letters,
/// 410 handling, statistics); a sender owns only the protocol. A webhook sender posts each
/// message on its own; a batch API's sender may send a whole batch in one request and report
/// a partial failure per message.
public protocol DestinationSender: Sendable {
    /// The most messages one `deliver` call takes: a webhook sender's in-flight limit, a batch
    /// API's batch size.
    var batchLimit: Int { get }

    /// Sends `batch` and returns one outcome per message, in the batch's order.
    func deliver(_ batch: [OutboxMessage]) async -> [DeliveryOutcome]
}

/// One message's answer and how long its delivery took.
public struct DeliveryOutcome: Sendable {
    public var response: WebhookResponse
    public var seconds: TimeInterval

    public init(response: WebhookResponse, seconds: TimeInterval) {
        self.response = response
        self.seconds = seconds
    }
}

/// The senders for each kind of destination, chosen once per worker.
public struct DestinationSenders: Sendable {
    /// The transport a webhook destination's sender posts through.
    public var webhookTransport: @Sendable (Destination, DeliverySettings) -> any WebhookTransport
    /// What email senders read at send time (nil: email destinations are not delivered).
    public var email: EmailSenderContext?
    /// The transport an audience sync destination's sender calls its vendor through.
    public var audienceTransport: @Sendable (Destination, DeliverySettings) -> any AudienceHTTPTransport

    public init(
        webhookTransport: @escaping @Sendable (Destination, DeliverySettings) -> any WebhookTransport = { d, s in
            d.url.lowercased().hasPrefix("https:")
                ? URLSessionWebhookTransport(maxConnections: s.maxInFlight) : NIOWebhookTransport()
        },
        email: EmailSenderContext? = nil,
        audienceTransport: @escaping @Sendable (Destination, DeliverySettings) -> any AudienceHTTPTransport = { _, _ in
            URLSessionAudienceTransport(maxConnections: 2)
        }
    ) {
        self.webhookTransport = webhookTransport
        self.email = email
        self.audienceTransport = audienceTransport
    }

    /// The sender for `destination`, whose sealed secrets are already opened as `secrets`.
    /// - Throws: `ActivationError` when the destination's settings cannot make a sender (its
    ///   URL is not one).
    public func sender(
        for destination: Destination, secrets: [String], settings: DeliverySettings,
        clock: @escaping @Sendable () -> Date
    ) throws -> any DestinationSender {
        switch destination.kind {
        case .webhook:
            guard let url = URL(string: destination.url) else {
                throw ActivationError(field: "url", "'\(destination.url)' is not a URL")
            }
            return WebhookSender(
                url: url, secrets: secrets, transport: webhookTransport(destination, settings), settings: settings,
                clock: clock)
        case .email:
            return try EmailSender(
                destination: destination, secrets: secrets, context: email, settings: settings, clock: clock)
        case .hubspot, .mailchimp, .klaviyo:
            return try AudienceSyncSender(
                destination: destination, apiKey: secrets.first ?? "",
                transport: audienceTransport(destination, settings), settings: settings, clock: clock)
        }
    }
}
