import BeaconCore
import Foundation
import Testing

@Suite("Audience sync changes")
struct AudienceSyncChangeTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    func message(_ payload: String) -> OutboxMessage {
        OutboxMessage(
            workspaceId: "w", id: "msg_1", destinationId: "d", orderKey: "p-9", cause: "c", payload: payload,
            nextAttemptAt: t0, createdAt: t0)
    }

    @Test("segment entered/exited and profile updates read as add/remove/update with ids, email and traits")
    func reads() throws {
        var p = Profile(id: "p-9", createdSeq: 9, at: t0)
        p.identifiers = [
            Identifier(kind: Identifier.userId, value: "u-9"), Identifier(kind: "stripe_customer_id", value: "cus_9"),
            Identifier(kind: Identifier.anonymousId, value: "anon"),
        ]
        p.traits["email"] = TraitValue(value: "Ann@Example.com", at: t0, source: "s", seq: 1)
        p.traits["first_name"] = TraitValue(value: "Ann", at: t0, source: "s", seq: 1)
        p.traits["plan"] = TraitValue(value: "pro", at: t0, source: "s", seq: 1)
        let entered = try #require(
            AudienceSyncChange(
                message: message(ActivationPayload.segmentChange(.entered, segmentId: "vip", profile: p, workspaceId: "w", at: t0))))
        #expect(entered.operation == .add && entered.messageId == "msg_1" && entered.profileId == "p-9")
        #expect(entered.email == "ann@example.com" && entered.userId == "u-9")
        #expect(entered.externalIds.contains(.init(type: "stripe_customer_id", id: "cus_9")))
        #expect(!entered.externalIds.contains { $0.type == Identifier.anonymousId })
        #expect(entered.firstName == nil, "webhook payloads carry no traits")

        let updated = try #require(
            AudienceSyncChange(
                message: message(ActivationPayload.audienceChange(.update, segmentId: "vip", profile: p, workspaceId: "w", at: t0))))
        #expect(updated.operation == .update && updated.firstName == "Ann" && updated.lastName == nil)
        let exited = AudienceSyncChange(
            message: message(ActivationPayload.audienceChange(.remove, segmentId: "vip", profile: p, workspaceId: "w", at: t0)))
        #expect(exited?.operation == .remove)
        #expect(updated.segmentId == "vip")
        let before = ActivationPayload.audiencePerson(p)
        p.traits["plan"] = TraitValue(value: "free", at: t0, source: "s", seq: 2)
        #expect(ActivationPayload.audiencePerson(p) == before, "a trait that is not synced changes nothing")
        p.traits["last_name"] = TraitValue(value: "Lee", at: t0, source: "s", seq: 3)
        #expect(ActivationPayload.audiencePerson(p) != before)

        #expect(AudienceSyncChange(message: message(#"{"type":"destination.test"}"#)) == nil)
        #expect(AudienceSyncChange(message: message("not json")) == nil)
    }
}
