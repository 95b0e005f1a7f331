import BeaconCore
import BeaconStore
import Foundation

/// Stores that push their own webhooks (Shopify, Stripe) into a workspace: the sources, and
/// the receiving of one delivery — signature checked first, then mapped to Segment-spec
/// events and appended through the group commit (so profiles and segments fold them as any
/// tracked event), the delivery listed with its outcome.
///
/// A delivery with a bad signature or a stale timestamp is refused before its body is read as
/// JSON and stores nothing; a valid one stores its events once, however often the vendor
/// retries it (event ids come from the vendor's own ids). Signing secrets are stored sealed
/// (`SecretBox`, AES-GCM, the same key as destination secrets) and opened only to verify.
public final class WebhookSourceService: Sendable {
    let store: any WebhookSourceStore
    let committer: GroupCommitter
    let secrets: @Sendable () throws -> SecretBox
    /// Deliveries kept per source for the Data page.
    public static let deliveriesKept = 200

    public init(
        store: any WebhookSourceStore, committer: GroupCommitter, secrets: @escaping @Sendable () throws -> SecretBox
    ) {
        self.store = store
        self.committer = committer
        self.secrets = secrets
    }

    /// Creates a source for a workspace. The secret is the one the vendor shows for the
    /// endpoint (Shopify: the app's client secret; Stripe: the endpoint's `whsec_…`; a JSON
    /// source: one the sender signs with); a `json` source needs its field `mapping`.
    /// - Throws: `WebhookSourceError.invalid` naming `name`, `secret` or `mapping`.
    public func create(
        workspace: Workspace, kind: WebhookSource.Kind, name: String, secret: String, mapping: JSONEventMapping? = nil
    ) async throws -> WebhookSource {
        guard (kind == .json) == (mapping != nil) else {
            throw WebhookSourceError.invalid(
                field: "mapping",
                reason: kind == .json ? "a json source needs a field mapping" : "only a json source takes a field mapping")
        }
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100 else {
            throw WebhookSourceError.invalid(field: "name", reason: "must be 1–100 characters")
        }
        guard secret.count >= 8 else {
            throw WebhookSourceError.invalid(field: "secret", reason: "must be the vendor's signing secret (at least 8 characters)")
        }
        if kind == .stripe, !secret.hasPrefix("whsec_") {
            throw WebhookSourceError.invalid(field: "secret", reason: "a Stripe endpoint secret starts with 'whsec_'")
        }
        var rng = SystemRandomNumberGenerator()
        let id = "src_" + (0..<12).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &rng)) }.joined()
        let source = WebhookSource(
            workspaceId: workspace.id, id: id, kind: kind, name: name, secret: try secrets().seal(secret),
            createdAt: Timestamp.truncated(Date()), mapping: mapping)
        try await store.saveSource(source)
        return source
    }

    public func sources(of workspace: Workspace) async throws -> [WebhookSource] {
        try await store.sources(workspaceId: workspace.id)
    }

    /// The workspace's source with this id. - Throws: `WebhookSourceError.notFound`.
    public func source(_ id: String, of workspace: Workspace) async throws -> WebhookSource {
        guard let source = try await store.source(id: id), source.workspaceId == workspace.id else {
            throw WebhookSourceError.notFound(id)
        }
        return source
    }

    @discardableResult
    public func delete(_ id: String, of workspace: Workspace) async throws -> Bool {
        try await store.deleteSource(workspaceId: workspace.id, id: id)
    }

    public func deliveries(of source: WebhookSource, limit: Int = 50) async throws -> [WebhookDelivery] {
        try await store.deliveries(sourceId: source.id, limit: limit)
    }

    /// What receiving a delivery did.
    public struct Receipt: Sendable, Equatable {
        public var topic: String
        public var eventsStored: Int
        public var duplicates: Int
        public var ignored: String?
    }

    /// Receives one delivery posted to `/v1/sources/{sourceId}`.
    /// - Parameters:
    ///   - headers: the request's headers, names in lower case.
    ///   - now: the time Stripe's signed timestamp is compared with.
    /// - Throws: `WebhookSourceError` (unknown source, bad signature, unreadable payload);
    ///   refusals after the source is known are listed among its deliveries.
    public func receive(sourceId: String, headers: [String: String], body: [UInt8], now: Date = Date()) async throws
        -> Receipt
    {
        guard let source = try await store.source(id: sourceId) else { throw WebhookSourceError.notFound(sourceId) }
        let topic: String
        switch source.kind {
        case .shopify: topic = headers["x-shopify-topic"] ?? "?"
        case .stripe: topic = (try? JSONValue.parse(Data(body)))?["type"]?.stringValue ?? "?"
        case .json:
            let payload = try? JSONValue.parse(Data(body))
            topic = source.mapping?.event.flatMap { pointer in payload.flatMap { pointer.resolve(in: $0) }?.stringValue }
                ?? source.mapping?.eventName ?? "?"
        }
        do {
            let receipt = try await accept(source: source, topic: topic, headers: headers, body: body, now: now)
            try? await store.recordDelivery(
                WebhookDelivery(
                    sourceId: source.id, receivedAt: now, topic: topic, outcome: receipt.ignored == nil ? .accepted : .ignored,
                    eventsStored: receipt.eventsStored, detail: receipt.ignored ?? ""),
                keep: Self.deliveriesKept)
            return receipt
        } catch let error as WebhookSourceError {
            try? await store.recordDelivery(
                WebhookDelivery(
                    sourceId: source.id, receivedAt: now, topic: topic, outcome: .refused, eventsStored: 0,
                    detail: error.description),
                keep: Self.deliveriesKept)
            throw error
        }
    }

    private func accept(source: WebhookSource, topic: String, headers: [String: String], body: [UInt8], now: Date)
        async throws -> Receipt
    {
        let secret = try secrets().open(source.secret)
        switch source.kind {
        case .shopify:
            guard SourceSignature.verifyShopify(body: body, header: headers["x-shopify-hmac-sha256"], secret: secret)
            else {
                throw WebhookSourceError.unauthorized(
                    field: "X-Shopify-Hmac-Sha256", reason: "missing, or not the HMAC-SHA256 of the body with this source's secret")
            }
        case .stripe:
            do {
                try SourceSignature.verifyStripe(body: body, header: headers["stripe-signature"], secret: secret, now: now)
            } catch let failure as SourceSignature.StripeFailure {
                throw WebhookSourceError.unauthorized(field: "Stripe-Signature", reason: failure.description)
            }
        case .json:
            guard SourceSignature.verifyJSON(body: body, header: headers["x-beacon-signature"], secret: secret) else {
                throw WebhookSourceError.unauthorized(
                    field: "X-Beacon-Signature",
                    reason: "missing, or not 'sha256=' and the hex HMAC-SHA256 of the body with this source's secret")
            }
        }
        let payload: JSONValue
        do {
            payload = try JSONValue.parseKeepingLargeIntegers(Data(body))
        } catch let error as JSONParseError {
            throw WebhookSourceError.invalid(field: "(body)", reason: error.message)
        }
        let mapping: WebhookMapping
        do {
            switch source.kind {
            case .shopify:
                mapping = try await ShopifyWebhookMapper.map(topic: topic, payload: payload, receivedAt: now) { orderId in
                    try await self.store.customer(sourceId: source.id, orderId: orderId)
                }
            case .stripe:
                mapping = try StripeWebhookMapper.map(payload, receivedAt: now)
            case .json:
                guard let fields = source.mapping else {
                    throw WebhookSourceError.invalid(field: "mapping", reason: "this json source has no field mapping")
                }
                mapping = WebhookMapping(events: [try fields.event(from: payload, receivedAt: now)])
            }
        } catch let error as WebhookPayloadError {
            throw WebhookSourceError.invalid(field: error.field, reason: error.reason)
        } catch let error as JSONEventMapping.Failure {
            throw WebhookSourceError.invalid(field: error.field, reason: error.reason)
        }
        for order in mapping.orders {
            try await store.rememberOrder(sourceId: source.id, orderId: order.orderId, customer: order.customer)
        }
        guard !mapping.events.isEmpty else {
            return Receipt(topic: topic, eventsStored: 0, duplicates: 0, ignored: mapping.ignored)
        }
        let result = try await committer.append(EventBatch(workspaceId: source.workspaceId, events: mapping.events))
        return Receipt(topic: topic, eventsStored: result.inserted, duplicates: result.duplicates, ignored: nil)
    }
}

/// A webhook delivery or source request that cannot be carried out; names the field or header.
public enum WebhookSourceError: Error, CustomStringConvertible, Sendable, Equatable {
    case notFound(String)
    case unauthorized(field: String, reason: String)
    case invalid(field: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let id): return "no webhook source '\(id)'"
        case .unauthorized(let field, let reason), .invalid(let field, let reason): return "\(field): \(reason)"
        }
    }
}
