import ArgumentParser
import BeaconAnalytics
import Foundation

extension CLVCommand {
    /// `beacon clv fit`: maximum-likelihood fit, printed as a table or JSON.
    struct Fit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fit a CLV model and print its parameters, standard errors and log-likelihood.",
            discussion: """
                Examples:
                  beacon clv fit --model bgnbd --input cdnow_customers_summary.csv
                  beacon clv fit --model pnbd --input CDNOW_master.txt --cdnow --calibration-end 1997-09-30 --as-of 1998-06-30
                  beacon clv fit --model sbg --input sbg_cohorts.csv --format json
                """)

        @OptionGroup var options: CLVInputOptions

        @Option(help: "Output: text (a table) or json.") var format: OutputFormat = .text
        var json: Bool { format == .json }

        func validate() throws { try format.check([.text, .json]) }

        func run() async throws {
            let reports = try CLVFitReport.fit(options)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                let value: any Encodable = reports.count == 1 ? reports[0] : reports
                print(String(decoding: try encoder.encode(value), as: UTF8.self))
            } else {
                print(reports.map(\.text).joined(separator: "\n"))
            }
        }
    }
}

/// What `clv fit` reports for one fitted model (one per cohort for sBG).
struct CLVFitReport: Encodable {
    struct Parameter: Encodable {
        var name: String
        var value: Double
        var standardError: Double?
    }

    struct Bucket: Encodable {
        var frequency: Int
        var customers: Int
        var actual: Double
        var expected: Double
    }

    var model: String
    var cohort: String?
    var customers: Double
    var parameters: [Parameter]
    var logLikelihood: Double
    var iterations: Int
    var converged: Bool
    /// What to know before trusting the fit (`CLVFitResult.caution`), in plain language.
    var caution: String?
    var method: String
    var calibrationVsHoldout: [Bucket]?

    init<M>(_ kind: CLVModelKind, _ fit: CLVFitResult<M>, cohort: String? = nil) {
        model = kind.rawValue
        self.cohort = cohort
        customers = fit.observations
        parameters = zip(fit.parameterNames, zip(fit.parameters, fit.standardErrors)).map {
            Parameter(name: $0.0, value: $0.1.0, standardError: $0.1.1.isFinite ? $0.1.1 : nil)
        }
        logLikelihood = fit.logLikelihood
        iterations = fit.iterations
        converged = fit.converged
        caution = fit.caution
        method = fit.method
    }

    static func fit(_ options: CLVInputOptions) throws -> [CLVFitReport] {
        switch options.model {
        case .bgbb:
            return [CLVFitReport(.bgbb, BGBBModel.fit(try options.bgbbData(), penalizer: options.penalizer))]
        case .sbg:
            return try options.sbgCohorts().map { cohort in
                do {
                    return CLVFitReport(
                        .sbg,
                        try ShiftedBetaGeometricModel.fit(survivors: cohort.survivors, penalizer: options.penalizer),
                        cohort: cohort.cohort)
                } catch { throw CommandError("\(options.input): cohort \(cohort.cohort): \(error)") }
            }
        case .gg:
            let (_, data, _) = try options.summary()
            do {
                return [CLVFitReport(.gg, try GammaGammaModel.fit(data, penalizer: options.penalizer))]
            } catch { throw CommandError("\(options.input): \(error)") }
        case .bgnbd, .mbgnbd, .pnbd:
            let (_, data, split) = try options.summary()
            func report(_ fit: CLVFitResult<some CLVTransactionModel>) -> CLVFitReport {
                var r = CLVFitReport(options.model, fit)
                if let split {
                    r.calibrationVsHoldout = CLVCalibrationComparison(model: fit.model, split: split).buckets.map {
                        Bucket(
                            frequency: $0.frequency, customers: $0.customers, actual: $0.actual, expected: $0.expected)
                    }
                }
                return r
            }
            switch options.model {
            case .mbgnbd: return [report(MBGNBDModel.fit(data, penalizer: options.penalizer))]
            case .pnbd: return [report(ParetoNBDModel.fit(data, penalizer: options.penalizer))]
            default: return [report(BGNBDModel.fit(data, penalizer: options.penalizer))]
            }
        }
    }

    var text: String {
        func f(_ v: Double) -> String { String(format: "%.6g", v) }
        var lines = ["model \(model)" + (cohort.map { "  cohort \($0)" } ?? "") + "  customers \(f(customers))"]
        lines.append("parameter       estimate     std. error")
        for p in parameters {
            lines.append(
                p.name.padding(toLength: 12, withPad: " ", startingAt: 0)
                    + f(p.value).leftPadded(13) + (p.standardError.map(f) ?? "n/a").leftPadded(15))
        }
        lines.append("log-likelihood  \(String(format: "%.4f", logLikelihood))")
        lines.append("iterations \(iterations)  converged \(converged ? "yes" : "no")  method \(method)")
        if let caution { lines.append("caution: \(caution)") }
        if let buckets = calibrationVsHoldout {
            lines.append("calibration vs holdout (mean repeat purchases per customer)")
            lines.append("frequency  customers     actual   expected")
            for b in buckets {
                lines.append(
                    String(b.frequency).leftPadded(9) + String(b.customers).leftPadded(11)
                        + String(format: "%.4f", b.actual).leftPadded(11)
                        + String(format: "%.4f", b.expected).leftPadded(11))
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
