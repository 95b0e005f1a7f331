import BeaconCore
import Foundation

/// Posts each outbox message to a webhook destination as its own request, signed by the
/// Standard Webhooks scheme: the message id is the `webhook-id`, so a retry carries the same id
/// and a receiver applies it once.
struct WebhookSender: DestinationSender {
    let url: URL
    /// The opened signing secrets, newest first.
    let secrets: [String]
    let transport: any WebhookTransport
    let settings: DeliverySettings
    let clock: @Sendable () -> Date

    var batchLimit: Int { settings.maxInFlight }

    func deliver(_ batch: [OutboxMessage]) async -> [DeliveryOutcome] {
        await withTaskGroup(of: (Int, DeliveryOutcome).self) { group in
            for (i, m) in batch.enumerated() {
                group.addTask {
                    let started = Date()
                    let response = await send(m)
                    return (i, DeliveryOutcome(response: response, seconds: Date().timeIntervalSince(started)))
                }
            }
            var out = [DeliveryOutcome?](repeating: nil, count: batch.count)
            for await (i, outcome) in group { out[i] = outcome }
            return out.map { $0! }
        }
    }

    /// One signed POST of the message's payload.
    func send(_ m: OutboxMessage) async -> WebhookResponse {
        let timestamp = Int64(clock().timeIntervalSince1970)
        let body = Data(m.payload.utf8)
        let signature: String
        do {
            signature = try WebhookSignature.header(id: m.id, timestamp: timestamp, body: body, secrets: secrets)
        } catch {
            return WebhookResponse(status: 0, detail: "cannot sign: \(error)")
        }
        return await transport.send(
            WebhookRequest(
                url: url,
                headers: [
                    ("Content-Type", "application/json"), ("webhook-id", m.id),
                    ("webhook-timestamp", String(timestamp)),
                    ("webhook-signature", signature), ("User-Agent", "Beacon-Webhooks/1"),
                ],
                body: body, timeout: settings.requestTimeout))
    }
}
