import ArgumentParser
import BeaconAnalytics
import BeaconEngine
import Foundation

/// `beacon sentiment`: VADER sentiment scores appended to each row of a CSV file.
struct SentimentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Append VADER sentiment (neg, neu, pos, compound) to each row of a CSV file.",
        discussion: """
            Scores the text column with VADER (Hutto & Gilbert 2014) exactly as PyPI \
            vadersentiment \(VADERSentimentAnalyzer.referenceVersion) scores it, with its lexicon \
            and emoji lexicon (MIT licence); other packages called VADER give different numbers. \
            compound is the normalised sum of valences (−1…1); neg, neu and pos are the shares of \
            negative, neutral and positive weight. An empty text scores 0 on all four.
            The input must be UTF-8 (gzip is read directly); an ill-formed byte is an error naming \
            the line, column and field. Output: the input's columns followed by neg,neu,pos,compound \
            as CSV, or a JSON array of objects with the same keys.
            Example: beacon sentiment --input reviews.csv --text-column review_text > scored.csv
            """)

    @Option(help: "CSV file with a header row; '-' reads standard input.")
    var input: String

    @Option(help: "The column holding the text to score (exact name, else case-insensitive).")
    var textColumn: String

    @Option(help: "Output format: csv or json.")
    var format: SentimentAnnotation.Format = .csv

    @Option(help: "Field separator of the input file (one character).")
    var delimiter: String = ","

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        guard delimiter.count == 1, delimiter != "\"", delimiter != "\n" else {
            throw ValidationError("--delimiter must be one character other than a quote or newline, got '\(delimiter)'")
        }
        if textColumn.isEmpty { throw ValidationError("--text-column must name a column") }
    }

    func run() async throws {
        let source = InputFile.name(input)
        let bytes: [UInt8]
        do { bytes = try InputFile.read(input) } catch { throw CommandError("\(error)") }
        let annotation: SentimentAnnotation
        do {
            annotation = try SentimentAnnotation(
                csv: bytes, source: source, textColumn: textColumn, delimiter: Character(delimiter))
        } catch let error as SentimentInputError {
            throw CommandError(error.description)
        }
        let text = annotation.rendered(format)
        if let output {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw CommandError("cannot write '\(output)': \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

extension SentimentAnnotation.Format: ExpressibleByArgument {}
