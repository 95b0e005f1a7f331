/// Where the archive writes its segments: an object store keyed by name.
///
/// `S3Client` is the real one; tests wrap it to fail or stop part-way through a batch.
public protocol ArchiveDestination: Sendable {
    /// Stores `body` under `key`, replacing any object already there (a segment written again
    /// after a restart has the same name and the same bytes).
    func putSegment(key: String, body: [UInt8]) async throws
}

extension S3Client: ArchiveDestination {
    public func putSegment(key: String, body: [UInt8]) async throws {
        try await putObject(key: key, body: body, contentType: "application/x-ndjson")
    }
}
