import BeaconCore
import BeaconEngine
import Foundation
import Testing

/// Outbox messages as the engine queues them for an audience destination.
enum AudienceMessages {
    static let t0 = Date(timeIntervalSince1970: 1_796_371_200)

    static func message(
        _ id: String, _ type: String, email: String?, userId: String? = nil, traits: [String: String] = [:]
    ) -> OutboxMessage {
        let profile: JSONValue = .object([
            "id": .string("p-\(id)"), "userId": userId.map(JSONValue.string) ?? .null,
            "email": email.map(JSONValue.string) ?? .null,
            "externalIds": .array([.object(["type": .string("stripe_customer_id"), "id": .string("cus_\(id)")])]),
            "traits": .object(traits.mapValues(JSONValue.string)),
        ])
        let payload = JSONValue.object([
            "type": .string(type), "workspace": .string("w"), "segment": .object(["id": .string("vip")]),
            "profile": profile,
        ])
        return OutboxMessage(
            workspaceId: "w", id: "msg_\(id)", destinationId: "dst_a", orderKey: "p-\(id)", cause: "test",
            payload: payload.serialized(), nextAttemptAt: t0, createdAt: t0)
    }
}

/// Contract tests of the HubSpot, Mailchimp and Klaviyo syncs: every request body checked
/// against a minimal JSON schema written from the vendor's docs
/// (`Fixtures/AudienceSync/schemas`), every reply a recorded example in the documented shape
/// (`Fixtures/AudienceSync/replies`: successes, partial failures, 429 with Retry-After, 5xx)
/// served over real HTTP by a Python server on loopback. No internet.
@Suite(
    "Audience sync contracts", .serialized,
    .enabled(if: VendorReplayServer.python != nil, VendorReplayServer.skipReason))
struct AudienceSyncContractTests {
    typealias M = AudienceMessages

    func sender(_ vendor: any AudienceVendor, key: String, list: String, _ server: VendorReplayServer)
        -> AudienceSyncSender
    {
        AudienceSyncSender(
            vendor: vendor, apiKey: key, listId: list, baseURL: server.baseURL,
            transport: URLSessionAudienceTransport(maxConnections: 2), timeout: 10, maxWait: 1)
    }

    func outcomes(_ messages: [OutboxMessage], _ responses: [WebhookResponse]) -> [String: WebhookResponse] {
        Dictionary(uniqueKeysWithValues: zip(messages.map(\.id), responses))
    }

    @Test("HubSpot: upsert by email traced by message id, list add and remove by record id; a 207 fails only its member")
    func hubspot() async throws {
        let server = try VendorReplayServer()
        let replies = try VendorReplayServer.replies("hubspot")
        try await server.script([
            ("POST", "/crm/v3/objects/contacts/batch/upsert", replies["upsert_partial"]!),
            ("PUT", "/crm/v3/lists/123/memberships/add", replies["memberships_add"]!),
            ("POST", "/crm/v3/objects/contacts/batch/read", replies["read_one_found"]!),
            ("PUT", "/crm/v3/lists/123/memberships/remove", replies["memberships_remove"]!),
        ])
        let messages = [
            M.message("ann", "segment.entered", email: "ann@example.com", userId: "u-1", traits: ["first_name": "Ann"]),
            M.message("bob", "segment.entered", email: "bob@example.com"),
            M.message("cy", "segment.entered", email: "cy@localhost"),
            M.message("dora", "segment.exited", email: "dora@example.com"),
            M.message("eve", "segment.exited", email: "eve@example.com"),
            M.message("x", "segment.entered", email: nil),
        ]
        let s = sender(HubSpotAudience(userIdProperty: "beacon_user_id"), key: "pat-na1-test", list: "123", server)
        let out = outcomes(messages, await s.send(messages))
        #expect(out["msg_ann"]?.isSuccess == true && out["msg_bob"]?.isSuccess == true)
        #expect(out["msg_cy"]?.status == 400)
        #expect(out["msg_cy"]?.detail.contains("cy@localhost is invalid") == true)
        #expect(out["msg_dora"]?.isSuccess == true)
        #expect(out["msg_eve"]?.isSuccess == true, "a contact HubSpot does not know is on no list")
        #expect(out["msg_x"]?.status == 422)

        let requests = try await server.requests()
        #expect(requests.map { "\($0.method) \($0.path)" } == [
            "POST /crm/v3/objects/contacts/batch/upsert", "PUT /crm/v3/lists/123/memberships/add",
            "POST /crm/v3/objects/contacts/batch/read", "PUT /crm/v3/lists/123/memberships/remove",
        ])
        #expect(requests.allSatisfy { $0.headers["authorization"] == "Bearer pat-na1-test" })
        let upsert = try MiniJSONSchema(named: "hubspot_contacts_batch_upsert")
        let read = try MiniJSONSchema(named: "hubspot_contacts_batch_read")
        let membership = try MiniJSONSchema(named: "hubspot_list_memberships")
        #expect(upsert.violations(body: requests[0].body) == [])
        #expect(membership.violations(body: requests[1].body) == [])
        #expect(read.violations(body: requests[2].body) == [])
        #expect(membership.violations(body: requests[3].body) == [])
        let inputs = requests[0].json?["inputs"]?.arrayValue ?? []
        #expect(inputs.compactMap { $0["objectWriteTraceId"]?.stringValue } == ["msg_ann", "msg_bob", "msg_cy"])
        #expect(inputs.first?["properties"] == ["email": "ann@example.com", "firstname": "Ann", "beacon_user_id": "u-1"])
        #expect(requests[1].json == ["51", "52"])
        #expect(requests[2].json?["inputs"] == [["id": "dora@example.com"], ["id": "eve@example.com"]])
        #expect(requests[3].json == ["77"])
    }

    @Test("HubSpot: a 429 with Retry-After holds the destination's later calls; a 5xx fails the whole batch")
    func hubspotThrottled() async throws {
        let server = try VendorReplayServer()
        let replies = try VendorReplayServer.replies("hubspot")
        try await server.script([
            ("POST", "/crm/v3/objects/contacts/batch/upsert", replies["rate_limited"]!),
            ("POST", "/crm/v3/objects/contacts/batch/upsert", replies["server_error"]!),
        ])
        let s = sender(HubSpotAudience(), key: "pat", list: "123", server)
        let first = [M.message("ann", "segment.entered", email: "ann@example.com")]
        let throttled = await s.send(first)
        #expect(throttled.map(\.status) == [429])
        #expect(throttled.first?.retryAfter == 7)
        // The next batch is not sent while the Retry-After runs: it is answered 429 at once.
        let held = await s.send([M.message("bob", "profile.updated", email: "bob@example.com")])
        #expect(held.first?.status == 429)
        #expect((held.first?.retryAfter ?? 0) > 5)
        #expect(try await server.requests().count == 1)

        let fresh = sender(HubSpotAudience(), key: "pat", list: "123", server)
        let batch = [
            M.message("cy", "segment.entered", email: "cy@example.com"),
            M.message("dan", "profile.updated", email: "dan@example.com"),
        ]
        #expect(await fresh.send(batch).map(\.status) == [502, 502])
    }

    @Test("Mailchimp: one batch subscribe with update_existing; errors inside the 200 fail only their members")
    func mailchimp() async throws {
        let server = try VendorReplayServer()
        let replies = try VendorReplayServer.replies("mailchimp")
        try await server.script([("POST", "/3.0/lists/abc123", replies["batch_partial"]!)])
        let messages = [
            M.message("ann", "segment.entered", email: "ann@example.com", traits: ["first_name": "Ann", "last_name": "Lee"]),
            M.message("dora", "segment.exited", email: "dora@example.com"),
            M.message("cy", "segment.entered", email: "cy@fake.example"),
        ]
        let s = sender(MailchimpAudience(), key: "0123456789abcdef-us6", list: "abc123", server)
        let out = outcomes(messages, await s.send(messages))
        #expect(out["msg_ann"]?.status == 200 && out["msg_dora"]?.status == 200)
        #expect(out["msg_cy"]?.status == 400)
        #expect(out["msg_cy"]?.detail.contains("looks fake or invalid") == true)

        let requests = try await server.requests()
        #expect(requests.count == 1)
        #expect(try MiniJSONSchema(named: "mailchimp_batch_list_members").violations(body: requests[0].body) == [])
        #expect(requests[0].json?["update_existing"] == .bool(true))
        let members = requests[0].json?["members"]?.arrayValue ?? []
        #expect(members.compactMap { $0["status"]?.stringValue } == ["subscribed", "unsubscribed", "subscribed"])
        #expect(members.first?["merge_fields"] == ["FNAME": "Ann", "LNAME": "Lee"])
        let basic = "Basic " + Data("beacon:0123456789abcdef-us6".utf8).base64EncodedString()
        #expect(requests[0].headers["authorization"] == basic)
        #expect(MailchimpAudience().defaultBaseURL(apiKey: "0123456789abcdef-us6") == "https://us6.api.mailchimp.com")
    }

    @Test("Mailchimp: 1,200 changes go as 500 + 500 + 200; a 503 and a 429 with Retry-After fail the batch for retry")
    func mailchimpBatchesAndFailures() async throws {
        let server = try VendorReplayServer()
        let replies = try VendorReplayServer.replies("mailchimp")
        try await server.script(Array(repeating: ("POST", "/3.0/lists/abc123", replies["batch_ok"]!), count: 3))
        let messages = (0..<1200).map { M.message("m\($0)", "segment.entered", email: "m\($0)@example.com") }
        let s = sender(MailchimpAudience(), key: "k-us1", list: "abc123", server)
        #expect(await s.send(messages).allSatisfy { $0.status == 200 })
        let requests = try await server.requests()
        #expect(requests.map { $0.json?["members"]?.arrayValue?.count ?? 0 } == [500, 500, 200])
        let schema = try MiniJSONSchema(named: "mailchimp_batch_list_members")
        #expect(requests.allSatisfy { schema.violations(body: $0.body).isEmpty })

        try await server.script([
            ("POST", "/3.0/lists/abc123", replies["unavailable"]!), ("POST", "/3.0/lists/abc123", replies["rate_limited"]!),
        ])
        let two = [M.message("a", "segment.entered", email: "a@example.com")]
        #expect(await s.send(two).map(\.status) == [503])
        let limited = await s.send(two)
        #expect(limited.map(\.status) == [429] && limited.first?.retryAfter == 4)
    }

    @Test("Klaviyo: import job with the list relationship, a 400 pointing at one profile resubmits the rest; removals by id")
    func klaviyo() async throws {
        let server = try VendorReplayServer()
        let replies = try VendorReplayServer.replies("klaviyo")
        try await server.script([
            ("POST", "/api/profile-bulk-import-jobs", replies["job_invalid_profile"]!),
            ("POST", "/api/profile-bulk-import-jobs", replies["job_queued"]!),
            ("POST", "/api/profile-bulk-import-jobs", replies["job_queued"]!),
            ("GET", "/api/profiles", replies["lookup_one_found"]!),
            ("DELETE", "/api/lists/Y6nRLr/relationships/profiles", replies["removed"]!),
        ])
        let messages = [
            M.message(
                "ann", "segment.entered", email: "ann@example.com", userId: "u-1",
                traits: ["first_name": "Ann", "phone": "+4915112345678"]),
            M.message("bob", "segment.entered", email: "bob@example.com"),
            M.message("gus", "profile.updated", email: "gus@example.com", traits: ["last_name": "Gray"]),
            M.message("dora", "segment.exited", email: "dora@example.com"),
            M.message("eve", "segment.exited", email: "eve@example.com"),
        ]
        let s = sender(KlaviyoAudience(), key: "pk_test", list: "Y6nRLr", server)
        let out = outcomes(messages, await s.send(messages))
        #expect(out["msg_ann"]?.status == 202 && out["msg_gus"]?.status == 202)
        #expect(out["msg_bob"]?.status == 400)
        #expect(out["msg_bob"]?.detail.contains("Invalid email address") == true)
        #expect(out["msg_dora"]?.status == 204)
        #expect(out["msg_eve"]?.isSuccess == true, "a profile Klaviyo does not know is on no list")

        let requests = try await server.requests()
        #expect(requests.map(\.method) == ["POST", "POST", "POST", "GET", "DELETE"])
        #expect(requests.allSatisfy { $0.headers["revision"] == KlaviyoAudience.revision })
        #expect(requests.allSatisfy { $0.headers["authorization"] == "Klaviyo-API-Key pk_test" })
        let job = try MiniJSONSchema(named: "klaviyo_profile_bulk_import_job")
        for r in requests[0..<3] { #expect(job.violations(body: r.body) == []) }
        func emails(_ r: VendorReplayServer.Recorded) -> [String] {
            (r.json?["data"]?["attributes"]?["profiles"]?["data"]?.arrayValue ?? []).compactMap {
                $0["attributes"]?["email"]?.stringValue
            }
        }
        #expect(emails(requests[0]) == ["ann@example.com", "bob@example.com"])
        #expect(emails(requests[1]) == ["ann@example.com"])
        #expect(emails(requests[2]) == ["gus@example.com"])
        let list: JSONValue = ["lists": ["data": [["type": "list", "id": "Y6nRLr"]]]]
        #expect(requests[0].json?["data"]?["relationships"] == list)
        #expect(requests[1].json?["data"]?["relationships"] == list)
        #expect(requests[2].json?["data"]?["relationships"] == nil, "an update adds nobody to the list")
        let ann = requests[1].json?["data"]?["attributes"]?["profiles"]?["data"]?.arrayValue?.first?["attributes"]
        #expect(ann?["external_id"] == "u-1" && ann?["phone_number"] == "+4915112345678")
        #expect(ann?["properties"]?["beacon_external_ids"] == ["stripe_customer_id:cus_ann"])
        let filter = requests[3].path.removingPercentEncoding ?? ""
        #expect(filter.contains(#"filter=any(email,["dora@example.com","eve@example.com"])"#), "\(filter)")
        #expect(
            try MiniJSONSchema(named: "klaviyo_list_relationships_profiles").violations(body: requests[4].body) == [])
        #expect(requests[4].json == ["data": [["type": "profile", "id": "01GDDKASAP8TKDDA2GRZDSVP4H"]]])
    }

    @Test("Klaviyo: 429 carries its Retry-After to the members; a 500 fails them for retry")
    func klaviyoFailures() async throws {
        let server = try VendorReplayServer()
        let replies = try VendorReplayServer.replies("klaviyo")
        try await server.script([
            ("POST", "/api/profile-bulk-import-jobs", replies["rate_limited"]!),
            ("POST", "/api/profile-bulk-import-jobs", replies["server_error"]!),
        ])
        let one = [M.message("ann", "segment.entered", email: "ann@example.com")]
        let limited = await sender(KlaviyoAudience(), key: "pk", list: "L", server).send(one)
        #expect(limited.map(\.status) == [429] && limited.first?.retryAfter == 3)
        #expect(await sender(KlaviyoAudience(), key: "pk", list: "L", server).send(one).map(\.status) == [500])
    }
}
