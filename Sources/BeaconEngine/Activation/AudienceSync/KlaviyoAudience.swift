import BeaconCore
import Foundation

/// Audience sync to a Klaviyo list: adds and updates go as one bulk profile import job
/// (`POST /api/profile-bulk-import-jobs`, JSON:API, at most 10,000 profiles and 5 MB per
/// job, with the list as its relationship for adds); removals look the profiles up by email
/// (`GET /api/profiles?filter=any(email,[…])`, 100 a page) and take them off the list
/// (`DELETE /api/lists/{id}/relationships/profiles`, at most 1,000 ids).
///
/// Every call carries the `revision` header and is paced by two buckets, burst 10/s and
/// steady 150/min, as documented for these endpoints. A 400 whose errors point at single
/// profiles (`/data/attributes/profiles/data/<i>/…`) fails those members only; the others are
/// submitted again at once. Klaviyo has no idempotency key for these calls; an import is an
/// upsert and list membership is a set. Docs:
/// https://developers.klaviyo.com/en/reference/bulk_import_profiles,
/// https://developers.klaviyo.com/en/reference/add_profiles_to_list,
/// https://developers.klaviyo.com/en/reference/remove_profiles_from_list
public struct KlaviyoAudience: AudienceVendor {
    /// The API revision Beacon's request bodies follow.
    public static let revision = "2024-10-15"
    /// Profiles per import job, and its body size, at most.
    public static let maxJobProfiles = 10_000
    public static let maxJobBytes = 5_000_000
    /// Profile ids per list relationship call, and emails per profile lookup page.
    public static let maxRelationshipIds = 1_000
    public static let lookupPage = 100

    public init() {}

    public var batchLimit: Int { Self.maxRelationshipIds }

    public func rateLimit() -> AudienceRateLimit {
        AudienceRateLimit([TokenBucket(capacity: 10, refillPerSecond: 10), TokenBucket(requests: 150, per: 60)])
    }

    public func defaultBaseURL(apiKey: String) -> String { "https://a.klaviyo.com" }

    public func headers(apiKey: String) -> [String: String] {
        [
            "Authorization": "Klaviyo-API-Key \(apiKey)", "revision": Self.revision,
            "Content-Type": "application/vnd.api+json", "Accept": "application/vnd.api+json",
        ]
    }

    /// One profile of an import job: email, user id as `external_id`, names, an E.164 phone,
    /// and Beacon's profile id and external ids as custom properties.
    public func profile(_ c: AudienceSyncChange) -> JSONValue {
        var attributes: [String: JSONValue] = [:]
        if let v = c.email { attributes["email"] = .string(v) }
        if let v = c.userId { attributes["external_id"] = .string(v) }
        if let v = c.firstName { attributes["first_name"] = .string(v) }
        if let v = c.lastName { attributes["last_name"] = .string(v) }
        if let v = c.phone, v.hasPrefix("+") { attributes["phone_number"] = .string(v) }
        attributes["properties"] = .object([
            "beacon_profile_id": .string(c.profileId),
            "beacon_external_ids": .array(c.externalIds.map { .string("\($0.type):\($0.id)") }),
        ])
        return .object(["type": .string("profile"), "attributes": .object(attributes)])
    }

    /// The import jobs for `changes`: as few as the profile and size limits allow, each added
    /// to `listId` when given.
    public func importJobs(_ changes: [AudienceSyncChange], listId: String?) -> [(AudienceCall, [AudienceSyncChange])] {
        func job(_ part: [AudienceSyncChange]) -> AudienceCall {
            var data: [String: JSONValue] = [
                "type": .string("profile-bulk-import-job"),
                "attributes": .object(["profiles": .object(["data": .array(part.map(profile))])]),
            ]
            if let listId {
                data["relationships"] = .object([
                    "lists": .object(["data": .array([.object(["type": .string("list"), "id": .string(listId)])])])
                ])
            }
            return AudienceCall("POST", "/api/profile-bulk-import-jobs", body: .object(["data": .object(data)]))
        }
        var out: [(AudienceCall, [AudienceSyncChange])] = []
        var part: [AudienceSyncChange] = []
        var bytes = 400
        for c in changes {
            let size = profile(c).serialized().utf8.count + 1
            if !part.isEmpty, part.count == Self.maxJobProfiles || bytes + size > Self.maxJobBytes {
                out.append((job(part), part))
                part = []
                bytes = 400
            }
            part.append(c)
            bytes += size
        }
        if !part.isEmpty { out.append((job(part), part)) }
        return out
    }

    /// The profile lookup by email (up to 100).
    public func lookup(_ emails: [String]) -> AudienceCall {
        let list = emails.map { JSONValue.string($0).serialized() }.joined(separator: ",")
        let filter = "any(email,[\(list)])"
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return AudienceCall(
            "GET",
            "/api/profiles?fields%5Bprofile%5D=email&page%5Bsize%5D=\(Self.lookupPage)&filter="
                + (filter.addingPercentEncoding(withAllowedCharacters: allowed) ?? filter))
    }

    /// Removes profiles (by Klaviyo id) from a list.
    public func removeFromList(_ listId: String, profileIds: [String]) -> AudienceCall {
        AudienceCall(
            "DELETE", "/api/lists/\(AudienceCall.segment(listId))/relationships/profiles",
            body: .object([
                "data": .array(profileIds.map { .object(["type": .string("profile"), "id": .string($0)]) })
            ]))
    }

    /// Klaviyo profile ids by lower-cased email, from a lookup reply.
    public func profileIds(in reply: JSONValue?) -> [String: String] {
        var out: [String: String] = [:]
        for p in reply?["data"]?.arrayValue ?? [] {
            if let id = p["id"]?.stringValue, let email = p["attributes"]?["email"]?.stringValue {
                out[email.lowercased()] = id
            }
        }
        return out
    }

    /// The profile positions a 400's errors point at (`/data/attributes/profiles/data/<i>/…`)
    /// with their details, or nil when an error points elsewhere (the whole job was refused).
    public func refusedProfiles(in reply: JSONValue?) -> [Int: String]? {
        let errors = reply?["errors"]?.arrayValue ?? []
        guard !errors.isEmpty else { return nil }
        var out: [Int: String] = [:]
        let prefix = "/data/attributes/profiles/data/"
        for e in errors {
            guard let pointer = e["source"]?["pointer"]?.stringValue, pointer.hasPrefix(prefix),
                let index = Int(pointer.dropFirst(prefix.count).prefix { $0.isNumber })
            else { return nil }
            out[index] = e["detail"]?.stringValue ?? e["title"]?.stringValue ?? "invalid"
        }
        return out
    }

    public func sync(_ changes: [AudienceSyncChange], listId: String, client: AudienceSyncClient) async
        -> [String: WebhookResponse]
    {
        var out: [String: WebhookResponse] = [:]
        let adds = changes.filter { $0.operation == .add }
        let updates = changes.filter { $0.operation == .update }
        for (group, list) in [(adds, Optional(listId)), (updates, nil)] where !group.isEmpty {
            for (call, part) in importJobs(group, listId: list) {
                out.merge(await submit(call, part, listId: list, client: client), uniquingKeysWith: { _, b in b })
            }
        }
        let (removes, noEmail) = changes.filter { $0.operation == .remove }.partitioned { $0.email != nil }
        for c in noEmail {
            out[c.messageId] = WebhookResponse(status: 422, detail: "the profile has no email", permanent: true)
        }
        var ids: [String: String] = [:]
        var lookedUp: [AudienceSyncChange] = []
        var start = 0
        while start < removes.count {
            let page = Array(removes[start..<min(removes.count, start + Self.lookupPage)])
            start += page.count
            let reply = await client.send(lookup(page.compactMap(\.email)))
            guard reply.isSuccess else {
                out.merge(failed(page, reply), uniquingKeysWith: { _, b in b })
                continue
            }
            ids.merge(profileIds(in: reply.json), uniquingKeysWith: { a, _ in a })
            lookedUp += page
        }
        // A person Klaviyo does not know is on no list: nothing to remove.
        let known = lookedUp.filter { ids[($0.email ?? "").lowercased()] != nil }
        for c in lookedUp where ids[(c.email ?? "").lowercased()] == nil { out[c.messageId] = WebhookResponse(status: 200) }
        if !known.isEmpty {
            let reply = await client.send(
                removeFromList(listId, profileIds: known.compactMap { ids[($0.email ?? "").lowercased()] }))
            out.merge(reply.isSuccess ? succeeded(known, status: reply.status) : failed(known, reply)) { _, b in b }
        }
        return out
    }

    /// Submits one import job; a 400 naming single profiles fails those and resubmits the rest once.
    private func submit(_ call: AudienceCall, _ part: [AudienceSyncChange], listId: String?, client: AudienceSyncClient)
        async -> [String: WebhookResponse]
    {
        let reply = await client.send(call)
        if reply.isSuccess { return succeeded(part, status: reply.status) }
        guard reply.status == 400, let refused = refusedProfiles(in: reply.json), refused.count < part.count else {
            return failed(part, reply)
        }
        var out: [String: WebhookResponse] = [:]
        var rest: [AudienceSyncChange] = []
        for (i, c) in part.enumerated() {
            if let detail = refused[i] {
                out[c.messageId] = WebhookResponse(
                    status: 400, detail: "Klaviyo refused \(c.email ?? c.profileId): \(detail)", permanent: true)
            } else {
                rest.append(c)
            }
        }
        guard let again = importJobs(rest, listId: listId).first else { return out }
        let second = await client.send(again.0)
        return out.merging(second.isSuccess ? succeeded(rest, status: second.status) : failed(rest, second)) { _, b in b }
    }
}
