import ArgumentParser
import BeaconAnalytics
import BeaconCore
import BeaconEngine
import Foundation

/// The model a `beacon clv` command fits.
enum CLVModelKind: String, ExpressibleByArgument, CaseIterable {
    case bgnbd, mbgnbd, pnbd, gg, bgbb, sbg
}

/// The layout of the input file.
enum CLVInputFormat: String, ExpressibleByArgument, CaseIterable {
    case summary, transactions, bgbb, sbg
}

/// The time unit of summaries built from a transaction log.
enum CLVPeriod: String, ExpressibleByArgument, CaseIterable {
    case days, weeks

    var days: Double { self == .weeks ? 7 : 1 }
    /// Model periods per month for the lifetime-value discounting (lifetimes' factors).
    var perMonth: Double { self == .weeks ? 4.345 : 30 }
}

/// Options shared by `clv fit`, `clv predict` and `bench clv`: which model, which file, how to read it.
struct CLVInputOptions: ParsableArguments {
    @Option(help: "Model: \(CLVModelKind.allCases.map(\.rawValue).joined(separator: "|")).")
    var model: CLVModelKind = .bgnbd

    @Option(help: "Input file (CSV, or whitespace-separated CDNOW text with --cdnow); '-' reads standard input; gzip is read directly.")
    var input: String

    @Option(
        help:
            "Input layout: summary (frequency,recency,T[,monetary_value]), transactions (customer,date[,amount]), bgbb (frequency,recency,periods[,weights]), sbg (recency,T[,cohort]). Default: the model's natural layout."
    )
    var layout: CLVInputFormat?

    @Flag(help: "The input is CDNOW_master.txt / CDNOW_sample.txt (whitespace-separated id [sample] date cds dollars).")
    var cdnow = false

    @Option(help: "Time unit of summaries built from transactions: days|weeks.")
    var period: CLVPeriod = .weeks

    /// The last day of observation for transactions (`--as-of`, as every analysis command reads it).
    @OptionGroup var asOf: AsOfOption

    @Option(help: "Fit on transactions up to this day (YYYY-MM-DD) and compare predictions with the rest.")
    var calibrationEnd: String?

    @Option(help: "L2 penalty on the parameters (lifetimes' penalizer_coef).")
    var penalizer: Double = 0

    var resolvedFormat: CLVInputFormat {
        if let layout { return layout }
        if cdnow { return .transactions }
        switch model {
        case .bgbb: return .bgbb
        case .sbg: return .sbg
        default: return .summary
        }
    }

    func validate() throws {
        guard penalizer >= 0, penalizer.isFinite else {
            throw ValidationError("--penalizer must be a non-negative number")
        }
        if let calibrationEnd, CLVDate.parse(calibrationEnd) == nil {
            throw ValidationError("--calibration-end '\(calibrationEnd)' is not a date (YYYY-MM-DD)")
        }
        if calibrationEnd != nil && resolvedFormat != .transactions {
            throw ValidationError("--calibration-end needs --layout transactions (or --cdnow)")
        }
        switch (model, resolvedFormat) {
        case (.bgbb, .bgbb), (.sbg, .sbg): break
        case (.bgbb, _), (.sbg, _):
            throw ValidationError("--model \(model.rawValue) reads --layout \(model.rawValue)")
        case (_, .bgbb), (_, .sbg):
            throw ValidationError("--layout \(resolvedFormat.rawValue) is for --model \(resolvedFormat.rawValue)")
        default: break
        }
    }

    /// Reads the input file into a table of cells, mapping read errors to the file name.
    func table() throws -> CLVInputTable {
        if cdnow {
            let text: String
            do { text = String(decoding: try InputFile.read(input), as: UTF8.self) } catch { throw CommandError("\(error)") }
            let probe = CLVInputTable.whitespaceSeparated(text, names: ["customer", "date", "cds", "amount"])
            guard let first = probe.rows.first else { throw CommandError("\(input): the file has no data rows") }
            if first.count == 5 {
                return CLVInputTable.whitespaceSeparated(
                    text, names: ["customer", "sample_id", "date", "cds", "amount"])
            }
            return probe
        }
        do {
            let csv = try InputFile.csv(input)
            return CLVInputTable(header: csv.header, rows: csv.rows.map(\.fields), lines: csv.rows.map(\.line))
        } catch {
            throw CommandError("\(error)")
        }
    }

    /// Customers and their RFM summary (from a summary file or a transaction log); with
    /// --calibration-end also the holdout behaviour.
    func summary() throws -> (customers: [String], data: CLVSummaryData, split: CLVTransactionLog.CalibrationHoldout?) {
        let table = try table()
        do {
            if resolvedFormat == .summary {
                let s = try table.summary()
                return (s.customers, s.data, nil)
            }
            let log = try table.transactionLog()
            let end = asOf.day ?? log.days.max()!
            if let calibration = calibrationEnd.flatMap({ CLVDate.parse($0) }) {
                let split = try log.calibrationHoldout(
                    calibrationEnd: calibration, observationEnd: end, daysPerPeriod: period.days)
                return (split.customers, split.calibration, split)
            }
            let s = try log.summary(observationEnd: end, daysPerPeriod: period.days)
            return (s.customers, s.data, nil)
        } catch {
            throw CommandError("\(input): \(error)")
        }
    }

    func bgbbData() throws -> BGBBData {
        let table = try table()
        do { return try table.bgbbData() } catch { throw CommandError("\(input): \(error)") }
    }

    func sbgCohorts() throws -> [(cohort: String, survivors: [Double])] {
        let table = try table()
        do { return try table.sbgCohorts() } catch { throw CommandError("\(input): \(error)") }
    }

    /// Model periods per month for discounting: from --period for transactions, weeks for summaries.
    var periodsPerMonth: Double { period.perMonth }
}
