import BeaconEngine
import Foundation

/// Writes the bytes of a PDF file from numbered objects: the header, the body, the
/// cross-reference table and the trailer (ISO 32000-1 §7.5).
///
/// Objects are numbered from 1 in the order they are reserved; each is written as
/// `n 0 obj … endobj` (§7.3.10) and its byte offset recorded. The cross-reference table has one
/// 20-byte entry per object (§7.5.4: ten-digit offset, five-digit generation, `n`/`f`, and a
/// two-byte end of line), the free-list head `0000000000 65535 f` first. The trailer names the
/// catalog (`/Root`) and the information dictionary (§7.5.5) and `startxref` gives the table's
/// offset. Streams are Flate-compressed (§7.4.4) unless told otherwise, with their `/Length`.
public struct PDFFileWriter: Sendable {
    private var bodies: [[UInt8]?] = []

    public init() {}

    /// Reserves the next object number (so objects can refer to each other before they exist).
    public mutating func reserve() -> Int {
        bodies.append(nil)
        return bodies.count
    }

    /// Sets object `number` to `object`.
    public mutating func set(_ number: Int, _ object: PDFObject) {
        bodies[number - 1] = Array(object.serialized().utf8)
    }

    /// Sets object `number` to a stream (§7.3.8) with `dictionary` plus `/Length` (and
    /// `/Filter /FlateDecode` when `compress`).
    public mutating func setStream(
        _ number: Int, dictionary: [(String, PDFObject)] = [], data: [UInt8], compress: Bool = true
    ) {
        let payload = compress ? Zlib.compress(data) : data
        var entries = dictionary
        if compress { entries.append(("Filter", .name("FlateDecode"))) }
        entries.append(("Length", .int(payload.count)))
        var bytes = Array(PDFObject.dictionary(entries).serialized().utf8)
        bytes += Array("\nstream\n".utf8)
        bytes += payload
        bytes += Array("\nendstream".utf8)
        bodies[number - 1] = bytes
    }

    /// Adds `object` under a new number and returns it.
    public mutating func add(_ object: PDFObject) -> Int {
        let n = reserve()
        set(n, object)
        return n
    }

    /// Adds a stream under a new number and returns it.
    public mutating func addStream(dictionary: [(String, PDFObject)] = [], data: [UInt8], compress: Bool = true) -> Int {
        let n = reserve()
        setStream(n, dictionary: dictionary, data: data, compress: compress)
        return n
    }

    /// The whole file. Every reserved object must have been set.
    /// - Parameters:
    ///   - root: the document catalog's object number.
    ///   - info: the information dictionary's object number, if any.
    public func bytes(root: Int, info: Int?) -> [UInt8] {
        // The binary comment tells transfer tools the file is not text (§7.5.2).
        var out = Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        var offsets: [Int] = []
        for (i, body) in bodies.enumerated() {
            offsets.append(out.count)
            out += Array("\(i + 1) 0 obj\n".utf8)
            out += body ?? Array("null".utf8)
            out += Array("\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n0 \(bodies.count + 1)\n0000000000 65535 f\r\n"
        for offset in offsets { table += Self.pad(offset, 10) + " 00000 n\r\n" }
        out += Array(table.utf8)
        var trailer: [(String, PDFObject)] = [("Size", .int(bodies.count + 1)), ("Root", .reference(root))]
        if let info { trailer.append(("Info", .reference(info))) }
        out += Array("trailer\n\(PDFObject.dictionary(trailer).serialized())\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
