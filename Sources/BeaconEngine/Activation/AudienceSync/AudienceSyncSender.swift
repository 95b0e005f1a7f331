import BeaconCore
import Foundation

/// Delivers one audience destination's claimed outbox messages as its vendor's batch calls
/// and reports one outcome per message, in the messages' order.
///
/// Each message is read as an `AudienceSyncChange`; the vendor applies them together (up to
/// its `batchLimit`) and says which it confirmed. Confirmed messages are settled as delivered;
/// the others carry the vendor's status, `Retry-After` and reason back to the outbox, which
/// retries each one alone with backoff. A `destination.test` message reads the list, so a
/// test send checks the key and the list id. A message with nothing to sync (a tracked event)
/// is refused with 422.
public struct AudienceSyncSender: DestinationSender {
    public let vendor: any AudienceVendor
    public let listId: String
    public let client: AudienceSyncClient

    /// A sender to `vendor`'s list `listId` at `baseURL` (the vendor's own when nil).
    public init(
        vendor: any AudienceVendor, apiKey: String, listId: String, baseURL: String?,
        transport: any AudienceHTTPTransport, timeout: TimeInterval = 30, maxWait: TimeInterval = 10,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.vendor = vendor
        self.listId = listId
        let base = baseURL.flatMap { $0.isEmpty ? nil : URL(string: $0) }
            ?? URL(string: vendor.defaultBaseURL(apiKey: apiKey))!
        client = AudienceSyncClient(
            baseURL: base, headers: vendor.headers(apiKey: apiKey), limit: vendor.rateLimit(), transport: transport,
            timeout: timeout, maxWait: maxWait, clock: clock)
    }

    public var batchLimit: Int { vendor.batchLimit }

    public func deliver(_ batch: [OutboxMessage]) async -> [DeliveryOutcome] {
        let started = Date()
        let responses = await send(batch)
        // One vendor call answers for the whole batch: each message waited as long as the batch.
        let seconds = Date().timeIntervalSince(started)
        return responses.map { DeliveryOutcome(response: $0, seconds: seconds) }
    }

    /// One answer per message, in order.
    public func send(_ messages: [OutboxMessage]) async -> [WebhookResponse] {
        var changes: [AudienceSyncChange] = []
        var outcomes: [String: WebhookResponse] = [:]
        for m in messages {
            if let c = AudienceSyncChange(message: m) {
                changes.append(c)
            } else if (try? JSONValue.parse(Data(m.payload.utf8)))?["type"]?.stringValue == "destination.test" {
                let reply = await client.send(probe())
                outcomes[m.id] = WebhookResponse(status: reply.status, retryAfter: reply.retryAfter, detail: reply.detail)
            } else {
                outcomes[m.id] = WebhookResponse(
                    status: 422, detail: "an audience destination syncs segment members; this message has none",
                    permanent: true)
            }
        }
        // One message per profile is claimed at a time, but a batch may still name one email
        // twice (two profiles sharing it): the later ones wait for the next batch.
        var seen: Set<String> = []
        var now: [AudienceSyncChange] = []
        for c in changes {
            let key = (c.email ?? c.profileId).lowercased()
            if seen.insert(key).inserted {
                now.append(c)
            } else {
                outcomes[c.messageId] = WebhookResponse(
                    status: 409, retryAfter: 0, detail: "another change to \(key) went in this batch")
            }
        }
        var start = 0
        while start < now.count {
            let part = Array(now[start..<min(now.count, start + vendor.batchLimit)])
            start += part.count
            outcomes.merge(await vendor.sync(part, listId: listId, client: client), uniquingKeysWith: { _, b in b })
        }
        return messages.map {
            outcomes[$0.id] ?? WebhookResponse(status: 502, detail: "the vendor's answer did not mention this member")
        }
    }

    /// The call a test send makes: read the list.
    func probe() -> AudienceCall {
        let id = AudienceCall.segment(listId)
        switch vendor {
        case is HubSpotAudience: return AudienceCall("GET", "/crm/v3/lists/\(id)")
        case is MailchimpAudience: return AudienceCall("GET", "/3.0/lists/\(id)")
        default: return AudienceCall("GET", "/api/lists/\(id)")
        }
    }
}

extension AudienceSyncSender {
    /// The vendor a destination of `kind` syncs to, with its optional settings
    /// (`userIdProperty` for HubSpot, `userIdMergeField` for Mailchimp), or nil for other kinds.
    public static func vendor(_ kind: Destination.Kind, settings: [String: String]) -> (any AudienceVendor)? {
        switch kind {
        case .hubspot: return HubSpotAudience(userIdProperty: settings["userIdProperty"])
        case .mailchimp: return MailchimpAudience(userIdMergeField: settings["userIdMergeField"])
        case .klaviyo: return KlaviyoAudience()
        default: return nil
        }
    }

    /// The sender of an audience destination: its vendor, list (`settings["listId"]`), API key and base URL.
    /// - Throws: `ActivationError` naming `type` or `listId` when the destination cannot sync.
    public init(
        destination d: Destination, apiKey: String, transport: any AudienceHTTPTransport, settings: DeliverySettings,
        clock: @escaping @Sendable () -> Date
    ) throws {
        guard let vendor = Self.vendor(d.kind, settings: d.settings) else {
            throw ActivationError(field: "type", "'\(d.kind.rawValue)' is not an audience sync destination")
        }
        guard let listId = d.settings["listId"], !listId.isEmpty else {
            throw ActivationError(field: "listId", "destination \(d.id) names no list")
        }
        self.init(
            vendor: vendor, apiKey: apiKey, listId: listId, baseURL: d.url, transport: transport,
            timeout: settings.requestTimeout, maxWait: min(10, settings.lease / 4), clock: clock)
    }
}
