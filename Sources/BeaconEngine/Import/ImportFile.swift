import Foundation

/// Reads an import file whole, inflating it when it is gzip (by content, not by name).
enum ImportFile {
    /// The largest decompressed file accepted (4 GiB), a guard against gzip bombs.
    static let maxBytes = 4 << 30

    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError("cannot read file '\(path)'")
        }
        let bytes = [UInt8](data)
        guard Gzip.isGzip(bytes) else { return bytes }
        do {
            return try Gzip.decompress(bytes, maxSize: maxBytes)
        } catch {
            throw ImportError("'\(path)': \(error)")
        }
    }
}
