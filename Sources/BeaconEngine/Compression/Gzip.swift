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

    /// Decompresses a whole gzip stream.
    /// - Parameter maxSize: the largest output accepted.
    /// - Throws: `GzipError.tooLarge` past `maxSize`, `GzipError.corrupt` for bad data.
    public static func decompress(_ bytes: [UInt8], maxSize: Int = .max) throws -> [UInt8] {
        var input = ByteBuffer(bytes: bytes)
        do {
            var output = try input.decompress(with: .gzip(), maxSize: maxSize)
            return output.readBytes(length: output.readableBytes) ?? []
        } catch let error as CompressNIOError where error == .bufferOverflow {
            throw GzipError.tooLarge(limit: maxSize)
        } catch {
            throw GzipError.corrupt
        }
    }
}

/// A gzip stream that could not be inflated.
public enum GzipError: Error, Equatable, CustomStringConvertible {
    case tooLarge(limit: Int)
    case corrupt

    public var description: String {
        switch self {
        case .tooLarge(let limit): return "decompressed data is larger than \(limit) bytes"
        case .corrupt: return "data is not a valid gzip stream"
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
