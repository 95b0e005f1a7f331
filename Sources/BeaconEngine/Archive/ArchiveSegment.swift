import BeaconCore
import Foundation

/// One archived object: a workspace's consecutive events of one UTC day, as gzipped NDJSON.
///
/// The name is `<prefix>/workspace=<id>/date=YYYY-MM-DD/<first>-<last>.ndjson.gz`, the
/// sequence numbers of its first and last event zero-padded to 16 digits so names sort in
/// log order. A name is a function of the events it holds, so writing a batch again after a
/// crash replaces the same objects instead of adding copies. Each line is the event as the
/// store keeps it (`Event.json`) with its log position under `"seq"`.
public struct ArchiveSegment: Sendable, Equatable {
    public var workspaceId: String
    /// The UTC day of the events' (corrected) timestamps, `YYYY-MM-DD`.
    public var day: String
    public var events: [StoredEvent]

    public var firstSequence: Int64 { events.first?.sequence ?? 0 }
    public var lastSequence: Int64 { events.last?.sequence ?? 0 }

    /// The object key under `prefix` (no leading or trailing slash needed).
    public func key(prefix: String) -> String {
        let trimmed = prefix.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        return (trimmed.isEmpty ? "" : trimmed + "/")
            + "workspace=\(workspaceId)/date=\(day)/\(Self.padded(firstSequence))-\(Self.padded(lastSequence)).ndjson.gz"
    }

    /// The NDJSON text of the events, one line each.
    public func ndjson() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(events.count * 600)
        for stored in events {
            guard case .object(var object) = stored.event.json else { continue }
            object["seq"] = .number(Double(stored.sequence))
            out += JSONValue.object(object).serialized().utf8
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// The gzip-compressed NDJSON: the object's bytes.
    public func encoded() throws -> [UInt8] {
        try Gzip.compress(ndjson())
    }

    /// Splits a batch (in log order) into one segment per UTC day, ordered by first sequence.
    public static func segments(of batch: [StoredEvent], workspaceId: String) -> [ArchiveSegment] {
        var byDay: [String: [StoredEvent]] = [:]
        var order: [String] = []
        for stored in batch {
            let day = utcDay(stored.event.timestamp)
            if byDay[day] == nil { order.append(day) }
            byDay[day, default: []].append(stored)
        }
        return order.map { ArchiveSegment(workspaceId: workspaceId, day: $0, events: byDay[$0]!) }
    }

    /// Reads an archived object back: the events and their log positions.
    /// - Throws: `GzipError` for a damaged object, `ArchiveFormatError` naming the line that is not an event.
    public static func decode(_ bytes: [UInt8]) throws -> [(sequence: Int64, event: Event)] {
        let text = try Gzip.decompress(bytes)
        var out: [(Int64, Event)] = []
        var lineNumber = 0
        for line in text.split(separator: UInt8(ascii: "\n")) {
            lineNumber += 1
            do {
                let json = try JSONValue.parse(Data(line))
                guard let seq = json["seq"]?.doubleValue else {
                    throw ArchiveFormatError(line: lineNumber, reason: "no \"seq\"")
                }
                out.append((Int64(seq), try Event(json: json)))
            } catch let error as ArchiveFormatError {
                throw error
            } catch {
                throw ArchiveFormatError(line: lineNumber, reason: "\(error)")
            }
        }
        return out
    }

    /// The UTC civil date of `date`, by Howard Hinnant's `civil_from_days` (no calendar object
    /// per event: archiving formats one per event).
    static func utcDay(_ date: Date) -> String {
        let days = Int64((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", Int(year), Int(month), Int(day))
    }

    static func padded(_ n: Int64) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }
}

/// A line of an archived object that is not an event.
public struct ArchiveFormatError: Error, CustomStringConvertible, Sendable {
    public var line: Int
    public var reason: String
    public var description: String { "line \(line): \(reason)" }
}
