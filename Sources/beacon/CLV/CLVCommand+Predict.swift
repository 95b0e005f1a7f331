import ArgumentParser
import BeaconAnalytics
import BeaconCore
import Foundation

extension CLVCommand {
    /// `beacon clv predict`: fit, then one CSV row per customer (or per cohort and period for sBG).
    struct Predict: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fit a CLV model and write per-customer predictions as CSV.",
            discussion: """
                Transaction models (bgnbd, mbgnbd, pnbd): customer, frequency, recency, T, expected_purchases
                (next --horizon periods), p_alive, and with monetary values expected_value (Gamma-Gamma) and clv
                (discounted over --months at --discount-rate a month). bgbb: expected transactions in the next
                --horizon opportunities and p_alive. sbg: survival and retention per cohort for periods 1…--horizon.
                  beacon clv predict --model pnbd --input cdnow_customers_summary_with_transactions.csv --horizon 39
                """)

        @OptionGroup var options: CLVInputOptions

        @Option(help: "Prediction horizon in model periods (weeks/days, opportunities for bgbb, periods for sbg).")
        var horizon: Double = 39

        @Option(help: "Lifetime-value horizon in months.")
        var months: Int = 12

        @Option(help: "Monthly discount rate for the lifetime value.")
        var discountRate: Double = 0.01

        @Option(help: "Model periods per month for the lifetime value (default 4.345 for weeks, 30 for days).")
        var periodsPerMonth: Double?

        @Option(help: "Write the CSV here instead of standard output.")
        var output: String?

        func validate() throws {
            guard horizon > 0, horizon.isFinite else { throw ValidationError("--horizon must be positive") }
            guard months >= 0 else { throw ValidationError("--months must not be negative") }
            guard discountRate > -1, discountRate.isFinite else {
                throw ValidationError("--discount-rate must be greater than -1")
            }
            if let p = periodsPerMonth, !(p > 0 && p.isFinite) {
                throw ValidationError("--periods-per-month must be positive")
            }
            if options.model == .gg {
                throw ValidationError(
                    "--model gg predicts spend only together with a transaction model: use bgnbd, mbgnbd or pnbd")
            }
        }

        func run() async throws {
            var out = ""
            switch options.model {
            case .bgbb:
                let data = try options.bgbbData()
                let model = CLVCommand.judged(BGBBModel.fit(data, penalizer: options.penalizer))
                out = "row,frequency,recency,periods,expected_transactions,p_alive\n"
                for i in 0..<data.count {
                    let (x, tx, n) = (data.frequency[i], data.recency[i], data.periods[i])
                    out +=
                        "\(i + 1),\(x),\(tx),\(n),\(model.expectedTransactions(inNext: Int(horizon), frequency: x, recency: tx, periods: n)),\(model.probabilityAlive(frequency: x, recency: tx, periods: n))\n"
                }
            case .sbg:
                out = "cohort,period,survival,retention\n"
                for cohort in try options.sbgCohorts() {
                    let model: ShiftedBetaGeometricModel
                    do {
                        model = try ShiftedBetaGeometricModel.fit(
                            survivors: cohort.survivors, penalizer: options.penalizer
                        ).model
                    } catch {
                        throw CommandError("\(options.input): cohort \(cohort.cohort): \(error)")
                    }
                    for t in 1...max(1, Int(horizon)) {
                        out += "\(cohort.cohort),\(t),\(model.survival(t)),\(model.retentionRate(t))\n"
                    }
                }
            case .bgnbd, .mbgnbd, .pnbd, .gg:
                let (customers, data, _) = try options.summary()
                switch options.model {
                case .mbgnbd: out = try rows(CLVCommand.judged(MBGNBDModel.fit(data, penalizer: options.penalizer)), customers, data)
                case .pnbd:
                    out = try rows(CLVCommand.judged(ParetoNBDModel.fit(data, penalizer: options.penalizer)), customers, data)
                default: out = try rows(CLVCommand.judged(BGNBDModel.fit(data, penalizer: options.penalizer)), customers, data)
                }
            }
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: Data(out.utf8)) else {
                    throw CommandError("cannot write '\(output)'")
                }
            } else {
                print(out, terminator: "")
            }
        }

        private func rows(_ model: some CLVTransactionModel, _ customers: [String], _ data: CLVSummaryData) throws
            -> String
        {
            var spend: GammaGammaModel?
            if let money = data.monetaryValue, data.frequency.contains(where: { $0 > 0 }) {
                // Repeat buyers whose repeat purchases total 0 cannot enter the Gamma-Gamma fit
                // (its density needs z̄ > 0); they are left out of the fit but still scored.
                let keep = data.frequency.indices.filter { !(data.frequency[$0] > 0 && money[$0] <= 0) }
                if keep.count < data.count {
                    FileHandle.standardError.write(
                        Data(
                            "note: \(data.count - keep.count) repeat buyers with zero spend left out of the Gamma-Gamma fit\n"
                                .utf8))
                }
                do {
                    let spendData = try CLVSummaryData(
                        frequency: keep.map { data.frequency[$0] }, recency: keep.map { data.recency[$0] },
                        T: keep.map { data.T[$0] }, monetaryValue: keep.map { money[$0] })
                    spend = CLVCommand.judged(try GammaGammaModel.fit(spendData, penalizer: options.penalizer))
                } catch {
                    throw CommandError("\(options.input): \(error)")
                }
            }
            let perMonth = periodsPerMonth ?? options.periodsPerMonth
            var out =
                "customer,frequency,recency,T,expected_purchases,p_alive" + (spend == nil ? "" : ",expected_value,clv")
                + "\n"
            for i in 0..<data.count {
                let (x, tx, t) = (data.frequency[i], data.recency[i], data.T[i])
                out +=
                    "\(csvField(customers[i])),\(x),\(tx),\(t),\(model.expectedPurchases(in: horizon, frequency: x, recency: tx, T: t)),\(model.probabilityAlive(frequency: x, recency: tx, T: t))"
                if let spend, let m = data.monetaryValue?[i] {
                    let value = spend.expectedAverageValue(frequency: x, monetaryValue: m)
                    let clv = CustomerLifetimeValue.discounted(
                        model: model, frequency: x, recency: tx, T: t, averageValue: value,
                        months: months, monthlyDiscountRate: discountRate, periodsPerMonth: perMonth)
                    out += ",\(value),\(clv)"
                }
                out += "\n"
            }
            return out
        }

        private func csvField(_ s: String) -> String {
            CSVRecord.field(s)
        }
    }
}
