/// A PDF document of pages drawn with one embedded font: the page tree (ISO 32000-1 §7.7.3),
/// the catalog (§7.7.2), the information dictionary (§14.3.3), each page's content stream,
/// and the font written once with the glyphs every page used.
///
/// The output depends only on what was drawn and the metadata passed in (no clock, no random
/// file identifier), so the same report twice is the same bytes.
public struct PDFDocument: Sendable {
    /// The page size in points; A4 (210 × 297 mm) by default.
    public var pageWidth: Double
    public var pageHeight: Double
    public let font: TrueTypeFont
    public private(set) var pages: [PDFContentStream] = []

    public static let a4 = (width: 595.2756, height: 841.8898)

    public init(
        font: TrueTypeFont, pageWidth: Double = PDFDocument.a4.width, pageHeight: Double = PDFDocument.a4.height
    ) {
        self.font = font
        self.pageWidth = pageWidth
        self.pageHeight = pageHeight
    }

    /// Appends a page with `content`.
    public mutating func addPage(_ content: PDFContentStream) { pages.append(content) }

    /// The file's bytes.
    /// - Parameters:
    ///   - title: the document title (`/Title`, shown by viewers).
    ///   - creationDate: `/CreationDate` as a PDF date (`D:YYYYMMDDHHmmSSZ`, §7.9.4), if any.
    public func bytes(title: String, creationDate: String? = nil) -> [UInt8] {
        var file = PDFFileWriter()
        let catalog = file.reserve(), tree = file.reserve()
        var glyphText: [UInt16: String] = [:]
        for page in pages { glyphText.merge(page.glyphText) { a, _ in a } }
        let font = PDFEmbeddedFont.add(self.font, glyphText: glyphText, to: &file)
        let resources = PDFObject.dictionary([
            ("Font", .dictionary([(PDFContentStream.fontResource, .reference(font))])),
            ("ProcSet", .array([.name("PDF"), .name("Text")])),
        ])
        var kids: [PDFObject] = []
        for page in pages {
            let content = file.addStream(data: Array(page.operators.utf8))
            kids.append(
                .reference(
                    file.add(
                        .dictionary([
                            ("Type", .name("Page")), ("Parent", .reference(tree)),
                            ("MediaBox", .array([.int(0), .int(0), .real(pageWidth), .real(pageHeight)])),
                            ("Resources", resources), ("Contents", .reference(content)),
                        ]))))
        }
        file.set(tree, .dictionary([("Type", .name("Pages")), ("Kids", .array(kids)), ("Count", .int(pages.count))]))
        file.set(catalog, .dictionary([("Type", .name("Catalog")), ("Pages", .reference(tree))]))
        var info: [(String, PDFObject)] = [("Title", PDFObject.textString(title)), ("Producer", .string("Beacon"))]
        if let creationDate { info.append(("CreationDate", .string(creationDate))) }
        let infoNumber = file.add(.dictionary(info))
        return file.bytes(root: catalog, info: infoNumber)
    }
}
