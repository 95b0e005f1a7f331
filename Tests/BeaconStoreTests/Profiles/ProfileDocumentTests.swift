import BeaconCore
import Foundation
import Testing

@testable import BeaconStore

@Suite("Profile document")
struct ProfileDocumentTests {
    /// A profile with every field set, traits of every JSON type, fractional amounts and
    /// sub-second times (at the millisecond precision Beacon keeps).
    static func fullProfile() -> Profile {
        let t0 = Timestamp.parse("2025-03-04T05:06:07.891Z")!
        func at(_ offset: Double) -> Date { Timestamp.truncated(t0.addingTimeInterval(offset)) }
        var p = Profile(id: "p-17", createdSeq: 17, at: t0)
        p.identifiers = [Identifier(kind: "anonymous_id", value: "a-\u{e9}\"x"), Identifier(kind: "email", value: "ada@example.com"),
                         Identifier(kind: "user_id", value: "U1")]
        let values: [String: JSONValue] = [
            "name": "Ada \"Countess\" Lovelace", "age": 36.5, "vip": true, "nothing": .null,
            "tags": ["a", 1, false], "address": ["city": "London", "zip": .null, "floor": -2],
        ]
        for (i, (k, v)) in values.sorted(by: { $0.key < $1.key }).enumerated() {
            p.traits[k] = TraitValue(value: v, at: at(Double(i) * 3.007), source: "m-\(i)", seq: Int64(20 + i))
        }
        p.lastSeen = at(86_400.123)
        p.eventCount = 42
        p.orders.addOrder(revenue: 19.99, at: at(60))
        p.orders.addOrder(revenue: 0.1 + 0.2, at: at(7_200.5))
        p.orders.refunded = 3.3
        p.emailOpens = [at(1.001), at(2)]
        p.emailClicks = [at(3.5)]
        p.supportTickets = 2
        p.predictions = ProfilePredictions(pAlive: 0.8125, predictedCLV: 123.456, churnRisk: 1 - 0.8125, rfmSegment: "Champions", asOf: at(98),
                                           refreshedAt: at(99))
        p.predictions?.cluster = 3
        p.predictions?.clusterPersona = "loyal high spenders"
        return p
    }

    static func sparseProfile() -> Profile {
        var p = Profile(id: "p-1", createdSeq: 1, at: Timestamp.parse("2025-01-01T00:00:00Z")!)
        p.predictions = ProfilePredictions(refreshedAt: p.firstSeen) // every model output nil
        return p
    }

    /// Labels of optional members left nil, recursively: the full profile must set them all,
    /// so a field added to `Profile` (or its parts) shows up here until the document has it.
    static func nilMembers(_ value: Any, path: String = "") -> [String] {
        Mirror(reflecting: value).children.flatMap { child -> [String] in
            let label = path + (child.label ?? "?")
            let inner = Mirror(reflecting: child.value)
            if inner.displayStyle == .optional {
                guard let some = inner.children.first?.value else { return [label] }
                return nilMembers(some, path: label + ".")
            }
            return inner.displayStyle == .struct && !(child.value is Date) ? nilMembers(child.value, path: label + ".") : []
        }
    }

    @Test("the full test profile leaves no optional member nil")
    func fullProfileIsFull() {
        #expect(Self.nilMembers(Self.fullProfile()) == [])
    }

    @Test("round trip: the written document reads back as the same profile")
    func roundTrip() throws {
        for p in [Self.fullProfile(), Self.sparseProfile(), Profile(id: "p-2", createdSeq: 2, at: Date(timeIntervalSince1970: 0))] {
            #expect(try ProfileDocument.profile(from: ProfileDocument.text(of: p)) == p)
        }
    }

    @Test("the same JSON as Foundation's encoder writes, and documents it wrote read back (a new Profile field fails here)")
    func matchesFoundationCoding() throws {
        for p in [Self.fullProfile(), Self.sparseProfile()] {
            let ours = try JSONValue.parse(Data(ProfileDocument.text(of: p).utf8))
            let foundation = try ProfileCoding.encode(p)
            #expect(ours == (try JSONValue.parse(Data(foundation.utf8))))
            #expect(try ProfileDocument.profile(from: foundation) == p)
            #expect(try ProfileDocument.profile(from: foundation) == (try ProfileCoding.decode(Profile.self, foundation)))
        }
    }

    @Test("a damaged document is a corrupt-store error naming the member")
    func damaged() throws {
        var doc = try JSONValue.parse(Data(ProfileDocument.text(of: Self.fullProfile()).utf8))
        if case .object(var o) = doc { o["eventCount"] = "many"; doc = .object(o) }
        #expect {
            try ProfileDocument.profile(from: doc.serialized())
        } throws: { error in
            guard let e = error as? StoreError else { return false }
            return e.code == .corrupt && e.message.contains("eventCount")
        }
        #expect(throws: StoreError.self) { try ProfileDocument.profile(from: "{\"id\": ") }
    }
}
