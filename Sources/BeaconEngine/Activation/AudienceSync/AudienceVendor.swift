import BeaconCore
import Foundation

/// One audience vendor's sync: its batch size, rate limits, authentication and the calls
/// that apply a batch of changes to a list, with each change's outcome.
///
/// An outcome is a `WebhookResponse` per message id: a 2xx when the vendor confirmed the
/// member, else the status (the call's, or 400 for a member the vendor refused inside a
/// successful call), its `Retry-After` and the vendor's reason. Messages missing from the
/// answer count as failed and are tried again.
public protocol AudienceVendor: Sendable {
    /// The most messages one `sync` takes (the vendor's largest batch).
    var batchLimit: Int { get }
    /// The vendor's documented request pacing, as fresh token buckets.
    func rateLimit() -> AudienceRateLimit
    /// The API's base URL when the destination names none.
    func defaultBaseURL(apiKey: String) -> String
    /// Headers every call carries (authentication, content type, API revision).
    func headers(apiKey: String) -> [String: String]
    /// Applies `changes` to the vendor list `listId`.
    func sync(_ changes: [AudienceSyncChange], listId: String, client: AudienceSyncClient) async
        -> [String: WebhookResponse]
}

extension AudienceVendor {
    /// Every change failed with the call's answer.
    func failed(_ changes: [AudienceSyncChange], _ response: AudienceHTTPResponse) -> [String: WebhookResponse] {
        Dictionary(
            changes.map {
                (
                    $0.messageId,
                    WebhookResponse(
                        status: response.status, retryAfter: response.retryAfter,
                        detail: response.detail.isEmpty ? "HTTP \(response.status)" : response.detail)
                )
            }, uniquingKeysWith: { a, _ in a })
    }

    /// Every change confirmed by the call's answer.
    func succeeded(_ changes: [AudienceSyncChange], status: Int) -> [String: WebhookResponse] {
        Dictionary(changes.map { ($0.messageId, WebhookResponse(status: status)) }, uniquingKeysWith: { a, _ in a })
    }
}
