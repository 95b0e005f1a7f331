import BeaconCore
import BeaconStore
import Foundation

/// The ingest pipeline: authenticate, parse, validate, deduplicate and durably append.
///
/// A request is all-or-nothing: if any event of a batch is invalid, none is stored and the
/// error names the event's index and field. `ingest` returns only after the events are
/// committed (through the `GroupCommitter`), which is what lets the HTTP layer answer 2xx
/// only for durable events. Duplicates by `(workspace, messageId)` are accepted and counted.
public final class IngestService: Sendable {
    public let workspaces: WorkspaceService
    public let committer: GroupCommitter

    public init(workspaces: WorkspaceService, committer: GroupCommitter) {
        self.workspaces = workspaces
        self.committer = committer
    }

    /// What a successful ingest did.
    public struct Outcome: Sendable, Equatable {
        public var workspace: Workspace
        public var accepted: Int
        public var duplicates: Int
    }

    /// Ingests one request body.
    /// - Parameters:
    ///   - body: the (already decompressed) JSON body.
    ///   - endpoint: the endpoint it was posted to.
    ///   - writeKey: the key from HTTP Basic auth, if any; otherwise `writeKey` in the body.
    ///   - receivedAt: when the request arrived.
    /// - Throws: `IngestError`.
    public func ingest(body: [UInt8], endpoint: IngestEndpoint, writeKey: String?, receivedAt: Date = Date()) async throws -> Outcome {
        guard body.count <= endpoint.maxBodyBytes else {
            throw IngestError.tooLarge(field: "body", limit: endpoint.maxBodyBytes)
        }
        let root: JSONValue
        do {
            root = try JSONValue.parse(Data(body))
        } catch let error as JSONParseError {
            throw IngestError.invalid(EventValidationError(field: "(body)", reason: error.message))
        }
        guard let object = root.objectValue else {
            throw IngestError.invalid(EventValidationError(field: "(body)", reason: "must be a JSON object, got \(root.typeDescription)"))
        }
        let key = writeKey ?? object["writeKey"]?.stringValue
        guard let key, !key.isEmpty else {
            throw IngestError.unauthorized("missing write key: send it as the HTTP Basic user or as 'writeKey' in the body")
        }
        guard let workspace = try await workspaces.workspace(forWriteKey: key) else {
            throw IngestError.unauthorized("unknown write key")
        }
        let events = try Self.events(in: object, endpoint: endpoint, receivedAt: receivedAt,
                                     checkItemSizes: body.count > SegmentMessage.maxEventBytes)
        let result = try await committer.append(EventBatch(workspaceId: workspace.id, events: events))
        return Outcome(workspace: workspace, accepted: result.inserted, duplicates: result.duplicates)
    }

    /// Validates a body into events without storing anything.
    /// - Parameter checkItemSizes: check each batch item against the 32 KB event limit; a
    ///   body no larger than the limit cannot hold a larger item, so the (re-serialising)
    ///   check is skipped for it.
    public static func events(in object: [String: JSONValue], endpoint: IngestEndpoint, receivedAt: Date,
                              checkItemSizes: Bool = true) throws -> [Event] {
        do {
            if let type = endpoint.eventType {
                var message = object
                message.removeValue(forKey: "writeKey")
                let event = try SegmentMessage.parse(.object(message), type: type, receivedAt: receivedAt)
                try FeedbackResponse.validate(event)
                return [event]
            }
            guard let raw = object["batch"] else {
                throw EventValidationError(field: "batch", reason: "is required")
            }
            guard let items = raw.arrayValue else {
                throw EventValidationError(field: "batch", reason: "must be an array, got \(raw.typeDescription)")
            }
            guard !items.isEmpty else {
                throw EventValidationError(field: "batch", reason: "must contain at least one event")
            }
            var defaults: [String: JSONValue] = [:]
            for key in ["context", "integrations", "sentAt"] { defaults[key] = object[key] }
            var events: [Event] = []
            events.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                if checkItemSizes, item.serialized().utf8.count > SegmentMessage.maxEventBytes {
                    throw IngestError.tooLarge(field: "batch[\(index)]", limit: SegmentMessage.maxEventBytes)
                }
                do {
                    let event = try SegmentMessage.parse(item, receivedAt: receivedAt, defaults: defaults,
                                                         correctSkew: endpoint != .import || object["sentAt"] != nil)
                    try FeedbackResponse.validate(event)
                    events.append(event)
                } catch let error as EventValidationError {
                    throw error.at(index: index)
                }
            }
            return events
        } catch let error as EventValidationError {
            throw IngestError.invalid(error)
        }
    }
}
