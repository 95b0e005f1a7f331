import ArgumentParser
import BeaconAnalytics
import BeaconCore
import BeaconEngine

/// `beacon churn`: train, evaluate and apply churn-prediction models on a customer table.
struct ChurnCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "churn",
        abstract: "Predict which customers will churn (logistic regression or boosted trees).",
        discussion: """
            Input is a CSV file with one row per customer, a target column (e.g. Churn = Yes/No) \
            and feature columns. Columns where at least 90 % of non-blank cells are numbers are \
            numeric (blank cells take the training median, then standardised); the others are \
            one-hot encoded. A text column with a distinct value in every row (e.g. customerID) is \
            taken as the customer id and not used as a feature.
            """,
        subcommands: [Train.self, Score.self, Behavioural.self])

    /// Reads a CSV file into a `ChurnFrame`, with errors that name the file.
    static func loadFrame(_ path: String) throws -> ChurnFrame {
        let table: CSVTable
        do {
            table = try InputFile.csv(path)
        } catch {
            throw CommandError("\(error)")
        }
        guard !table.header.isEmpty else { throw CommandError("\(path): the file is empty (no header line)") }
        return ChurnFrame(header: table.header, rows: table.rows.map(\.fields), lines: table.rows.map(\.line))
    }

    /// Runs `body`, turning library errors into command errors that name the file.
    static func naming<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ChurnError {
            throw CommandError("\(path): \(error)")
        }
    }
}
