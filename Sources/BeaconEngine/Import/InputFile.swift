import BeaconCore
import Foundation

/// Reads an input file whole for every command and importer: `-` is standard input, and
/// gzip is recognised by its magic bytes (not by the name) and inflated, checked whole by its
/// CRC-32 and length, so no reader stores or analyses part of a truncated file.
public enum InputFile {
    /// The largest decompressed file accepted (4 GiB), a guard against gzip bombs.
    public static let maxBytes = 4 << 30

    /// What to call `path` in messages.
    public static func name(_ path: String) -> String { path == "-" ? "standard input" : path }

    /// The bytes of `path` (or standard input for `-`), inflated when gzip.
    /// - Throws: `ImportError` naming the file when it cannot be read or its gzip is damaged.
    public static func read(_ path: String) throws -> [UInt8] {
        let bytes: [UInt8]
        if path == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ImportError("cannot read file '\(path)'")
            }
            bytes = [UInt8](data)
        }
        guard Gzip.isGzip(bytes) else { return bytes }
        do {
            return try Gzip.decompress(bytes, maxSize: maxBytes)
        } catch {
            throw ImportError("'\(name(path))': \(error)")
        }
    }

    /// The CSV table in `path` (or standard input), gzip or not.
    public static func csv(_ path: String, delimiter: Character = ",") throws -> CSVTable {
        CSVTable(bytes: try read(path), delimiter: delimiter)
    }
}
