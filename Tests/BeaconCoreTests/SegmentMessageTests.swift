import BeaconCore
import Foundation
import Testing

@Suite("Segment message validation")
struct SegmentMessageTests {
    let now = Timestamp.parse("2024-05-01T12:00:00Z")!

    func parse(_ json: String, type: EventType? = nil) throws -> Event {
        try SegmentMessage.parse(JSONValue.parse(Data(json.utf8)), type: type, receivedAt: now)
    }

    func field(_ json: String, type: EventType? = nil) -> String? {
        do {
            _ = try parse(json, type: type)
            return nil
        } catch let error as EventValidationError {
            return error.field
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test("A valid track call keeps every field")
    func track() throws {
        let e = try parse(#"{"userId":"u1","event":"Order Completed","messageId":"m1","properties":{"revenue":12.5},"context":{"ip":"1.2.3.4"},"integrations":{"All":true}}"#, type: .track)
        #expect(e.type == .track && e.userId == "u1" && e.event == "Order Completed" && e.messageId == "m1")
        #expect(e.properties?["revenue"] == .number(12.5))
        #expect(e.context?["ip"] == .string("1.2.3.4"))
        #expect(e.integrations?["All"] == .bool(true))
        #expect(e.timestamp == now && e.receivedAt == now)
    }

    @Test("Required fields per call type")
    func required() {
        #expect(field(#"{"event":"x"}"#, type: .track) == "userId")
        #expect(field(#"{"userId":"u"}"#, type: .track) == "event")
        #expect(field(#"{"userId":"u","event":""}"#, type: .track) == "event")
        #expect(field(#"{"userId":"u"}"#, type: .alias) == "previousId")
        #expect(field(#"{"anonymousId":"a"}"#, type: .group) == "groupId")
        #expect(field(#"{"userId":"u"}"#) == "type")
        #expect(field(#"{"userId":"u","type":"purchase"}"#) == "type")
        #expect(field(#"{"anonymousId":"a"}"#, type: .identify) == nil)
        #expect(field(#"{"userId":"u","previousId":"p"}"#, type: .alias) == nil)
    }

    @Test("Wrong types name the field")
    func wrongTypes() {
        #expect(field(#"{"userId":true,"event":"e"}"#, type: .track) == "userId")
        #expect(field(#"{"userId":"u","event":"e","properties":[1]}"#, type: .track) == "properties")
        #expect(field(#"{"userId":"u","traits":"vip"}"#, type: .identify) == "traits")
        #expect(field(#"{"userId":"u","event":"e","timestamp":"last tuesday"}"#, type: .track) == "timestamp")
        #expect(field(#"{"userId":"u","event":"e","sentAt":12345}"#, type: .track) == "sentAt")
        #expect(field(#"{"userId":"u","event":7}"#, type: .track) == "event")
        #expect(field("[1,2]", type: .track) == "(event)")
    }

    @Test("Numeric user ids are kept as their decimal text")
    func numericIds() throws {
        #expect(try parse(#"{"userId":12345,"event":"e"}"#, type: .track).userId == "12345")
    }

    @Test("Clock skew: timestamp = receivedAt − (sentAt − timestamp)")
    func clockSkew() throws {
        // The device clock is 1 h fast: it says the event happened at 13:00:00 and was sent at
        // 13:00:10; Beacon received it at 12:00:00 true time, so the event happened at 11:59:50.
        let e = try parse(#"{"userId":"u","event":"e","timestamp":"2024-05-01T13:00:00Z","sentAt":"2024-05-01T13:00:10Z"}"#, type: .track)
        #expect(e.timestamp == Timestamp.parse("2024-05-01T11:59:50Z"))
        #expect(e.originalTimestamp == Timestamp.parse("2024-05-01T13:00:00Z"))
        // Without sentAt the client's timestamp is trusted as is.
        let f = try parse(#"{"userId":"u","event":"e","timestamp":"2024-04-01T10:00:00Z"}"#, type: .track)
        #expect(f.timestamp == Timestamp.parse("2024-04-01T10:00:00Z"))
    }

    @Test("Batch items inherit batch context and sentAt; their own values win")
    func batchDefaults() throws {
        let defaults: [String: JSONValue] = [
            "context": .object(["library": .string("py"), "ip": .string("9.9.9.9")]),
            "sentAt": .string("2024-05-01T12:00:05Z"),
        ]
        let e = try SegmentMessage.parse(
            JSONValue.parse(Data(#"{"type":"track","userId":"u","event":"e","timestamp":"2024-05-01T12:00:00Z","context":{"ip":"1.1.1.1"}}"#.utf8)),
            receivedAt: now, defaults: defaults)
        #expect(e.context?["ip"] == .string("1.1.1.1"))
        #expect(e.context?["library"] == .string("py"))
        #expect(e.timestamp == Timestamp.parse("2024-05-01T11:59:55Z"))
    }

    @Test("An event survives its stored JSON form unchanged")
    func roundTrip() throws {
        let e = try parse(#"{"userId":"u","anonymousId":"a","event":"e","messageId":"m","timestamp":"2024-05-01T13:00:00Z","sentAt":"2024-05-01T13:00:10Z","properties":{"x":[1,"y"]}}"#, type: .track)
        #expect(try Event(json: e.json) == e)
    }
}
