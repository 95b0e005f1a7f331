/// Writes a TrueType font into a PDF as a composite font (ISO 32000-1 §9.7): a `Type0` font
/// with the `Identity-H` encoding (§9.7.5.2) over one `CIDFontType2` descendant (§9.7.4) whose
/// CIDs are glyph ids (`/CIDToGIDMap /Identity`), with its font descriptor (§9.8), the font
/// file embedded whole as `FontFile2` (§9.9), the widths of the glyphs used (`/W`, §9.7.4.3,
/// from the font's `hmtx`) and a ToUnicode CMap (§9.10.3).
enum PDFEmbeddedFont {
    /// Adds the font's objects to `file` and returns the `Type0` font's object number.
    static func add(_ font: TrueTypeFont, glyphText: [UInt16: String], to file: inout PDFFileWriter) -> Int {
        let name = PDFObject.name(font.postScriptName)
        let scale = 1000 / Double(font.unitsPerEm)
        let program = file.addStream(dictionary: [("Length1", .int(font.data.count))], data: font.data)
        let descriptor = file.add(
            .dictionary([
                ("Type", .name("FontDescriptor")), ("FontName", name),
                // Nonsymbolic (bit 6): the glyphs are the standard Latin set and more (§9.8.2).
                ("Flags", .int(32)),
                (
                    "FontBBox",
                    .array(
                        [font.boundingBox.xMin, font.boundingBox.yMin, font.boundingBox.xMax, font.boundingBox.yMax]
                            .map { PDFObject.real(Double($0) * scale) })
                ),
                ("ItalicAngle", .real(font.italicAngle)), ("Ascent", .real(Double(font.ascender) * scale)),
                ("Descent", .real(Double(font.descender) * scale)), ("CapHeight", .real(Double(font.capHeight) * scale)),
                // TrueType has no stem width; 80 is the usual value for a regular weight.
                ("StemV", .int(80)), ("FontFile2", .reference(program)),
            ]))
        let descendant = file.add(
            .dictionary([
                ("Type", .name("Font")), ("Subtype", .name("CIDFontType2")), ("BaseFont", name),
                (
                    "CIDSystemInfo",
                    .dictionary([("Registry", .string("Adobe")), ("Ordering", .string("Identity")), ("Supplement", .int(0))])
                ),
                ("FontDescriptor", .reference(descriptor)), ("DW", .int(1000)),
                ("W", .array(widths(font, glyphs: glyphText.keys.sorted()))), ("CIDToGIDMap", .name("Identity")),
            ]))
        let toUnicode = file.addStream(data: Array(PDFToUnicodeCMap.program(glyphText).utf8))
        return file.add(
            .dictionary([
                ("Type", .name("Font")), ("Subtype", .name("Type0")), ("BaseFont", name),
                ("Encoding", .name("Identity-H")), ("DescendantFonts", .array([.reference(descendant)])),
                ("ToUnicode", .reference(toUnicode)),
            ]))
    }

    /// The `/W` array: runs of consecutive glyph ids as `first [w1 w2 …]` (§9.7.4.3).
    static func widths(_ font: TrueTypeFont, glyphs: [UInt16]) -> [PDFObject] {
        var out: [PDFObject] = []
        var i = 0
        while i < glyphs.count {
            var j = i
            while j + 1 < glyphs.count, glyphs[j + 1] == glyphs[j] + 1 { j += 1 }
            out.append(.int(Int(glyphs[i])))
            out.append(.array(glyphs[i...j].map { PDFObject.real(font.advance(ofGlyph: $0)) }))
            i = j + 1
        }
        return out
    }
}
