import ArgumentParser
import BeaconAnalytics
import BeaconCore
import BeaconEngine
import Foundation

/// Reads lift-test results for `mmm fit --lift-tests`: a CSV with the columns `channel`,
/// `start`, `end` (YYYY-MM-DD, inclusive), `lift` (incremental revenue over the period) and
/// `standard_error`, one test per row; errors name the file, line and column.
struct MMMLiftTestsCSV {
    var path: String
    var table: CSVTable
    var tests: [MMMLiftTest]

    static let columns = ["channel", "start", "end", "lift", "standard_error"]

    init(path: String) throws {
        self.path = path
        do {
            let table = try InputFile.csv(path)
            let index = try Self.columns.map { try table.requireColumn($0) }
            self.table = table
            tests = try table.rows.map { row in
                MMMLiftTest(
                    channel: row[index[0]].trimmingCharacters(in: .whitespaces),
                    start: row[index[1]].trimmingCharacters(in: .whitespaces),
                    end: row[index[2]].trimmingCharacters(in: .whitespaces),
                    lift: try row.double(index[3], column: "lift"),
                    standardError: try row.double(index[4], column: "standard_error"))
            }
        } catch let error as CSVError {
            throw CommandError("--lift-tests \(path): \(error)")
        } catch let error as CommandError {
            throw error
        } catch {
            throw CommandError("--lift-tests \(path): \(error)")
        }
        guard !tests.isEmpty else { throw CommandError("--lift-tests \(path): no tests (the file has only a header)") }
    }

    /// Checks the tests against the data to be fitted, naming the line and column at fault.
    func check(dates: [String], channels: [String], fitCount: Int) throws {
        do {
            _ = try MMMLiftTest.check(tests, dates: dates, channels: channels, fitCount: fitCount)
        } catch let error as MMMError {
            var location = "--lift-tests \(path)"
            if let row = error.row, row < table.rows.count { location += ", line \(table.rows[row].line)" }
            if let column = error.column { location += ", column '\(column)'" }
            throw CommandError("\(location): \(error.message)")
        }
    }
}
