import BeaconCore
import Foundation

/// Audience sync to a Mailchimp audience: one batch subscribe call per 500 members
/// (`POST /3.0/lists/{list_id}` with `members` and `update_existing: true`); a person who
/// leaves the segment is set `unsubscribed` in the same call, and a member's update keeps
/// `subscribed`.
///
/// Mailchimp answers 200 even when members were refused, listing them in `errors` (by
/// email); those fail alone and go back to the outbox. It allows 10 connections at once
/// and has no per-second quota; one worker call per destination at a time stays far below,
/// and the token bucket (10 at once, 10 per second) keeps bursts polite. Mailchimp has no
/// idempotency key; setting a member's status and fields is idempotent by itself. The API
/// key's suffix names the data centre (`…-us6` → `https://us6.api.mailchimp.com`). Docs:
/// https://mailchimp.com/developer/marketing/api/lists/batch-subscribe-or-unsubscribe/
public struct MailchimpAudience: AudienceVendor {
    /// A merge field that receives the Beacon user id (it must exist in the audience).
    public var userIdMergeField: String?

    public init(userIdMergeField: String? = nil) {
        self.userIdMergeField = userIdMergeField
    }

    public var batchLimit: Int { 500 }

    public func rateLimit() -> AudienceRateLimit { AudienceRateLimit([TokenBucket(capacity: 10, refillPerSecond: 10)]) }

    /// The data centre named by the key's suffix (`us6` in `…-us6`), or nil.
    public static func dataCentre(of apiKey: String) -> String? {
        guard let dash = apiKey.lastIndex(of: "-") else { return nil }
        let dc = apiKey[apiKey.index(after: dash)...]
        guard !dc.isEmpty, dc.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        return String(dc)
    }

    public func defaultBaseURL(apiKey: String) -> String {
        "https://\(Self.dataCentre(of: apiKey) ?? "us1").api.mailchimp.com"
    }

    public func headers(apiKey: String) -> [String: String] {
        [
            "Authorization": "Basic " + Data("beacon:\(apiKey)".utf8).base64EncodedString(),
            "Content-Type": "application/json", "Accept": "application/json",
        ]
    }

    /// The batch subscribe/unsubscribe call for `changes` (each with an email).
    public func batch(_ changes: [AudienceSyncChange], listId: String) -> AudienceCall {
        AudienceCall(
            "POST", "/3.0/lists/\(AudienceCall.segment(listId))",
            body: .object([
                "update_existing": .bool(true),
                "members": .array(
                    changes.map { c in
                        var merge: [String: JSONValue] = [:]
                        if let v = c.firstName { merge["FNAME"] = .string(v) }
                        if let v = c.lastName { merge["LNAME"] = .string(v) }
                        if let f = userIdMergeField, let v = c.userId { merge[f] = .string(v) }
                        var member: [String: JSONValue] = [
                            "email_address": .string(c.email ?? ""),
                            "status": .string(c.operation == .remove ? "unsubscribed" : "subscribed"),
                        ]
                        if !merge.isEmpty { member["merge_fields"] = .object(merge) }
                        return .object(member)
                    }),
            ]))
    }

    /// The members Mailchimp refused, by lower-cased email, with its reason.
    public func refused(in reply: JSONValue?) -> [String: String] {
        var out: [String: String] = [:]
        for e in reply?["errors"]?.arrayValue ?? [] {
            guard let email = e["email_address"]?.stringValue else { continue }
            let code = e["error_code"]?.stringValue.map { " (\($0))" } ?? ""
            out[email.lowercased()] = (e["error"]?.stringValue ?? "refused") + code
        }
        return out
    }

    public func sync(_ changes: [AudienceSyncChange], listId: String, client: AudienceSyncClient) async
        -> [String: WebhookResponse]
    {
        var out: [String: WebhookResponse] = [:]
        let (usable, noEmail) = changes.partitioned { $0.email != nil }
        for c in noEmail {
            out[c.messageId] = WebhookResponse(status: 422, detail: "the profile has no email", permanent: true)
        }
        guard !usable.isEmpty else { return out }
        let reply = await client.send(batch(usable, listId: listId))
        guard reply.isSuccess else { return out.merging(failed(usable, reply), uniquingKeysWith: { _, b in b }) }
        let refused = refused(in: reply.json)
        for c in usable {
            if let reason = refused[(c.email ?? "").lowercased()] {
                out[c.messageId] = WebhookResponse(status: 400, detail: "Mailchimp refused \(c.email ?? ""): \(reason)")
            } else {
                out[c.messageId] = WebhookResponse(status: reply.status)
            }
        }
        return out
    }
}
