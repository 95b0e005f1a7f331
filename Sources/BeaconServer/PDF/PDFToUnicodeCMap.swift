/// The ToUnicode CMap of an embedded font (ISO 32000-1 §9.10.3): maps each 2-byte glyph code
/// shown on the pages back to the Unicode text it stands for, so a reader can search and copy
/// the text (`pdftotext` reads it).
///
/// Written as the spec's example in §9.10.3 (Example 2): one code space `<0000> <FFFF>` and
/// `bfchar` blocks of at most 100 entries (the CMap syntax limit, Adobe Technical Note #5014),
/// the destination in UTF-16BE.
enum PDFToUnicodeCMap {
    /// The CMap program for `glyphText` (glyph id → its text), entries sorted by glyph id.
    static func program(_ glyphText: [UInt16: String]) -> String {
        var out = """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """
        let entries = glyphText.sorted { $0.key < $1.key }
        for start in stride(from: 0, to: entries.count, by: 100) {
            let block = entries[start..<min(start + 100, entries.count)]
            out += "\(block.count) beginbfchar\n"
            for (glyph, text) in block {
                let code = PDFObject.hex(UInt8(glyph >> 8)) + PDFObject.hex(UInt8(glyph & 0xFF))
                let unicode = text.utf16.map { PDFObject.hex(UInt8($0 >> 8)) + PDFObject.hex(UInt8($0 & 0xFF)) }.joined()
                out += "<\(code)> <\(unicode)>\n"
            }
            out += "endbfchar\n"
        }
        out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        return out
    }
}
