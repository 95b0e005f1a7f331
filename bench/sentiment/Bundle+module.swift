// Stands in for SwiftPM's generated resource accessor when the Sentiment sources are compiled
// outside the package (bench/sentiment/run.sh).
import Foundation

extension Bundle {
    static let module = Bundle(path: ProcessInfo.processInfo.environment["VADER_RESOURCES"]!)!
}
