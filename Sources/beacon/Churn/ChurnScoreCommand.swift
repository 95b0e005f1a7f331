import ArgumentParser
import BeaconAnalytics
import BeaconCore
import Foundation

extension ChurnCommand {
    /// `beacon churn score`: per-customer churn probability and top reasons, as CSV.
    struct Score: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score customers: churn probability and the top reasons for it, as CSV.",
            discussion: """
                Either apply a model saved by `churn train --save-model` (--model-file), or train one on \
                the input's training split first (--target and --positive, plus the model options). \
                Reasons are the columns that raise the customer's log-odds of churn most, written as \
                column=value (+contribution); the model column says which model produced the score.
                Example: beacon churn score --input Telco-Customer-Churn.csv --target Churn --positive Yes \
                --model gbdt --output scores.csv
                """)

        @Option(help: "CSV file with one row per customer.")
        var input: String

        @Option(help: "A model saved by `churn train --save-model`.")
        var modelFile: String?

        @Option(help: "The column to predict (to train a model first).")
        var target: String?

        @Option(help: "The target value that means churned (to train a model first).")
        var positive: String?

        @OptionGroup var model: ChurnModelOptions

        @Option(help: "Number of reasons per customer.")
        var reasons: Int = 3

        @Option(help: "Write the CSV here instead of standard output.")
        var output: String?

        func validate() throws {
            if modelFile == nil && (target == nil || positive == nil) {
                throw ValidationError("give --model-file, or --target and --positive to train a model first")
            }
            if modelFile != nil && target != nil {
                throw ValidationError("--model-file and --target exclude each other")
            }
            guard reasons >= 0 else { throw ValidationError("--reasons must not be negative") }
        }

        func run() async throws {
            let frame = try ChurnCommand.loadFrame(input)
            let fitted: ChurnModel
            if let modelFile {
                guard let data = FileManager.default.contents(atPath: modelFile) else {
                    throw CommandError("cannot read model file '\(modelFile)'")
                }
                do {
                    fitted = try JSONDecoder().decode(ChurnModel.self, from: data)
                } catch {
                    throw CommandError("\(modelFile): not a churn model saved by `beacon churn train` (\(error))")
                }
            } else {
                let options = model.trainingOptions(target: target!, positive: positive!)
                fitted = try ChurnCommand.naming(input) { try ChurnTraining.train(frame, options: options).model }
            }
            let scores = try ChurnCommand.naming(input) { try fitted.score(frame, reasons: reasons) }
            var lines = [
                (["customer_id", "churn_probability", "model"] + (0..<reasons).map { "reason_\($0 + 1)" })
                    .joined(separator: ",")
            ]
            for s in scores {
                var fields = [s.id, String(format: "%.6f", s.probability), fitted.kind.rawValue]
                fields += (0..<reasons).map { $0 < s.reasons.count ? s.reasons[$0].description : "" }
                lines.append(fields.map(Self.quote).joined(separator: ","))
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

        private static func quote(_ field: String) -> String {
            CSVRecord.field(field)
        }
    }
}
