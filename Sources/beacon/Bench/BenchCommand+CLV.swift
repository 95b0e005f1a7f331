import ArgumentParser
import BeaconAnalytics
import Foundation

extension BenchCommand {
    /// `beacon bench clv`: times the BG/NBD, Pareto/NBD and Gamma-Gamma fits and the predictions for
    /// every customer on one summary, for the side-by-side run with lifetimes in bench/clv/.
    struct CLV: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clv",
            abstract:
                "Time CLV fits and predictions (CPU seconds) on a summary file, JSON out, for bench/clv/compare_lifetimes.py."
        )

        @OptionGroup var options: CLVInputOptions

        @Option(help: "Repetitions; the fastest is reported.")
        var repeats: Int = 3

        @Option(help: "Prediction horizon in model periods.")
        var horizon: Double = 39

        func validate() throws {
            guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1") }
        }

        func run() async throws {
            let (_, data, _) = try options.summary()
            // CPU time of this process: the benchmark machine is shared, so wall time mostly measures the neighbours.
            func cpuSeconds() -> Double {
                var ts = timespec()
                clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
                return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
            }
            func best<T>(_ body: () throws -> T) rethrows -> (seconds: Double, value: T) {
                var fastest = Double.infinity
                var last: T? = nil
                for _ in 0..<repeats {
                    let start = cpuSeconds()
                    last = try body()
                    fastest = min(fastest, cpuSeconds() - start)
                }
                return (fastest, last!)
            }
            var report: [String: Any] = ["customers": data.count, "distinct_histories": data.deduplicated().data.count]
            let bg = best { BGNBDModel.fit(data, penalizer: options.penalizer) }
            let pnbd = best { ParetoNBDModel.fit(data, penalizer: options.penalizer) }
            report["bgnbd"] = [
                "fit_seconds": bg.seconds, "params": bg.value.parameters, "log_likelihood": bg.value.logLikelihood,
            ]
            report["pnbd"] = [
                "fit_seconds": pnbd.seconds, "params": pnbd.value.parameters,
                "log_likelihood": pnbd.value.logLikelihood,
            ]
            if data.monetaryValue != nil {
                let gg = try best { try GammaGammaModel.fit(data, penalizer: options.penalizer) }
                report["gg"] = [
                    "fit_seconds": gg.seconds, "params": gg.value.parameters, "log_likelihood": gg.value.logLikelihood,
                ]
            }
            // Predictions for every customer (not de-duplicated): E[Y(horizon)] and P(alive).
            let bgPredict = best {
                (bg.value.model.expectedPurchases(in: horizon, for: data), bg.value.model.probabilityAlive(for: data))
            }
            let pnbdPredict = best {
                (
                    pnbd.value.model.expectedPurchases(in: horizon, for: data),
                    pnbd.value.model.probabilityAlive(for: data)
                )
            }
            report["bgnbd_predict_seconds"] = bgPredict.seconds
            report["pnbd_predict_seconds"] = pnbdPredict.seconds
            report["bgnbd_expected_sum"] = bgPredict.value.0.reduce(0, +)
            report["pnbd_expected_sum"] = pnbdPredict.value.0.reduce(0, +)
            let json = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
            print(String(decoding: json, as: UTF8.self))
        }
    }
}
