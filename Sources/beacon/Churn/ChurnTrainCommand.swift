import ArgumentParser
import BeaconAnalytics
import Foundation

extension ChurnCommand {
    /// `beacon churn train`: fit a model on a split of a labelled file and report its quality.
    struct Train: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train a churn model and print held-out metrics, importances and calibration.",
            discussion: """
                Example: beacon churn train --input Telco-Customer-Churn.csv --target Churn \
                --positive Yes --model gbdt --seed 42
                """)

        @Option(help: "CSV file with one row per customer; '-' reads standard input; gzip is read directly.")
        var input: String

        @Option(help: "The column to predict.")
        var target: String

        @Option(help: "The target value that means churned.")
        var positive: String

        @OptionGroup var model: ChurnModelOptions

        @Option(help: "Write the fitted model as JSON to this file (for `churn score --model-file`).")
        var saveModel: String?

        @Option(help: "Number of importances to print.")
        var top: Int = 15

        @Option(help: "Output: text or json.") var format: OutputFormat = .text
        var json: Bool { format == .json }

        func validate() throws {
            try format.check([.text, .json])
            guard !input.isEmpty else { throw ValidationError("--input must name a CSV file") }
            guard !target.isEmpty else { throw ValidationError("--target must name a column") }
            guard top >= 0 else { throw ValidationError("--top must not be negative") }
        }

        func run() async throws {
            let frame = try ChurnCommand.loadFrame(input)
            let options = model.trainingOptions(target: target, positive: positive)
            let (fitted, report) = try ChurnCommand.naming(input) { try ChurnTraining.train(frame, options: options) }
            if let saveModel {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                try encoder.encode(fitted).write(to: URL(fileURLWithPath: saveModel))
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                encoder.nonConformingFloatEncodingStrategy = .convertToString(
                    positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
                return
            }
            print(render(report, rows: frame.rows.count))
        }

        private func render(_ r: ChurnReport, rows: Int) -> String {
            func f(_ x: Double, _ digits: Int = 4) -> String { String(format: "%.\(digits)f", x) }
            let name =
                r.model == .logistic
                ? "logistic regression (L2, C = \(model.inversePenalty), IRLS, \(r.iterations) iterations)"
                : "gradient-boosted trees (\(r.iterations) trees, depth ≤ \(model.maxDepth), "
                    + "learning rate \(model.learningRate))"
            var out = [
                "Churn model: \(name)",
                "Data: \(rows) customers, target \(target) = \(positive), id column \(r.idColumn ?? "none")",
                "Split: seed \(model.seed), \(r.train.rows) train / \(r.test.rows) test, stratified "
                    + "(churn rate \(f(r.train.positiveRate * 100, 1)) % / \(f(r.test.positiveRate * 100, 1)) %)",
                "Features: \(r.importances.count) columns → \(r.encodedFeatures) encoded",
                "",
                "Metric          train     test",
            ]
            for (label, a, b) in [
                ("ROC AUC", r.train.rocAUC, r.test.rocAUC),
                ("PR AUC (AP)", r.train.averagePrecision, r.test.averagePrecision),
                ("Log loss", r.train.logLoss, r.test.logLoss),
                ("Brier", r.train.brier, r.test.brier),
            ] {
                out.append(label.padding(toLength: 14, withPad: " ", startingAt: 0) + "  \(f(a))   \(f(b))")
            }
            out.append("")
            out.append("Importance (share of \(r.model == .logistic ? "mean |log-odds contribution|" : "split gain")):")
            for item in r.importances.prefix(top) {
                out.append(
                    "  " + item.column.padding(toLength: 18, withPad: " ", startingAt: 0) + f(item.importance, 3))
            }
            out.append("")
            out.append("Calibration (test):   bin      n   predicted   observed")
            for bin in r.calibration {
                out.append(
                    "  " + "\(f(bin.lower, 1))–\(f(bin.upper, 1))".padding(toLength: 18, withPad: " ", startingAt: 0)
                        + String(repeating: " ", count: max(0, 8 - String(bin.count).count)) + "\(bin.count)"
                        + "      \(f(bin.meanPredicted, 3))      \(f(bin.observedRate, 3))")
            }
            return out.joined(separator: "\n")
        }
    }
}
