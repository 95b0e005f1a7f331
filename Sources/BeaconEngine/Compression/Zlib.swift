import CompressNIO
import NIOCore

/// Zlib compression (RFC 1950: a deflate stream with a two-byte header and an Adler-32
/// trailer), the format of PDF's `FlateDecode` filter (ISO 32000-1 §7.4.4).
public enum Zlib {
    /// `bytes` deflated with a zlib header and trailer; deterministic for the same input.
    public static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var input = ByteBuffer(bytes: bytes)
        // Compressing into a growable buffer cannot fail for well-formed input; an empty
        // result would make the caller's stream unreadable, so fall back loudly.
        guard var output = try? input.compress(with: .zlib()) else {
            preconditionFailure("zlib compression of \(bytes.count) bytes failed")
        }
        return output.readBytes(length: output.readableBytes) ?? []
    }

    /// The inflated bytes of a zlib stream.
    /// - Throws: `GzipError.corrupt` for data that is not a zlib stream.
    public static func decompress(_ bytes: [UInt8], maxSize: Int = .max) throws -> [UInt8] {
        var input = ByteBuffer(bytes: bytes)
        do {
            var output = try input.decompress(with: .zlib(), maxSize: maxSize)
            return output.readBytes(length: output.readableBytes) ?? []
        } catch let error as CompressNIOError where error == .bufferOverflow {
            throw GzipError.tooLarge(limit: maxSize)
        } catch {
            throw GzipError.corrupt
        }
    }
}
