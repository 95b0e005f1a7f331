import CompressNIO
import NIOCore

/// Gzip decompression for request bodies (`Content-Encoding: gzip`, which the Python SDKs
/// send) and for `.gz` import files, with a ceiling so a small "zip bomb" body cannot
/// exhaust memory.
public enum Gzip {
    /// True when `bytes` start with the gzip magic number (RFC 1952 §2.3.1).
    public static func isGzip(_ bytes: some Collection<UInt8>) -> Bool {
        var it = bytes.makeIterator()
        return it.next() == 0x1F && it.next() == 0x8B
    }

    /// Decompresses a whole gzip stream and checks it is whole.
    ///
    /// A truncated stream inflates to a plausible prefix without complaint, so the output is
    /// checked against the member's trailer (RFC 1952 §2.3.1: CRC-32, then ISIZE, the length
    /// modulo 2³²). A stream of several members (`cat a.gz b.gz`) fails the check too: it is
    /// refused rather than read in part.
    /// - Parameter maxSize: the largest output accepted.
    /// - Throws: `GzipError.tooLarge` past `maxSize`, `GzipError.corrupt` for bad data,
    ///   `GzipError.truncated` when the trailer does not match what was inflated.
    public static func decompress(_ bytes: [UInt8], maxSize: Int = .max) throws -> [UInt8] {
        var input = ByteBuffer(bytes: bytes)
        let inflated: [UInt8]
        do {
            var output = try input.decompress(with: .gzip(), maxSize: maxSize)
            inflated = output.readBytes(length: output.readableBytes) ?? []
        } catch let error as CompressNIOError where error == .bufferOverflow {
            throw GzipError.tooLarge(limit: maxSize)
        } catch {
            throw GzipError.corrupt
        }
        guard bytes.count >= 18 else { throw GzipError.truncated }
        let trailer = bytes.suffix(8).map(UInt32.init)
        let crc = trailer[0] | trailer[1] << 8 | trailer[2] << 16 | trailer[3] << 24
        let size = trailer[4] | trailer[5] << 8 | trailer[6] << 16 | trailer[7] << 24
        guard UInt32(truncatingIfNeeded: inflated.count) == size, CRC32.checksum(inflated) == crc else {
            throw GzipError.truncated
        }
        return inflated
    }
}

/// A gzip stream that could not be inflated.
public enum GzipError: Error, Equatable, CustomStringConvertible {
    case tooLarge(limit: Int)
    case corrupt
    /// The stream ends early or was damaged: its CRC-32 or length trailer does not match.
    case truncated

    public var description: String {
        switch self {
        case .tooLarge(let limit): return "decompressed data is larger than \(limit) bytes"
        case .corrupt: return "data is not a valid gzip stream"
        case .truncated: return "the gzip stream is truncated or damaged (its CRC-32 or length does not match)"
        }
    }
}

extension Gzip {
    /// Compresses `bytes` as one gzip stream (for exports and for tests of gzip ingest).
    public static func compress(_ bytes: [UInt8]) throws -> [UInt8] {
        var input = ByteBuffer(bytes: bytes)
        var output = try input.compress(with: .gzip())
        return output.readBytes(length: output.readableBytes) ?? []
    }
}
