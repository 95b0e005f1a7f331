import Foundation

@testable import BeaconAnalytics

/// Reads the CDNOW-family CSV files of ../shared/datasets for the CLV tests. A deliberately
/// small parser (numeric columns, no quoting) so the tests depend on BeaconAnalytics only.
enum CLVTestData {
    /// Numeric columns of a CSV file by header name.
    static func columns(_ relative: String) throws -> [String: [Double]] {
        let text = try String(contentsOfFile: SharedData.dataset(relative), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines.removeFirst().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var out: [String: [Double]] = [:]
        for name in header { out[name] = [] }
        for line in lines where !line.isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            for (name, field) in zip(header, fields) { out[name]!.append(Double(field) ?? .nan) }
        }
        return out
    }

    /// `cdnow_customers_summary.csv` as a summary (x, t_x, T in weeks; 2,357 customers).
    static func cdnowSummary() throws -> CLVSummaryData {
        let c = try columns("cdnow/cdnow_customers_summary.csv")
        return try CLVSummaryData(frequency: c["frequency"]!, recency: c["recency"]!, T: c["T"]!)
    }

    /// True when `got` agrees with a published figure to its printed digits: within relative 1e-3,
    /// or within half a unit of the last printed decimal (0.243 stands for [0.2425, 0.2435]).
    static func matchesPublished(_ got: Double, _ published: Double, decimals: Int) -> Bool {
        let halfUnit = 0.5 * pow(10, Double(-decimals)) * (1 + 1e-9)
        return relative(got, published) < 1e-3 || abs(got - published) <= halfUnit
    }

    /// Relative difference |got − want| / |want|.
    static func relative(_ got: Double, _ want: Double) -> Double { abs(got - want) / abs(want) }
}
