import ArgumentParser
import BeaconAnalytics
import BeaconCore
import BeaconEngine
import Foundation

/// Reads a wide marketing-mix CSV (date, target, spend per channel, controls, events) into
/// an `MMMDataset`, and turns the model's errors into messages naming the file, line and column.
struct MMMCSVInput {
    var path: String
    var table: CSVTable

    init(path: String) throws {
        self.path = path
        do {
            table = try InputFile.csv(path)
        } catch {
            throw CommandError("\(path): \(error)")
        }
    }

    /// The dataset with the named columns; event columns that are not numeric become one
    /// 0/1 column per distinct value (empty, `na` and `0` meaning no event).
    func dataset(date: String, target: String, channels: [String], controls: [String], events: [String]) throws
        -> MMMDataset
    {
        do {
            let dateIndex = try table.requireColumn(date)
            let dates = table.rows.map { $0[dateIndex].trimmingCharacters(in: .whitespaces) }
            func numbers(_ name: String) throws -> MMMDataset.Column {
                let i = try table.requireColumn(name)
                return MMMDataset.Column(name: name, values: try table.rows.map { try $0.double(i, column: name) })
            }
            var eventColumns: [MMMDataset.Column] = []
            for name in events {
                let i = try table.requireColumn(name)
                let raw = table.rows.map { $0[i].trimmingCharacters(in: .whitespaces) }
                if raw.allSatisfy({ Double($0) != nil }) {
                    eventColumns.append(.init(name: name, values: raw.map { Double($0)! }))
                } else {
                    let none: Set<String> = ["", "na", "NA", "0", "none"]
                    let levels = Array(Set(raw).subtracting(none)).sorted()
                    for level in levels {
                        eventColumns.append(.init(name: "\(name)_\(level)", values: raw.map { $0 == level ? 1 : 0 }))
                    }
                }
            }
            return MMMDataset(
                dates: dates, targetName: target, target: try numbers(target).values,
                channels: try channels.map(numbers), controls: try controls.map(numbers), events: eventColumns)
        } catch let error as CSVError {
            throw CommandError("\(path): \(error)")
        }
    }

    /// A `CommandError` for a model error, with the CSV line of the row at fault.
    func explain(_ error: MMMError) -> CommandError {
        var location = path
        if let row = error.row, row < table.rows.count { location += ", line \(table.rows[row].line)" }
        if let column = error.column { location += ", column '\(column)'" }
        return CommandError("\(location): \(error.message)")
    }
}

/// JSON coding shared by the MMM commands (non-finite numbers as strings).
enum MMMJSON {
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        e.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }

    static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }

    static func write<T: Encodable>(_ value: T, to path: String?) throws {
        let data = try encoder().encode(value)
        if let path {
            do { try data.write(to: URL(fileURLWithPath: path)) } catch {
                throw CommandError("cannot write '\(path)': \(error.localizedDescription)")
            }
        } else {
            print(String(decoding: data, as: UTF8.self))
        }
    }

    static func readFit(_ path: String) throws -> MMMFit {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError("cannot read model file '\(path)'")
        }
        do { return try decoder().decode(MMMFit.self, from: data) } catch {
            throw CommandError("\(path): not a fitted MMM model (\(error))")
        }
    }

    /// Parses `name=value,name=value` against the model's channel names.
    static func amounts(_ text: String, option: String, channels: [String]) throws -> [String: String] {
        var out: [String: String] = [:]
        for item in text.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { throw ValidationError("\(option): '\(item)' is not name=value") }
            guard channels.contains(pair[0]) else {
                throw ValidationError(
                    "\(option): unknown channel '\(pair[0])'; the model has \(channels.joined(separator: ", "))")
            }
            out[pair[0]] = pair[1]
        }
        return out
    }

    /// `text` padded to `width` (right-aligned unless `left`).
    static func column(_ text: String, _ width: Int, left: Bool = false) -> String {
        let pad = String(repeating: " ", count: max(0, width - text.count))
        return left ? text + pad : pad + text
    }

    static func money(_ v: Double) -> String {
        guard v.isFinite else { return "—" }
        return String(format: v.magnitude >= 100 ? "%.0f" : "%.2f", v)
    }
}
