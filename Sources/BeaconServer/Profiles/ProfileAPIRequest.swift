import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird
import NIOCore

/// Shared parts of the profile and segment API: bearer-token authentication, paging
/// parameters, JSON bodies and responses.
struct ProfileAPIRequest {
    let runtime: BeaconRuntime

    /// The engine and the workspace of the request's `Authorization: Bearer bt_…` token.
    ///
    /// Write keys only write: they sit in public web pages and apps by design, so a read
    /// route refuses one however it is sent (HTTP Basic, as the SDKs send it, or `?writeKey=`).
    /// - Throws: 403 naming `writeKey` when a write key is offered; 401 naming `Authorization`
    ///   when the token is missing or unknown.
    func authenticate(_ request: Request) async throws -> (ProfileEngine, Workspace) {
        let engine = runtime.profiles
        try Self.refuseWriteKey(request)
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw ProblemDetails(.unauthorized, detail: "send a workspace API token as 'Authorization: Bearer bt_…' (create one with beacon token create)",
                                 field: "Authorization")
        }
        let token = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
        guard let workspace = try await engine.workspace(forAPIToken: token) else {
            throw ProblemDetails(.unauthorized, detail: "unknown API token (a write key is not an API token)", field: "Authorization")
        }
        return (engine, workspace)
    }

    /// Refuses a write key offered as HTTP Basic, as the tracking SDKs send it (`WriteKeyReadGuard`
    /// refuses `?writeKey=` on every read route).
    /// - Throws: 403 naming `writeKey`.
    static func refuseWriteKey(_ request: Request) throws {
        guard request.headers[.authorization].map({ $0.lowercased().hasPrefix("basic ") }) == true else { return }
        throw ProblemDetails.writeKeyCannotRead
    }

    /// `limit` from the query, 1…`max`.
    func limit(_ request: Request, default value: Int = 50, max: Int = 1_000) throws -> Int {
        try integer(request, "limit", default: value, range: 1...max)
    }

    /// An integer query parameter within `range`; `value` when absent.
    /// - Throws: 400 naming the parameter.
    func integer(_ request: Request, _ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = request.uri.queryParameters[Substring(name)] else { return value }
        guard let n = Int(text), range.contains(n) else {
            throw ProblemDetails(
                .badRequest, detail: "\(name) must be an integer from \(range.lowerBound) to \(range.upperBound)", field: name)
        }
        return n
    }

    /// The largest cursor a client can send and read back exactly: 2^53 − 1, the largest
    /// integer a JSON number carries without rounding (RFC 8259 §6).
    static let maxCursor: Int64 = 9_007_199_254_740_991

    /// A sequence-number cursor from the query (`after`, `before`): 0…`maxCursor`, nil when absent.
    /// - Throws: 400 naming the parameter.
    static func cursor(_ request: Request, _ name: String, of what: String = "an event sequence number") throws -> Int64? {
        guard let text = request.uri.queryParameters[Substring(name)] else { return nil }
        guard let n = Int64(text), (0...maxCursor).contains(n) else {
            throw ProblemDetails(.badRequest, detail: "\(name) must be \(what), from 0 to \(maxCursor)", field: name)
        }
        return n
    }

    /// The request body as a JSON object.
    func body(_ request: Request) async throws -> [String: JSONValue] {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: 1 << 20)
        } catch is NIOTooManyBytesError {
            throw ProblemDetails(.contentTooLarge, detail: "the body is larger than 1 MiB", field: "(body)")
        }
        let value: JSONValue
        do {
            value = try JSONValue.parse(Data(buffer: buffer))
        } catch {
            throw ProblemDetails(.badRequest, detail: "body is not valid JSON: \(error)", field: "(body)")
        }
        guard let object = value.objectValue else {
            throw ProblemDetails(.badRequest, detail: "body must be a JSON object, got \(value.typeDescription)", field: "(body)")
        }
        return object
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(string: value.serialized())))
    }
}

extension Profile {
    /// The API's view of a profile: identifiers, traits with sources, computed traits now.
    func apiJSON(asOf: Date) -> JSONValue {
        var traitsOut: [String: JSONValue] = [:]
        var sources: [String: JSONValue] = [:]
        for (k, t) in traits {
            traitsOut[k] = t.value
            sources[k] = .object(["at": .string(Timestamp.format(t.at)), "messageId": .string(t.source)])
        }
        var o: [String: JSONValue] = [
            "id": .string(id),
            "identifiers": .array(identifiers.map { .object(["kind": .string($0.kind), "value": .string($0.value)]) }),
            "traits": .object(traitsOut),
            "traitSources": .object(sources),
            "computed": .object(computedTraits(asOf: asOf)),
            "firstSeen": .string(Timestamp.format(firstSeen)),
            "lastSeen": .string(Timestamp.format(lastSeen)),
            "eventCount": .number(Double(eventCount)),
        ]
        o["email"] = email.map(JSONValue.string)
        o["name"] = name.map(JSONValue.string)
        return .object(o)
    }
}

extension IdentityMerge {
    var apiJSON: JSONValue {
        var o: [String: JSONValue] = [
            "sequence": .number(Double(seq)), "messageId": .string(messageId), "eventType": .string(eventType),
            "at": .string(Timestamp.format(at)), "into": .string(into), "from": .string(from),
            "identifier": .object(["kind": .string(identifier.kind), "value": .string(identifier.value)]),
            "merged": .bool(merged),
        ]
        o["refusal"] = refusal.map(JSONValue.string)
        o["rule"] = rule.map(JSONValue.string)
        return .object(o)
    }
}
