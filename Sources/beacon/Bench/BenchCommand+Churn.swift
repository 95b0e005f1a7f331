import ArgumentParser
import BeaconAnalytics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension BenchCommand {
    /// `beacon bench churn`: time model fitting on a file's training rows replicated to a size.
    struct Churn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "churn",
            abstract: "Time fitting on the training rows replicated to --rows (peer: bench/churn/bench_sklearn.py).",
            discussion: """
                The file is split and encoded as in `train`; the encoded training rows are repeated \
                cyclically to --rows rows, each model is fitted on them and scored on the original \
                test rows. Build with -c release. Example: beacon bench churn --input \
                Telco-Customer-Churn.csv --target Churn --positive Yes --rows 1000000 --threads 2
                """)

        @Option(help: "CSV file with one row per customer.")
        var input: String

        @Option(help: "The column to predict.")
        var target: String

        @Option(help: "The target value that means churned.")
        var positive: String

        @Option(help: "Training rows after replication.")
        var rows: Int = 1_000_000

        @Option(help: "Models to time: logistic, gbdt or both.")
        var models: String = "both"

        @OptionGroup var model: ChurnModelOptions

        func validate() throws {
            guard rows > 0 else { throw ValidationError("--rows must be positive") }
            guard ["logistic", "gbdt", "both"].contains(models) else {
                throw ValidationError("--models must be logistic, gbdt or both")
            }
        }

        func run() async throws {
            let frame = try ChurnCommand.loadFrame(input)
            let base = model.trainingOptions(target: target, positive: positive)
            let original = try ChurnCommand.naming(input) { try ChurnTraining.prepare(frame, options: base) }
            let prepared = original.replicated(toTrainingRows: rows)
            let kinds: [ChurnModel.Kind] = models == "both" ? [.logistic, .gbdt] : [ChurnModel.Kind(rawValue: models)!]
            print("model     rows      threads  fit_seconds  cpu_seconds  test_auc  iterations")
            for kind in kinds {
                var options = base
                options.kind = kind
                let clock = ContinuousClock()
                let start = clock.now
                let cpuStart = Self.cpuSeconds()
                let fitted = ChurnTraining.fit(prepared, options: options)
                let elapsed = clock.now - start
                let cpu = Self.cpuSeconds() - cpuStart
                let report = ChurnReport(model: fitted, prepared: prepared)
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                print(
                    kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
                        + "\(prepared.split.train.count)".padding(toLength: 10, withPad: " ", startingAt: 0)
                        + "\(model.threads)".padding(toLength: 9, withPad: " ", startingAt: 0)
                        + String(format: "%-13.2f%-13.2f%-10.4f", seconds, cpu, report.test.rocAUC)
                        + "\(report.iterations)")
            }
        }

        /// CPU time used by the whole process (all threads), so figures stay comparable on a
        /// busy machine where wall time also counts waiting.
        private static func cpuSeconds() -> Double {
            var ts = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
            return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
        }
    }
}
