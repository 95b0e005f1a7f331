import ArgumentParser
import BeaconAnalytics
import BeaconCore
import BeaconEngine
import Foundation

extension ChurnCommand {
    /// `beacon churn behavioural`: churn risk = 1 − P(alive) for customers who never cancel.
    struct Behavioural: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Churn risk of non-contractual customers as 1 − P(alive) from a BG/NBD-type model.",
            discussion: """
                Input is an RFM summary, one row per customer: repeat purchases (frequency), time of \
                the last repeat purchase (recency) and time since the first purchase (T), all from \
                the first purchase and in one time unit, as in lifetimes' summary_data_from_transaction_data. \
                The model is fitted by maximum likelihood and each customer's churn risk is the \
                probability it is no longer active; the model column names the model that scored it.
                Example: beacon churn behavioural --input cdnow_customers_summary.csv --id ID --model bgnbd
                """)

        @Option(help: "CSV file with one row per customer.")
        var input: String

        @Option(help: "Customer id column (default: row line numbers).")
        var id: String?

        @Option(help: "Repeat-purchase count column.")
        var frequency = "frequency"

        @Option(help: "Recency column (time of the last repeat purchase).")
        var recency = "recency"

        @Option(help: "Customer age column (time since the first purchase).")
        var age = "T"

        @Option(help: "Model: bgnbd, mbgnbd or pnbd (Pareto/NBD), as in clv.")
        var model: BehaviouralChurn.Model = .bgnbd

        @Option(help: "L2 penalty on the log-parameters (0 = maximum likelihood).")
        var penalizer: Double = 0

        @Option(help: "Write the CSV here instead of standard output.")
        var output: String?

        func validate() throws {
            guard penalizer >= 0 else { throw ValidationError("--penalizer must not be negative") }
        }

        func run() async throws {
            let table: CSVTable
            do {
                table = try InputFile.csv(input)
            } catch {
                throw CommandError("\(error)")
            }
            guard !table.header.isEmpty else { throw CommandError("\(input): the file is empty (no header line)") }
            guard !table.rows.isEmpty else { throw CommandError("\(input): the file has no data rows") }
            let columns: [Int]
            let values: [[Double]]
            do {
                columns = try [frequency, recency, age].map { try table.requireColumn($0) }
                values = try columns.map { c in try table.rows.map { try $0.double(c, column: table.header[c]) } }
            } catch {
                throw CommandError("\(input): \(error)")
            }
            let summary: CLVSummaryData
            do {
                summary = try CLVSummaryData(frequency: values[0], recency: values[1], T: values[2])
            } catch {
                let line = error.row > 0 ? "line \(table.rows[error.row - 1].line), " : ""
                throw CommandError("\(input): \(line)column '\(error.column)': \(error.message)")
            }
            let idIndex = try id.map { name in
                guard let c = table.column(name) else {
                    throw CommandError(
                        "\(input): column '\(name)' not found; the file has: "
                            + table.header.joined(separator: ", "))
                }
                return c
            }
            let result = BehaviouralChurn.score(summary, model: model, penalizer: penalizer)
            let fitted = zip(result.parameterNames, result.parameters).map { "\($0) \(String(format: "%.4g", $1))" }
            FileHandle.standardError.write(
                Data(
                    ("\(model.rawValue): \(fitted.joined(separator: ", ")), log-likelihood "
                        + String(format: "%.2f", result.logLikelihood) + (result.converged ? "" : " (not converged)")
                        + "\n").utf8))
            var lines = ["customer_id,churn_probability,p_alive,model"]
            for (k, row) in table.rows.enumerated() {
                let name = idIndex.map { row[$0] } ?? "line \(row.line)"
                let risk = result.risk[k]
                lines.append(
                    "\(name.contains(",") ? "\"\(name)\"" : name),\(String(format: "%.6f", risk)),"
                        + "\(String(format: "%.6f", 1 - risk)),\(model.rawValue)")
            }
            let text = lines.joined(separator: "\n") + "\n"
            if let output {
                do {
                    try text.write(toFile: output, atomically: true, encoding: .utf8)
                } catch {
                    throw CommandError("cannot write '\(output)': \(error.localizedDescription)")
                }
            } else {
                print(text, terminator: "")
            }
        }
    }
}

extension BehaviouralChurn.Model: ExpressibleByArgument {}
