import ArgumentParser
import BeaconAnalytics
import Foundation

extension BenchCommand {
    /// `beacon bench anomalies`: times the anomaly scan (`SeriesAnomalies`: robust STL and the
    /// generalized ESD test) over synthetic daily series, for the side-by-side run with
    /// statsmodels' STL and a NumPy/SciPy generalized ESD (`bench/anomalies/scan_peer.py`).
    struct Anomalies: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "anomalies",
            abstract: "Time the anomaly scan (robust STL + generalized ESD) over synthetic daily series.",
            discussion: """
                Makes --series daily series of --days days (seeded): a level, a trend, a weekly pattern, \
                Gaussian noise and a spike or drop on about 1 % of the days. Scans each as `beacon anomalies` \
                does (weekly period, seasonal span 35, trend span 29, 2 inner and 15 outer passes, ESD at \
                alpha 0.05 for up to 5 % of the days), --repeat times, and prints the best time as JSON, then \
                every flag as `series<TAB>day`. --write saves the series for the peer (one column per series).
                """)

        @Option(help: "Series to scan.") var series = 20
        @Option(help: "Days per series.") var days = 730
        @Option(help: "Timed runs (the best is reported).") var `repeat` = 3
        @Option(help: "Seed of the synthetic series.") var seed: UInt64 = 1
        @Option(help: "Write the series to this CSV (one column per series).") var write: String?

        func validate() throws {
            guard series >= 1 else { throw ValidationError("--series must be at least 1, got \(series)") }
            guard days >= 14 else { throw ValidationError("--days must be at least 14, got \(days)") }
            guard self.repeat >= 1 else { throw ValidationError("--repeat must be at least 1, got \(self.repeat)") }
        }

        /// The synthetic series: level 50–500, a trend of up to ±50 % over the span, a weekly
        /// pattern of ±30 %, noise of 8 % of the level, spikes (+60–200 %) and drops (−60 %).
        static func make(series: Int, days: Int, seed: UInt64) -> [[Double]] {
            var rng = Xoshiro256StarStar(seed: seed)
            return (0..<series).map { _ in
                let level = 50 + 450 * rng.nextDouble()
                let slope = (rng.nextDouble() - 0.5) * level / Double(days)
                let week = (0..<7).map { _ in 1 + 0.6 * (rng.nextDouble() - 0.5) }
                return (0..<days).map { d in
                    var v = (level + slope * Double(d)) * week[d % 7] + rng.nextNormal(mean: 0, standardDeviation: 0.08 * level)
                    if rng.nextDouble() < 0.01 { v *= rng.nextDouble() < 0.7 ? 1.6 + 1.4 * rng.nextDouble() : 0.4 }
                    return max(0, v)
                }
            }
        }

        func run() async throws {
            let all = Self.make(series: series, days: days, seed: seed)
            if let write {
                var text = (0..<series).map { "s\($0)" }.joined(separator: ",") + "\n"
                for d in 0..<days {
                    text += all.map { String(format: "%.6f", $0[d]) }.joined(separator: ",") + "\n"
                }
                try text.write(toFile: write, atomically: true, encoding: .utf8)
            }
            var best = Double.infinity
            var flags: [[SeriesAnomalies.Flag]] = []
            for _ in 0..<self.repeat {
                let start = DispatchTime.now().uptimeNanoseconds
                flags = all.map { SeriesAnomalies.detect($0) }
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            print("{\"series\": \(series), \"days\": \(days), \"flags\": \(flags.reduce(0) { $0 + $1.count }), \"seconds\": \(best)}")
            for (s, f) in flags.enumerated() {
                for flag in f { print("s\(s)\t\(flag.index)") }
            }
        }
    }
}
