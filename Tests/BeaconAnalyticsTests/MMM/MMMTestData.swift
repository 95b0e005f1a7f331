import BeaconAnalytics
import Foundation

/// Reads the shared MMM data sets for the tests (plain comma-separated files with a header;
/// quoted fields have no embedded commas), so the tests need nothing beyond BeaconAnalytics.
enum MMMTestData {
    /// The header and the columns of a CSV file, by name.
    static func columns(_ relative: String) throws -> (header: [String], rows: [[String]]) {
        let text = try String(contentsOfFile: SharedData.dataset(relative), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        func fields(_ line: String) -> [String] {
            line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            }
        }
        return (fields(lines[0]), lines.dropFirst().map(fields))
    }

    /// A dataset from named columns of a shared CSV file.
    static func dataset(
        _ relative: String, date: String, target: (name: String, transform: ([String: Double]) -> Double)? = nil,
        targetColumn: String = "", channels: [String], controls: [String] = [], events: [String] = []
    ) throws -> MMMDataset {
        let (header, rows) = try columns(relative)
        func index(_ name: String) -> Int { header.firstIndex(of: name)! }
        func numbers(_ name: String) -> [Double] { rows.map { Double($0[index(name)]) ?? .nan } }
        let y: [Double]
        if let target {
            y = rows.map { row in
                target.transform(
                    Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, Double(row[$0]) ?? .nan) }))
            }
        } else {
            y = numbers(targetColumn)
        }
        return MMMDataset(
            dates: rows.map { $0[index(date)] }, targetName: target?.name ?? targetColumn, target: y,
            channels: channels.map { .init(name: $0, values: numbers($0)) },
            controls: controls.map { .init(name: $0, values: numbers($0)) },
            events: events.map { .init(name: $0, values: numbers($0)) })
    }
}
