import BeaconCore
import Foundation

/// Audience sync to a HubSpot contact list: contacts upserted by email in batches of 100
/// (`POST /crm/v3/objects/contacts/batch/upsert`), then added to or removed from a MANUAL
/// list by record id (`PUT /crm/v3/lists/{listId}/memberships/add|remove`); removals find
/// the record ids with a batch read by email, so leaving a segment never creates a contact.
///
/// Paced at 100 requests per 10 s, the lowest of HubSpot's documented per-app limits (100 to
/// 190 by plan). Each upsert input carries the outbox message id as `objectWriteTraceId`,
/// which HubSpot echoes on its results, so a 207 partial failure maps back to the members that
/// failed. HubSpot has no idempotency key for these calls; upsert and set membership are
/// idempotent by themselves. Docs:
/// https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/contacts/batch/upsert-contacts,
/// https://developers.hubspot.com/docs/api-reference/legacy/crm/lists/memberships/add-to-list
public struct HubSpotAudience: AudienceVendor {
    /// A contact property that receives the Beacon user id (it must exist in the portal).
    public var userIdProperty: String?

    public init(userIdProperty: String? = nil) {
        self.userIdProperty = userIdProperty
    }

    public var batchLimit: Int { 100 }

    public func rateLimit() -> AudienceRateLimit { AudienceRateLimit([TokenBucket(requests: 100, per: 10)]) }

    public func defaultBaseURL(apiKey: String) -> String { "https://api.hubapi.com" }

    public func headers(apiKey: String) -> [String: String] {
        ["Authorization": "Bearer \(apiKey)", "Content-Type": "application/json", "Accept": "application/json"]
    }

    /// The batch upsert of `changes` (each with an email), by email, traced by message id.
    public func upsert(_ changes: [AudienceSyncChange]) -> AudienceCall {
        AudienceCall(
            "POST", "/crm/v3/objects/contacts/batch/upsert",
            body: .object([
                "inputs": .array(
                    changes.map { c in
                        var properties: [String: JSONValue] = ["email": .string(c.email ?? "")]
                        if let v = c.firstName { properties["firstname"] = .string(v) }
                        if let v = c.lastName { properties["lastname"] = .string(v) }
                        if let v = c.phone { properties["phone"] = .string(v) }
                        if let p = userIdProperty, let v = c.userId { properties[p] = .string(v) }
                        return .object([
                            "id": .string(c.email ?? ""), "idProperty": .string("email"),
                            "objectWriteTraceId": .string(c.messageId), "properties": .object(properties),
                        ])
                    })
            ]))
    }

    /// The batch read of contacts by email (their record ids).
    public func read(_ emails: [String]) -> AudienceCall {
        AudienceCall(
            "POST", "/crm/v3/objects/contacts/batch/read",
            body: .object([
                "idProperty": .string("email"), "properties": .array([.string("email")]),
                "inputs": .array(emails.map { .object(["id": .string($0)]) }),
            ]))
    }

    /// Adds (`add`) or removes (`remove`) records from a list.
    public func membership(_ action: String, listId: String, recordIds: [String]) -> AudienceCall {
        AudienceCall(
            "PUT", "/crm/v3/lists/\(AudienceCall.segment(listId))/memberships/\(action)",
            body: .array(recordIds.map(JSONValue.string)))
    }

    /// The record id of each change HubSpot returned, by message id (matched on
    /// `objectWriteTraceId`, else on the email), and the error reported for the others.
    public func records(in reply: JSONValue?, for changes: [AudienceSyncChange]) -> (
        ids: [String: String], errors: [String: (detail: String, invalid: Bool)]
    ) {
        var byEmail: [String: String] = [:]
        var ids: [String: String] = [:]
        for result in reply?["results"]?.arrayValue ?? [] {
            guard let id = result["id"]?.stringValue else { continue }
            if let trace = result["objectWriteTraceId"]?.stringValue { ids[trace] = id }
            if let email = result["properties"]?["email"]?.stringValue { byEmail[email.lowercased()] = id }
        }
        var errors: [String: (detail: String, invalid: Bool)] = [:]
        let reported = reply?["errors"]?.arrayValue ?? []
        for c in changes where ids[c.messageId] == nil {
            if let id = c.email.flatMap({ byEmail[$0.lowercased()] }) {
                ids[c.messageId] = id
                continue
            }
            let mine = reported.first { e in
                let context = e["context"]?.serialized() ?? ""
                return context.contains(c.messageId) || (c.email.map { context.lowercased().contains($0.lowercased()) } ?? false)
            }
            let error = mine ?? reported.first
            errors[c.messageId] = (
                error?["message"]?.stringValue ?? "HubSpot returned no record for \(c.email ?? "")",
                error?["category"]?.stringValue == "VALIDATION_ERROR"
            )
        }
        return (ids, errors)
    }

    /// The record ids HubSpot reports missing from a membership change.
    public func missing(in reply: JSONValue?) -> Set<String> {
        Set((reply?["recordIdsMissing"]?.arrayValue ?? []).compactMap { $0.stringValue ?? $0.doubleValue.map { String(Int($0)) } })
    }

    public func sync(_ changes: [AudienceSyncChange], listId: String, client: AudienceSyncClient) async
        -> [String: WebhookResponse]
    {
        var out: [String: WebhookResponse] = [:]
        let (usable, noEmail) = changes.partitioned { $0.email != nil }
        for c in noEmail {
            out[c.messageId] = WebhookResponse(status: 422, detail: "the profile has no email", permanent: true)
        }

        let writes = usable.filter { $0.operation != .remove }
        if !writes.isEmpty {
            let reply = await client.send(upsert(writes))
            if reply.isSuccess {
                let (ids, errors) = records(in: reply.json, for: writes)
                // A value HubSpot refuses (an invalid email) is refused on every retry: dead at once.
                for (m, e) in errors { out[m] = WebhookResponse(status: 400, detail: e.detail, permanent: e.invalid) }
                for c in writes where c.operation == .update && ids[c.messageId] != nil {
                    out[c.messageId] = WebhookResponse(status: reply.status)
                }
                let adds = writes.filter { $0.operation == .add && ids[$0.messageId] != nil }
                if !adds.isEmpty {
                    out.merge(
                        await changeMembership("add", adds, ids: ids, listId: listId, client: client),
                        uniquingKeysWith: { _, b in b })
                }
            } else {
                out.merge(failed(writes, reply), uniquingKeysWith: { _, b in b })
            }
        }

        let removes = usable.filter { $0.operation == .remove }
        if !removes.isEmpty {
            let reply = await client.send(read(removes.compactMap(\.email)))
            if reply.isSuccess {
                let (ids, _) = records(in: reply.json, for: removes)
                // A person HubSpot does not know is on no list: nothing to remove.
                for c in removes where ids[c.messageId] == nil { out[c.messageId] = WebhookResponse(status: reply.status) }
                let known = removes.filter { ids[$0.messageId] != nil }
                if !known.isEmpty {
                    out.merge(
                        await changeMembership("remove", known, ids: ids, listId: listId, client: client),
                        uniquingKeysWith: { _, b in b })
                }
            } else {
                out.merge(failed(removes, reply), uniquingKeysWith: { _, b in b })
            }
        }
        return out
    }

    private func changeMembership(
        _ action: String, _ changes: [AudienceSyncChange], ids: [String: String], listId: String,
        client: AudienceSyncClient
    ) async -> [String: WebhookResponse] {
        let reply = await client.send(
            membership(action, listId: listId, recordIds: changes.compactMap { ids[$0.messageId] }))
        guard reply.isSuccess else { return failed(changes, reply) }
        let missing = missing(in: reply.json)
        var out: [String: WebhookResponse] = [:]
        for c in changes {
            let id = ids[c.messageId] ?? ""
            out[c.messageId] =
                missing.contains(id)
                ? WebhookResponse(status: 404, detail: "HubSpot reports record \(id) missing from list \(listId)")
                : WebhookResponse(status: reply.status)
        }
        return out
    }
}
