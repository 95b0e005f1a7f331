import BeaconCore
import BeaconStore
import Foundation
import Testing

@testable import BeaconEngine

/// The generic JSON webhook source: any sender's body mapped to one event by JSON pointers the
/// user writes, signed as `X-Beacon-Signature: sha256=<hex HMAC>`, every error naming the pointer.
@Suite("Webhook sources: mapped JSON")
struct JSONWebhookSourceTests {
    static let mappingDocument = #"""
        {"messageId": "/id", "event": "/type", "userId": "/customer/id", "timestamp": "/created_at",
         "properties": "/data"}
        """#
    /// A sender's body, as a ticketing or booking system might post it.
    static let body = #"""
        {"id": 90071992547, "type": "Ticket Opened", "created_at": "2024-03-01T10:00:00Z",
         "customer": {"id": "cus_42", "email": "ann@example.com"}, "data": {"priority": "high", "a/b": 1}}
        """#

    @Test("JSON pointers follow RFC 6901's examples")
    func pointers() throws {
        // RFC 6901 section 5's document and pointers.
        let doc = try JSONValue.parse(Data(#"{"foo":["bar","baz"],"":0,"a/b":1,"c%d":2,"e^f":3,"g|h":4,"i\\j":5,"k\"l":6," ":7,"m~n":8}"#.utf8))
        #expect(try JSONPointer("").resolve(in: doc) == doc)
        #expect(try JSONPointer("/foo").resolve(in: doc) == .array([.string("bar"), .string("baz")]))
        #expect(try JSONPointer("/foo/0").resolve(in: doc) == .string("bar"))
        #expect(try JSONPointer("/").resolve(in: doc) == .number(0))
        #expect(try JSONPointer("/a~1b").resolve(in: doc) == .number(1))
        #expect(try JSONPointer("/c%d").resolve(in: doc) == .number(2))
        #expect(try JSONPointer("/i\\j").resolve(in: doc) == .number(5))
        #expect(try JSONPointer("/ ").resolve(in: doc) == .number(7))
        #expect(try JSONPointer("/m~0n").resolve(in: doc) == .number(8))
        #expect(try JSONPointer("/foo/2").resolve(in: doc) == nil)
        #expect(try JSONPointer("/foo/01").resolve(in: doc) == nil)
        #expect(throws: JSONPointer.SyntaxError.self) { try JSONPointer("foo") }
        #expect(throws: JSONPointer.SyntaxError.self) { try JSONPointer("/a~2") }
    }

    @Test("A mapping is checked when made, naming the field and its pointer")
    func mappingErrors() throws {
        func failure(_ text: String) -> JSONEventMapping.Failure? {
            do {
                _ = try JSONEventMapping(json: try JSONValue.parse(Data(text.utf8)))
                return nil
            } catch let f as JSONEventMapping.Failure {
                return f
            } catch {
                return nil
            }
        }
        #expect(failure(#"{"event":"/type","userId":"/u"}"#)?.field == "messageId")
        #expect(failure(#"{"messageId":"/id","userId":"/u"}"#)?.field == "event")
        #expect(failure(#"{"messageId":"/id","event":"/type"}"#)?.field == "userId")
        #expect(failure(#"{"messageId":"id","event":"/type","userId":"/u"}"#)?.field == "messageId")
        #expect(failure(#"{"messageId":"/id","event":"/type","userId":"/u","colour":"/c"}"#)?.field == "colour")
        let fixed = try JSONEventMapping(json: try JSONValue.parse(Data(#"{"messageId":"/id","eventName":"Booked","anonymousId":"/v"}"#.utf8)))
        #expect(try JSONEventMapping(json: fixed.json) == fixed)
    }

    @Test("A signed body becomes one event, stored once however often it is sent; a bad signature or a missing pointer stores nothing",
          arguments: ProfileBackend.available)
    func receive(_ backend: ProfileBackend) async throws {
        let f = try await ProfileFixture.make(backend)
        let committer = GroupCommitter(store: f.store.events, onCommit: { _ in })
        let box = SecretBox.random()
        let service = WebhookSourceService(store: f.store.webhookSources, committer: committer, secrets: { box })
        let mapping = try JSONEventMapping(json: try JSONValue.parse(Data(Self.mappingDocument.utf8)))
        await #expect(throws: WebhookSourceError.invalid(field: "mapping", reason: "a json source needs a field mapping")) {
            try await service.create(workspace: f.workspace, kind: .json, name: "tickets", secret: "json-secret-1")
        }
        let source = try await service.create(
            workspace: f.workspace, kind: .json, name: "tickets", secret: "json-secret-1", mapping: mapping)
        #expect(try await f.store.webhookSources.source(id: source.id)?.mapping == mapping, "the mapping is stored")
        func signed(_ text: String, secret: String = "json-secret-1") -> (headers: [String: String], body: [UInt8]) {
            let body = Array(text.utf8)
            return (["x-beacon-signature": SourceSignature.jsonHeader(body: body, secret: secret)], body)
        }

        let forged = signed(Self.body, secret: "wrong")
        await #expect(throws: WebhookSourceError.self) {
            try await service.receive(sourceId: source.id, headers: forged.headers, body: forged.body)
        }
        let good = signed(Self.body)
        let first = try await service.receive(sourceId: source.id, headers: good.headers, body: good.body)
        #expect(first.eventsStored == 1 && first.topic == "Ticket Opened")
        let again = try await service.receive(sourceId: source.id, headers: good.headers, body: good.body)
        #expect(again.eventsStored == 0 && again.duplicates == 1)
        let stored = try await f.store.events.events(in: f.workspace.id, after: nil, limit: 10).map(\.event)
        #expect(stored.count == 1)
        #expect(stored.first?.messageId == "90071992547" && stored.first?.event == "Ticket Opened")
        #expect(stored.first?.userId == "cus_42" && stored.first?.timestamp == Timestamp.parse("2024-03-01T10:00:00Z"))
        #expect(stored.first?.properties?["priority"] == .string("high"))

        let noCustomer = signed(#"{"id": "t-2", "type": "Ticket Opened", "customer": {}}"#)
        await #expect(throws: WebhookSourceError.invalid(field: "/customer/id", reason: "userId is missing from the payload")) {
            try await service.receive(sourceId: source.id, headers: noCustomer.headers, body: noCustomer.body)
        }
        let badTime = signed(#"{"id": "t-3", "type": "Ticket Opened", "customer": {"id": "c"}, "created_at": "soon"}"#)
        await #expect(throws: WebhookSourceError.invalid(field: "/created_at", reason: "timestamp 'soon' is not an ISO-8601 time")) {
            try await service.receive(sourceId: source.id, headers: badTime.headers, body: badTime.body)
        }
        #expect(try await f.store.events.eventCount(in: f.workspace.id) == 1)
        let deliveries = try await service.deliveries(of: source)
        #expect(deliveries.filter { $0.outcome == .refused }.count == 3)
        #expect(deliveries.contains { $0.detail == "/customer/id: userId is missing from the payload" })
    }
}
