import Foundation
import Testing

@testable import BeaconServer

/// The PDF writer, checked by hand and by peers: a one-page document whose text, fonts and
/// structure `pdftotext`, `pdffonts` and `qpdf --check` read back.
@Suite("PDF writer")
struct PDFWriterTests {
    static let text = "Revenue $12,345 ▲ +4.2% — Zürich café"

    static func onePage() throws -> [UInt8] {
        var page = PDFContentStream(font: try ReportFont.load())
        page.text(text, x: 72, y: 700, size: 14)
        page.fillRect(72, 600, 100, 40, color: PDFColor(hex: "#0072B2"))
        page.strokeLine(72, 590, 300, 590, color: .black, width: 1)
        var doc = PDFDocument(font: page.font)
        doc.addPage(page)
        return doc.bytes(title: "Test")
    }

    @Test("Objects are serialised in PDF syntax")
    func objects() {
        // ISO 32000-1 §7.3.4.2 (escapes in literal strings), §7.3.5 (name escapes), §7.3.3 (no exponents).
        #expect(PDFObject.string("a(b)\\c").serialized() == "(a\\(b\\)\\\\c)")
        #expect(PDFObject.name("A B#").serialized() == "/A#20B#23")
        #expect(PDFObject.real(0.000012).serialized() == "0")
        #expect(PDFObject.real(1e20).serialized() == "100000000000000000000")
        #expect(PDFObject.real(.nan).serialized() == "0")
        #expect(PDFObject.real(2.5).serialized() == "2.5")
        #expect(PDFObject.real(-3).serialized() == "-3")
        #expect(PDFObject.dictionary([("Type", .name("Page")), ("Kids", .array([.reference(3)]))]).serialized()
            == "<</Type /Page /Kids [3 0 R]>>")
        #expect(PDFObject.textString("é").serialized() == "<FEFF00E9>")
    }

    @Test("Every cross-reference entry points at its object, and startxref at the table")
    func xref() throws {
        var file = PDFFileWriter()
        let catalog = file.reserve(), pages = file.reserve()
        file.set(pages, .dictionary([("Type", .name("Pages")), ("Kids", .array([])), ("Count", .int(0))]))
        file.set(catalog, .dictionary([("Type", .name("Catalog")), ("Pages", .reference(pages))]))
        _ = file.addStream(data: Array("hello".utf8))
        let bytes = file.bytes(root: catalog, info: nil)
        let text = String(decoding: bytes, as: UTF8.self)
        let tail = text[text.range(of: "startxref\n", options: .backwards)!.upperBound...]
        let xrefOffset = try #require(Int(tail.split(separator: "\n")[0]))
        #expect(String(decoding: bytes[xrefOffset..<(xrefOffset + 4)], as: UTF8.self) == "xref")
        // "xref\n0 4\n" then 20-byte entries (§7.5.4), the first the free-list head.
        let header = "xref\n0 4\n"
        let entries = bytes[(xrefOffset + header.utf8.count)...]
        #expect(String(decoding: entries.prefix(20), as: UTF8.self) == "0000000000 65535 f\r\n")
        for n in 1...3 {
            let entry = String(decoding: entries.dropFirst(20 * n).prefix(20), as: UTF8.self)
            #expect(entry.utf8.count == 20 && entry.hasSuffix(" 00000 n\r\n"), "entry \(n): \(entry)")
            let offset = try #require(Int(entry.prefix(10)))
            let at = String(decoding: bytes[offset..<(offset + 8)], as: UTF8.self)
            #expect(at == "\(n) 0 obj\n", "object \(n) at \(offset)")
        }
        #expect(text.contains("/Size 4 /Root 1 0 R"))
    }

    @Test("A one-page PDF passes qpdf --check and its text comes back through pdftotext")
    func roundTrip() async throws {
        if let why = PDFTools.missing ?? PDFTools.fontMissing {
            print(why)
            return
        }
        let path = try PDFTools.write(try Self.onePage(), name: "one-page")
        let check = try await PDFTools.run("qpdf", ["--check", path])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("No syntax or stream encoding errors found"))
        let text = try await PDFTools.text(path)
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == Self.text)
    }

    @Test("pdffonts shows DejaVu Sans embedded as a CID TrueType font with a ToUnicode map")
    func fonts() async throws {
        if let why = PDFTools.missing ?? PDFTools.fontMissing {
            print(why)
            return
        }
        let path = try PDFTools.write(try Self.onePage(), name: "fonts")
        let out = try await PDFTools.run("pdffonts", [path]).output
        // name type encoding emb sub uni object ID
        let row = try #require(out.split(separator: "\n").first { $0.hasPrefix("DejaVuSans") })
        let fields = row.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        #expect(fields.contains("CID") && fields.contains("TrueType"), "\(row)")
        #expect(fields.contains("Identity-H"), "\(row)")
        // emb, sub, uni are the three yes/no columns.
        let flags = fields.filter { $0 == "yes" || $0 == "no" }
        #expect(flags == ["yes", "no", "yes"], "\(row)")
    }

    @Test("Word widths in the PDF are the font's advance widths (pdftotext -bbox)")
    func widths() async throws {
        if let why = PDFTools.missing ?? PDFTools.fontMissing {
            print(why)
            return
        }
        let font = try ReportFont.load()
        var page = PDFContentStream(font: font)
        page.text("WWWW", x: 100, y: 500, size: 20)
        page.text("iiii", x: 100, y: 400, size: 20)
        var doc = PDFDocument(font: font)
        doc.addPage(page)
        let path = try PDFTools.write(doc.bytes(title: "widths"), name: "widths")
        let html = try await PDFTools.run("pdftotext", ["-bbox", path, "-"]).output
        for word in ["WWWW", "iiii"] {
            let line = try #require(html.split(separator: "\n").first { $0.contains(">\(word)<") })
            func attribute(_ name: String) -> Double? {
                guard let r = line.range(of: "\(name)=\"") else { return nil }
                return Double(line[r.upperBound...].prefix { $0 != "\"" })
            }
            let xMax: Double = try #require(attribute("xMax"))
            let xMin: Double = try #require(attribute("xMin"))
            let width = xMax - xMin
            // DejaVu Sans 2.37: W advances 2025/2048 em, i 569/2048 em (its hmtx, read with Python's struct
            // module), so 4 × 20 pt × that.
            let units: Double = word == "WWWW" ? 2025 : 569
            let expected: Double = 80 * units / 2048
            #expect(abs(width - expected) < 0.5, "\(word): \(width) vs \(expected)")
            #expect(abs(font.width(of: word, size: 20) - expected) < 0.01)
        }
    }
}
