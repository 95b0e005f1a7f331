import BeaconCore
import BeaconStore
import Crypto
import Foundation

/// Imports a JSON-lines file of Segment-shaped messages (one message per line, `type`
/// required) into a workspace.
///
/// Historical data keeps its `timestamp` as written (no clock-skew correction). A line
/// without `messageId` gets one derived from the SHA-256 of the line, so running the same
/// import twice stores nothing twice.
///
/// All or nothing: every line is read and checked before any is stored. Invalid lines are
/// refused and reported with their line number; when there are more than `maxErrors` of
/// them (default 0) nothing is stored and `ImportRefused` is thrown, so a truncated or
/// corrupt file never leaves part of itself behind.
public struct EventFileImporter: Sendable {
    public var store: any EventStore
    public var chunkSize = 2_000
    /// Refused lines tolerated before the whole file is refused.
    public var maxErrors = 0

    public init(store: any EventStore) {
        self.store = store
    }

    public func importFile(
        _ path: String, workspaceId: String, receivedAt: Date = Date(),
        progress: @Sendable (ImportProgress) async -> Void = { _ in }
    ) async throws -> ImportReport {
        let bytes = try InputFile.read(path)
        var report = ImportReport()
        var events: [Event] = []
        var lineNumber = 0
        var start = 0
        let lineCount = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } + 1
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            let line = bytes[start..<end]
            start = end + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            report.rowsRead += 1
            do {
                var json = try JSONValue.parse(Data(line))
                if json["messageId"] == nil, case .object(var o) = json {
                    let digest = SHA256.hash(data: Data(line)).map { String(format: "%02x", $0) }.joined()
                    o["messageId"] = .string("import-" + digest.prefix(32))
                    json = .object(o)
                }
                let event = try SegmentMessage.parse(json, receivedAt: receivedAt, correctSkew: false)
                try FeedbackResponse.validate(event)
                events.append(event)
                report.rowsImported += 1
            } catch let error as EventValidationError {
                report.skip(line: lineNumber, reason: "invalid \(error.field)", detail: "line \(lineNumber): \(error)")
            } catch let error as JSONParseError {
                report.skip(line: lineNumber, reason: "not JSON", detail: "line \(lineNumber): \(error.message)")
            }
            if lineNumber % 5_000 == 0 {
                await progress(ImportProgress(phase: .parsing, done: lineNumber, total: lineCount, report: report))
            }
        }
        guard report.refused <= maxErrors else { throw ImportRefused(report: report, maxErrors: maxErrors) }
        try await ImportBatches.store(
            events, workspaceId: workspaceId, in: store, chunkSize: chunkSize, report: &report, progress: progress)
        return report
    }
}
