import BeaconAnalytics
import BeaconEngine
import Foundation
import Testing

@Suite("Sentiment annotation of CSV files")
struct SentimentAnnotationTests {
    static func annotate(_ text: String, column: String = "review", format: SentimentAnnotation.Format = .csv)
        throws -> String
    {
        try SentimentAnnotation(csv: Array(text.utf8), source: "reviews.csv", textColumn: column).rendered(format)
    }

    @Test("Rows keep their columns and gain neg,neu,pos,compound")
    func appendsScores() throws {
        let out = try Self.annotate("id,review\n1,Not bad at all\n2,\"VADER is smart, handsome, and funny.\"\n3,\n")
        // Scores from vaderSentiment 3.3.2's README; an empty text scores 0 as the reference does.
        #expect(
            out == """
                id,review,neg,neu,pos,compound
                1,Not bad at all,0.0,0.513,0.487,0.431
                2,"VADER is smart, handsome, and funny.",0.0,0.254,0.746,0.8316
                3,,0.0,0.0,0.0,0.0

                """)
    }

    @Test("JSON keeps the input's column order")
    func json() throws {
        let out = try Self.annotate("id,Review\n7,Not bad at all\n", column: "review", format: .json)
        let parsed = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 1)
        #expect(parsed?.first?["Review"] as? String == "Not bad at all")
        #expect(parsed?.first?["compound"] as? Double == 0.431)
        #expect(out.contains(#"{"id":"7","Review":"Not bad at all","neg":0.0,"#))
    }

    @Test("A missing text column names the file, the line and the columns there are")
    func missingColumn() {
        #expect(throws: SentimentInputError.self) { try Self.annotate("id,body\n1,good\n", column: "review") }
        do {
            _ = try Self.annotate("id,body\n1,good\n", column: "review")
        } catch {
            #expect("\(error)" == "reviews.csv, line 1: --text-column 'review' not found; the header has: id, body")
        }
    }

    @Test("Bytes that are not UTF-8 are refused with file, line, column and field")
    func notUTF8() {
        var bytes = Array("id,review\n1,good\n2,caf".utf8)
        bytes.append(0xE9)  // Latin-1 é
        bytes += Array(" au lait\n".utf8)
        do {
            _ = try SentimentAnnotation(csv: bytes, source: "reviews.csv", textColumn: "review")
            Issue.record("expected an error")
        } catch let error as SentimentInputError {
            #expect(error.line == 3)
            #expect(error.column == 6)
            #expect(error.field == "review")
            #expect("\(error)".hasPrefix("reviews.csv, line 3, column 6 (field 'review'): not UTF-8 (byte 0xE9)"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("An empty file is refused")
    func emptyFile() {
        #expect(throws: SentimentInputError.self) { try Self.annotate("") }
    }

    @Test("Many rows are scored in order (parallel chunks)")
    func manyRows() throws {
        let texts = (0..<5_000).map { $0 % 3 == 0 ? "good \($0)" : $0 % 3 == 1 ? "bad \($0)" : "table \($0)" }
        let csv = "text\n" + texts.joined(separator: "\n") + "\n"
        let annotation = try SentimentAnnotation(csv: Array(csv.utf8), source: "t.csv", textColumn: "text")
        let analyzer = VADERSentimentAnalyzer()
        #expect(annotation.scores == texts.map(analyzer.scores))
    }
}
