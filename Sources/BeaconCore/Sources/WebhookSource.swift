import Foundation

/// A store that pushes its own webhooks into a workspace (Shopify, Stripe): where its
/// deliveries are posted (`/v1/sources/{id}`), and the secret its signatures are made with.
public struct WebhookSource: Sendable, Equatable, Codable {
    /// The vendors whose webhook formats and signatures Beacon reads.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Shopify: `X-Shopify-Hmac-Sha256`, base64 HMAC-SHA256 of the raw body with the app's secret.
        case shopify
        /// Stripe: `Stripe-Signature: t=…,v1=…`, hex HMAC-SHA256 of `t.payload` with the endpoint's `whsec_` secret.
        case stripe
        /// Any sender of JSON: `X-Beacon-Signature: sha256=<hex>`, hex HMAC-SHA256 of the raw body with the
        /// source's secret; each body becomes one event by the source's `JSONEventMapping`.
        case json
    }

    public var workspaceId: String
    /// `src_` + 24 hex digits: the path segment deliveries are posted to.
    public var id: String
    public var kind: Kind
    public var name: String
    /// The signing secret the vendor gave (Shopify app secret, Stripe `whsec_…`), sealed as
    /// stored: only the service that verifies deliveries opens it.
    public var secret: String
    public var createdAt: Date
    /// How a `json` source's bodies become events; nil for the vendors Beacon knows.
    public var mapping: JSONEventMapping?

    public init(
        workspaceId: String, id: String, kind: Kind, name: String, secret: String, createdAt: Date,
        mapping: JSONEventMapping? = nil
    ) {
        self.workspaceId = workspaceId
        self.id = id
        self.kind = kind
        self.name = name
        self.secret = secret
        self.createdAt = createdAt
        self.mapping = mapping
    }
}

/// One webhook delivery a source received, as the Data page lists it: accepted (with how many
/// events were new), ignored (a topic Beacon does not map) or refused (and why).
public struct WebhookDelivery: Sendable, Equatable, Codable {
    public enum Outcome: String, Sendable, Codable {
        case accepted, ignored, refused
    }

    public var sourceId: String
    public var receivedAt: Date
    /// The vendor's topic or event type (`orders/create`, `charge.succeeded`).
    public var topic: String
    public var outcome: Outcome
    /// Events newly stored by this delivery (0 for a retry of one already stored).
    public var eventsStored: Int
    /// Why it was refused or ignored; empty when accepted.
    public var detail: String

    public init(
        sourceId: String, receivedAt: Date, topic: String, outcome: Outcome, eventsStored: Int, detail: String
    ) {
        self.sourceId = sourceId
        self.receivedAt = receivedAt
        self.topic = topic
        self.outcome = outcome
        self.eventsStored = eventsStored
        self.detail = detail
    }
}
