import ArgumentParser
import BeaconEngine
import Foundation

/// The S3-compatible bucket the event log is archived to: `--archive-s3-endpoint` and friends,
/// each falling back to its `BEACON_ARCHIVE_S3_*` environment variable (keys also to
/// `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`), so secrets need not be on a command line.
struct ArchiveOptions: ParsableArguments {
    @Option(help: "S3-compatible endpoint (http://host:port or https://host); also BEACON_ARCHIVE_S3_ENDPOINT.")
    var archiveS3Endpoint: String?
    @Option(help: "Bucket the archive is written to; also BEACON_ARCHIVE_S3_BUCKET.")
    var archiveS3Bucket: String?
    @Option(help: "Region the requests are signed for (default us-east-1); also BEACON_ARCHIVE_S3_REGION.")
    var archiveS3Region: String?
    @Option(help: "Access key id; also BEACON_ARCHIVE_S3_ACCESS_KEY or AWS_ACCESS_KEY_ID.")
    var archiveS3AccessKey: String?
    @Option(help: "Secret access key; better BEACON_ARCHIVE_S3_SECRET_KEY or AWS_SECRET_ACCESS_KEY.")
    var archiveS3SecretKey: String?
    @Option(help: "Key prefix of the archive's objects.")
    var archivePrefix: String = "events"
    @Option(help: "Events per archive batch (1000–1000000).")
    var archiveBatchSize: Int = 10_000

    func validate() throws {
        guard (1_000...1_000_000).contains(archiveBatchSize) else {
            throw ValidationError("--archive-batch-size must be between 1000 and 1000000, got \(archiveBatchSize)")
        }
        guard !archivePrefix.contains("..") else { throw ValidationError("--archive-prefix must not contain '..'") }
        _ = try settings()
    }

    /// The archive settings, or nil when no endpoint is configured.
    /// - Throws: `ValidationError` naming the option that is missing or malformed.
    func settings() throws -> EventArchiveSettings? {
        do {
            return try S3Configuration.resolve(
                endpoint: archiveS3Endpoint, bucket: archiveS3Bucket, region: archiveS3Region,
                accessKey: archiveS3AccessKey, secretKey: archiveS3SecretKey
            ).map { EventArchiveSettings(s3: $0, prefix: archivePrefix, batchSize: archiveBatchSize) }
        } catch let error as S3ConfigurationError {
            throw ValidationError("--archive-s3-\(error.field): \(error.reason)")
        }
    }
}
