import BeaconCore

/// The Segment HTTP Tracking API endpoints Beacon serves under `/v1/`.
public enum IngestEndpoint: String, Sendable, CaseIterable {
    case identify, track, page, screen, group, alias, batch
    /// `/v1/import`: Segment's historical import endpoint, the same body as `batch`.
    case `import`

    /// The call type a single-event endpoint implies; nil for batch and import.
    public var eventType: EventType? { EventType(rawValue: rawValue) }

    /// The largest body accepted, before parsing.
    public var maxBodyBytes: Int {
        eventType == nil ? SegmentMessage.maxBatchBytes : SegmentMessage.maxEventBytes
    }
}
