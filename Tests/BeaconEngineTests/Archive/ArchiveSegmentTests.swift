import BeaconCore
@testable import BeaconEngine
import Foundation
import Testing

/// Segment naming, day partitions and the NDJSON round trip, against hand-computed values
/// (the UTC dates were checked with Python's `datetime.fromtimestamp(t, timezone.utc)`).
@Suite("Archive segments")
struct ArchiveSegmentTests {
    static func stored(_ seq: Int64, at seconds: TimeInterval, _ id: String = UUID().uuidString) -> StoredEvent {
        let t = Date(timeIntervalSince1970: seconds)
        return StoredEvent(
            workspaceId: "w1", sequence: seq,
            event: Event(
                messageId: id, type: .track, userId: "u\(seq)", event: "Order Completed", timestamp: t, receivedAt: t,
                properties: .object(["revenue": .number(12.5), "note": .string("ünïcode \"quoted\"\n")])))
    }

    @Test("UTC days across the epoch, leap days and a century", arguments: [
        (0.0, "1970-01-01"), (-1.0, "1969-12-31"), (951_782_400.0, "2000-02-29"), (1_709_251_199.0, "2024-02-29"),
        (1_369_353_600.0, "2013-05-24"), (4_102_444_800.0, "2100-01-01"),
    ])
    func days(seconds: Double, day: String) {
        #expect(ArchiveSegment.utcDay(Date(timeIntervalSince1970: seconds)) == day)
    }

    @Test("a batch spanning two days makes one segment per day, named by first and last sequence")
    func partition() {
        let batch = [
            Self.stored(7, at: 1_709_251_199), Self.stored(8, at: 1_709_251_200), Self.stored(9, at: 1_709_251_100),
            Self.stored(12, at: 1_709_300_000),
        ]
        let segments = ArchiveSegment.segments(of: batch, workspaceId: "w1")
        #expect(segments.map(\.day) == ["2024-02-29", "2024-03-01"])
        #expect(segments.map { $0.events.map(\.sequence) } == [[7, 9], [8, 12]])
        #expect(
            segments[0].key(prefix: "/events/")
                == "events/workspace=w1/date=2024-02-29/0000000000000007-0000000000000009.ndjson.gz")
        #expect(segments[1].key(prefix: "") == "workspace=w1/date=2024-03-01/0000000000000008-0000000000000012.ndjson.gz")
    }

    @Test("an encoded segment decodes to the same events and sequences, one JSON line each")
    func roundTrip() throws {
        let batch = (1...50).map { Self.stored(Int64($0), at: 1_700_000_000 + Double($0)) }
        let segment = try #require(ArchiveSegment.segments(of: batch, workspaceId: "w1").first)
        let lines = String(decoding: segment.ndjson(), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 50)
        let bytes = try segment.encoded()
        #expect(Gzip.isGzip(bytes))
        let decoded = try ArchiveSegment.decode(bytes)
        #expect(decoded.map(\.sequence) == batch.map(\.sequence))
        #expect(decoded.map { $0.event.json.serialized() } == batch.map { $0.event.json.serialized() })
    }

    @Test("a damaged line is reported with its number")
    func damaged() throws {
        let good = ArchiveSegment.segments(of: [Self.stored(1, at: 0)], workspaceId: "w1")[0].ndjson()
        let bytes = try Gzip.compress(good + Array("{\"seq\": 2, \"type\": \n".utf8))
        do {
            _ = try ArchiveSegment.decode(bytes)
            Issue.record("a damaged segment was read")
        } catch let e as ArchiveFormatError {
            #expect(e.line == 2)
        }
    }
}
