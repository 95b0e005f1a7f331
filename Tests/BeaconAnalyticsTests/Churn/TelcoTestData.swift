import Foundation

@testable import BeaconAnalytics

/// The Telco churn file as a `ChurnFrame`, read without BeaconCore (this test target only
/// depends on BeaconAnalytics); the file has no quoted fields, which `load` checks.
enum TelcoTestData {
    static let path = SharedData.dataset("telco_churn/Telco-Customer-Churn.csv")

    static func load() throws -> ChurnFrame {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        precondition(!text.contains("\""), "the Telco file was expected to have no quoted fields")
        let lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return ChurnFrame(header: header, rows: Array(rows))
    }
}
