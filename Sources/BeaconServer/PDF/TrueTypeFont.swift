import Foundation

/// A TrueType font file read for embedding in a PDF: the glyph for each character (`cmap`),
/// each glyph's advance width (`hmtx`, `hhea`), and the metrics a font descriptor needs
/// (`head`, `OS/2`, `post`).
///
/// The tables are those of the OpenType/TrueType specification (Microsoft OpenType 1.9,
/// "cmap", "head", "hhea", "hmtx", "maxp", "OS/2", "post"); only the parts listed are read.
/// A character the font has no glyph for maps to glyph 0 (`.notdef`), which every TrueType
/// font has. The font's bytes are kept whole: the PDF embeds the file as it is (ISO 32000-1
/// §9.9, `FontFile2`).
public struct TrueTypeFont: Sendable {
    /// The file's bytes, embedded unchanged.
    public let data: [UInt8]
    /// The PostScript name (name ID 6), e.g. `DejaVuSans`, used as the PDF `BaseFont`.
    public let postScriptName: String
    /// Font units per em (`head.unitsPerEm`).
    public let unitsPerEm: Int
    /// The bounding box of all glyphs in font units (`head.xMin…yMax`).
    public let boundingBox: (xMin: Int, yMin: Int, xMax: Int, yMax: Int)
    /// Typographic ascender and descender in font units (`hhea`).
    public let ascender: Int
    public let descender: Int
    /// Height of capital letters in font units (`OS/2.sCapHeight`, or the ascender without it).
    public let capHeight: Int
    /// Italic angle in degrees (`post.italicAngle`).
    public let italicAngle: Double
    /// Number of glyphs (`maxp.numGlyphs`).
    public let glyphCount: Int
    private let advances: [UInt16]
    private let characterToGlyph: [UInt32: UInt16]

    /// Reads the font at `path`.
    /// - Throws: `TrueTypeFontError.missing` naming the path when there is no file there,
    ///   `.malformed` when a required table is absent or cut short.
    public init(contentsOf path: String) throws {
        guard let bytes = FileManager.default.contents(atPath: path) else { throw TrueTypeFontError.missing(path: path) }
        try self.init(data: [UInt8](bytes))
    }

    /// Reads a font from its bytes.
    public init(data: [UInt8]) throws {
        self.data = data
        let reader = Reader(data)
        let tableCount = try reader.u16(4)
        var tables: [String: (offset: Int, length: Int)] = [:]
        for i in 0..<tableCount {
            let record = 12 + i * 16
            let tag = String(decoding: try reader.bytes(record, 4), as: UTF8.self)
            tables[tag] = try (reader.u32(record + 8), reader.u32(record + 12))
        }
        func table(_ tag: String) throws -> Int {
            guard let t = tables[tag], t.offset + t.length <= data.count else {
                throw TrueTypeFontError.malformed("the '\(tag)' table is missing or cut short")
            }
            return t.offset
        }
        let head = try table("head"), hhea = try table("hhea"), hmtx = try table("hmtx"), maxp = try table("maxp")
        unitsPerEm = try reader.u16(head + 18)
        boundingBox = (
            try reader.i16(head + 36), try reader.i16(head + 38), try reader.i16(head + 40), try reader.i16(head + 42)
        )
        ascender = try reader.i16(hhea + 4)
        descender = try reader.i16(hhea + 6)
        let metricCount = try reader.u16(hhea + 34)
        glyphCount = try reader.u16(maxp + 4)
        var advances = [UInt16](repeating: 0, count: glyphCount)
        for g in 0..<glyphCount {
            // Glyphs past the last long metric repeat its advance (hmtx: "leftSideBearings" only).
            advances[g] = try UInt16(reader.u16(hmtx + 4 * min(g, max(metricCount - 1, 0))))
        }
        self.advances = advances
        if let os2 = tables["OS/2"], try reader.u16(os2.offset) >= 2, os2.length >= 90 {
            capHeight = try reader.i16(os2.offset + 88)
        } else {
            capHeight = ascender
        }
        if let post = tables["post"] {
            italicAngle = try Double(reader.i32(post.offset + 4)) / 65536
        } else {
            italicAngle = 0
        }
        characterToGlyph = try Self.readCmap(reader, at: try table("cmap"))
        postScriptName = (try? Self.readPostScriptName(reader, at: tables["name"]?.offset)) ?? "EmbeddedFont"
    }

    /// The glyph drawing `scalar`, or 0 (`.notdef`) when the font has none.
    public func glyph(for scalar: Unicode.Scalar) -> UInt16 { characterToGlyph[scalar.value] ?? 0 }

    /// The advance width of `glyph` in thousandths of an em (PDF glyph space, ISO 32000-1 §9.2.4).
    public func advance(ofGlyph glyph: UInt16) -> Double {
        let g = Int(glyph) < advances.count ? advances[Int(glyph)] : 0
        return Double(g) * 1000 / Double(unitsPerEm)
    }

    /// The width of `text` set at `size` points.
    public func width(of text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + advance(ofGlyph: glyph(for: $1)) } * size / 1000
    }

    /// The Unicode (3,10) or (3,1) / (0,x) subtable of `cmap`, format 12 or 4.
    private static func readCmap(_ r: Reader, at cmap: Int) throws -> [UInt32: UInt16] {
        let count = try r.u16(cmap + 2)
        var best: (rank: Int, offset: Int)?
        for i in 0..<count {
            let platform = try r.u16(cmap + 4 + i * 8), encoding = try r.u16(cmap + 6 + i * 8)
            let offset = try cmap + r.u32(cmap + 8 + i * 8)
            let format = try r.u16(offset)
            let rank: Int
            switch (platform, encoding, format) {
            case (3, 10, 12), (0, _, 12): rank = 3
            case (3, 1, 4), (0, _, 4): rank = 2
            default: continue
            }
            if rank > (best?.rank ?? 0) { best = (rank, offset) }
        }
        guard let best else { throw TrueTypeFontError.malformed("'cmap' has no Unicode subtable of format 4 or 12") }
        var map: [UInt32: UInt16] = [:]
        if try r.u16(best.offset) == 12 {
            let groups = try r.u32(best.offset + 12)
            for g in 0..<groups {
                let base = best.offset + 16 + g * 12
                let start = try r.u32(base), end = try r.u32(base + 4), glyph = try r.u32(base + 8)
                guard end >= start, end - start < 0x11_0000 else { continue }
                for c in start...end { map[UInt32(c)] = UInt16(truncatingIfNeeded: glyph + (c - start)) }
            }
            return map
        }
        let segments = try r.u16(best.offset + 6) / 2
        let ends = best.offset + 14, starts = ends + 2 * segments + 2
        let deltas = starts + 2 * segments, rangeOffsets = deltas + 2 * segments
        for s in 0..<segments {
            let end = try r.u16(ends + 2 * s), start = try r.u16(starts + 2 * s)
            let delta = try r.u16(deltas + 2 * s), rangeOffset = try r.u16(rangeOffsets + 2 * s)
            guard start <= end, start != 0xFFFF else { continue }
            for c in start...end {
                var glyph: Int
                if rangeOffset == 0 {
                    glyph = (c + delta) & 0xFFFF
                } else {
                    // idRangeOffset counts bytes from its own position (cmap format 4).
                    let at = rangeOffsets + 2 * s + rangeOffset + 2 * (c - start)
                    glyph = try r.u16(at)
                    if glyph != 0 { glyph = (glyph + delta) & 0xFFFF }
                }
                if glyph != 0 { map[UInt32(c)] = UInt16(glyph) }
            }
        }
        return map
    }

    /// Name ID 6 from the `name` table (Macintosh Roman or Windows UTF-16BE records).
    private static func readPostScriptName(_ r: Reader, at name: Int?) throws -> String? {
        guard let name else { return nil }
        let count = try r.u16(name + 2), strings = try name + r.u16(name + 4)
        for i in 0..<count {
            let rec = name + 6 + i * 12
            guard try r.u16(rec + 6) == 6 else { continue }
            let platform = try r.u16(rec), length = try r.u16(rec + 8), offset = try r.u16(rec + 10)
            let bytes = try r.bytes(strings + offset, length)
            if platform == 3 || platform == 0 {
                let units = stride(from: 0, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
                return String(decoding: units, as: UTF16.self)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return nil
    }

    /// Big-endian reads with bounds checks (TrueType is big-endian throughout).
    private struct Reader {
        let data: [UInt8]
        init(_ data: [UInt8]) { self.data = data }

        func bytes(_ at: Int, _ n: Int) throws -> ArraySlice<UInt8> {
            guard at >= 0, n >= 0, at + n <= data.count else {
                throw TrueTypeFontError.malformed("a table points past the end of the file (offset \(at))")
            }
            return data[at..<(at + n)]
        }
        func u16(_ at: Int) throws -> Int {
            let b = try bytes(at, 2)
            return Int(b[b.startIndex]) << 8 | Int(b[b.startIndex + 1])
        }
        func i16(_ at: Int) throws -> Int { try Int(Int16(bitPattern: UInt16(u16(at)))) }
        func u32(_ at: Int) throws -> Int { try u16(at) << 16 | u16(at + 2) }
        func i32(_ at: Int) throws -> Int { try Int(Int32(bitPattern: UInt32(u32(at)))) }
    }
}

/// A font file that could not be used for a PDF.
public enum TrueTypeFontError: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    case malformed(String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "no font file at \(path): install Debian's fonts-dejavu-core or point --font/BEACON_REPORT_FONT at a TrueType file"
        case .malformed(let why): return "the font file is not a usable TrueType font: \(why)"
        }
    }
}
