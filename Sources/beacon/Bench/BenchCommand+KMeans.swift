import ArgumentParser
import BeaconAnalytics
import Foundation

extension BenchCommand {
    /// `beacon bench kmeans`: times k-means on a raw matrix, for the side-by-side benchmark
    /// with scikit-learn in `bench/segmentation/kmeans_bench.py`.
    struct KMeansTiming: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kmeans",
            abstract: "Time k-means on a raw float64 matrix (benchmark helper).",
            discussion: """
                Reads --points as little-endian float64 values, row-major with --dims columns (numpy's \
                X.astype('<f8').tofile(path)), fits k-means --repeats times and prints one JSON line per \
                fit with the wall-clock and CPU seconds, inertia and iterations. Data are used as given (no scaling).
                """)

        @Option(help: "Raw little-endian float64 file, row-major.")
        var points: String

        @Option(help: "Columns per row.")
        var dims: Int

        @Option(help: "Number of clusters.")
        var k: Int = 8

        @Option(help: "k-means++ restarts (n_init).")
        var restarts: Int = 4

        @Option(help: "Seed.")
        var seed: UInt64 = 0

        @Option(help: "hamerly or lloyd.")
        var algorithm: KMeans.Algorithm = .hamerly

        @Option(help: "Worker threads.")
        var threads: Int = 1

        @Option(help: "How many timed fits.")
        var repeats: Int = 3

        func validate() throws {
            guard dims >= 1 else { throw ValidationError("--dims must be at least 1") }
            guard k >= 1 else { throw ValidationError("--k must be at least 1") }
            guard restarts >= 1, threads >= 1, repeats >= 1 else {
                throw ValidationError("--restarts, --threads and --repeats must be at least 1")
            }
        }

        /// CPU time of the whole process (all threads), so a busy machine does not inflate it.
        static func processCPUSeconds() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
        }

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: points) else {
                throw CommandError("cannot read file '\(points)'")
            }
            guard data.count % (8 * dims) == 0 else {
                throw CommandError(
                    "\(points): \(data.count) bytes is not a whole number of \(dims)-column float64 rows")
            }
            var matrix = Matrix(rows: data.count / (8 * dims), columns: dims)
            matrix.elements = data.withUnsafeBytes { raw in
                (0..<(data.count / 8)).map {
                    Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)))
                }
            }
            let kmeans = KMeans(clusterCount: k, restarts: restarts, algorithm: algorithm, threads: threads)
            for _ in 0..<repeats {
                let clock = ContinuousClock()
                let start = clock.now
                let cpuStart = Self.processCPUSeconds()
                let fit = try kmeans.fit(matrix, seed: seed)
                let cpu = Self.processCPUSeconds() - cpuStart
                let elapsed = clock.now - start
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                print(
                    "{\"seconds\": \(seconds), \"cpuSeconds\": \(cpu), \"inertia\": \(fit.inertia), "
                        + "\"iterations\": \(fit.iterations), "
                        + "\"rows\": \(matrix.rows), \"dims\": \(dims), \"threads\": \(threads), \"algorithm\": \"\(algorithm.rawValue)\"}"
                )
            }
        }
    }
}
