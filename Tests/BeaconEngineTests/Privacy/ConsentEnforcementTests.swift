import BeaconCore
@testable import BeaconEngine
import BeaconStore
import Foundation
import Testing

/// A sender that records what it was asked to deliver and accepts it.
final class RecordingSender: DestinationSender, @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [OutboxMessage] = []
    var delivered: [OutboxMessage] { lock.withLock { sent } }
    var batchLimit: Int { 100 }

    func deliver(_ batch: [OutboxMessage]) async -> [DeliveryOutcome] {
        lock.withLock { sent += batch }
        return batch.map { _ in DeliveryOutcome(response: WebhookResponse(status: 200), seconds: 0) }
    }
}

@Suite("Consent enforcement on delivery")
struct ConsentEnforcementTests {
    /// A deterministic generator (SplitMix64), so a failing seed can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("Property: no event reaches a destination whose category was false at event time", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func property(seed: UInt64) async throws {
        var rng = SplitMix(state: seed)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("beacon-consent-\(UUID().uuidString)")
        let runtime = try await PrivacyBackend.sqlite.runtime(dataDirectory: dir)
        let (ws, key) = try await runtime.workspaces.create(name: "consent")
        try await runtime.stores.activations.createDestination(Destination(
            workspaceId: ws.id, id: "dst_m", name: "marketing tool", kind: .webhook, url: "http://127.0.0.1:9/",
            sealedSecrets: [], requiredConsent: ["marketing"], createdAt: Date()))
        try await runtime.stores.activations.createActivation(Activation(
            workspaceId: ws.id, id: "act_m", destinationId: "dst_m", trigger: .event(name: "Bought", properties: [:]),
            createdAt: Date()))
        try await runtime.profiles.reloadActivations(workspaceId: ws.id)
        let base = Date(timeIntervalSince1970: 1_700_000_000)
        func send(_ endpoint: IngestEndpoint, _ body: [String: JSONValue]) async throws {
            _ = try await runtime.ingest.ingest(body: Array(JSONValue.object(body).serialized().utf8), endpoint: endpoint, writeKey: key)
        }
        // One person with two identities, merged at once.
        try await send(.identify, ["userId": "u1", "anonymousId": "a1", "timestamp": .string(Timestamp.format(base))])
        // The oracle: per identity, consent changes as (time, marketing value); an empty object is false.
        var changes: [String: [(Double, Bool)]] = ["u1": [], "a1": []]
        var tracked: [(id: String, t: Double)] = []
        var used: Set<Double> = []
        for i in 0..<60 {
            // Consent changes at odd seconds, each at its own time; purchases at even seconds.
            let kind = Int.random(in: 0..<4, using: &rng)
            var t = Double(2 * Int.random(in: 1...5_000, using: &rng) + (kind < 2 ? 1 : 0))
            while kind < 2 && used.contains(t) { t += 2 }
            used.insert(t)
            let who = Bool.random(using: &rng) ? "u1" : "a1"
            let idKey = who == "u1" ? "userId" : "anonymousId"
            var body: [String: JSONValue] = [idKey: .string(who), "timestamp": .string(Timestamp.format(base.addingTimeInterval(t)))]
            switch kind {
            case 0:
                let v = Bool.random(using: &rng)
                body["event"] = .string(ConsentPreferences.updatedEventName)
                body["context"] = ["consent": ["categoryPreferences": ["marketing": .bool(v), "analytics": true]]]
                changes[who]!.append((t, v))
                try await send(.track, body)
            case 1:
                body["event"] = "Visited"
                body["context"] = ["consent": ["categoryPreferences": [:]]]
                changes[who]!.append((t, false))
                try await send(.track, body)
            default:
                body["event"] = "Bought"
                body["messageId"] = .string("buy-\(i)")
                body["context"] = ["consent": ["other": true]] // not a consent object: changes nothing
                tracked.append(("buy-\(i)", t))
                try await send(.track, body)
            }
        }
        _ = try await runtime.profiles.catchUp(workspaceId: ws.id)
        func deniedAt(_ t: Double) -> Bool {
            for who in ["u1", "a1"] {
                // The newest change at or before t; on equal times the one sent last wins.
                if let last = changes[who]!.enumerated().filter({ $0.element.0 <= t })
                    .max(by: { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }), !last.element.1 {
                    return true
                }
            }
            return false
        }
        let messages = try await runtime.stores.outbox.messages(workspaceId: ws.id, destinationId: "dst_m", state: nil, limit: 1_000)
        #expect(messages.count == tracked.count)
        let recorder = RecordingSender()
        let guarded = ConsentGuardSender(
            base: recorder, required: ["marketing"],
            consent: MessageConsent(profiles: runtime.stores.profiles, privacy: runtime.stores.privacy))
        let outcomes = await guarded.deliver(messages)
        let sentIds = Set(recorder.delivered.compactMap { m in
            (try? JSONValue.parse(Data(m.payload.utf8)))?["event"]?["messageId"]?.stringValue
        })
        var withheld = 0
        for (m, outcome) in zip(messages, outcomes) {
            let id = (try? JSONValue.parse(Data(m.payload.utf8)))?["event"]?["messageId"]?.stringValue ?? ""
            let t = tracked.first { $0.id == id }!.t
            if deniedAt(t) {
                #expect(!sentIds.contains(id), "\(id) at \(t) reached the destination with marketing false")
                #expect(outcome.response.status == 451 && outcome.response.permanent)
                #expect(outcome.response.detail.contains("'marketing'"))
                withheld += 1
            } else {
                #expect(sentIds.contains(id), "\(id) at \(t) was withheld though marketing was not false")
            }
        }
        #expect(withheld + sentIds.count == tracked.count)
        try await runtime.close()
    }
}
