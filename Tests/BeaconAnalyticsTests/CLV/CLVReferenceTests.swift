import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

/// Every CLV model fitted to its published data set, checked against ../shared/reference/README.md.
@Suite("CLV published estimates", .computeBound, .enabled(if: SharedData.available, "needs ../shared/datasets"))
struct CLVReferenceTests {
    @Test func mbgnbdOnCDNOW() throws {
        let fit = MBGNBDModel.fit(try CLVTestData.cdnowSummary())
        #expect(fit.converged)
        for (got, want) in zip(fit.parameters, [0.525, 6.183, 0.891, 1.614]) {
            #expect(CLVTestData.matchesPublished(got, want, decimals: 3), "\(got) vs \(want)")
        }
        #expect(abs(fit.logLikelihood - -9582.13) < 0.01, "\(fit.logLikelihood)")
    }

    @Test func paretoNBDOnCDNOW() throws {
        let fit = ParetoNBDModel.fit(try CLVTestData.cdnowSummary())
        #expect(fit.converged)
        // The surface is flat: parameters to 2 significant digits, the log-likelihood to 0.01.
        for (got, want) in zip(fit.parameters, [0.553, 10.578, 0.606, 11.669]) {
            #expect(CLVTestData.relative(got, want) < 0.01, "\(got) vs \(want)")
        }
        #expect(abs(fit.logLikelihood - -9594.97) < 0.01, "\(fit.logLikelihood)")
    }

    @Test func gammaGammaOnCDNOWRepeatBuyers() throws {
        let c = try CLVTestData.columns("cdnow/cdnow_customers_summary_with_transactions.csv")
        let data = try CLVSummaryData(frequency: c["x"]!, recency: c["t_x"]!, T: c["T"]!, monetaryValue: c["zbar"]!)
        let fit = try GammaGammaModel.fit(data)
        #expect(fit.observations == 946)
        #expect(fit.converged)
        for (got, want) in zip(fit.parameters, [6.25, 3.74, 15.44]) {
            #expect(CLVTestData.matchesPublished(got, want, decimals: 2), "\(got) vs \(want)")
        }
        #expect(abs(fit.logLikelihood - -4055.92) < 0.01, "\(fit.logLikelihood)")
    }

    @Test func bgbbOnDonorCohortBothFileShapes() throws {
        let patterns = try CLVTestData.columns("cdnow/donations.csv")
        let weighted = try BGBBData(
            frequency: patterns["frequency"]!, recency: patterns["recency"]!,
            periods: patterns["periods"]!, weights: patterns["weights"]!)
        let donors = try CLVTestData.columns("cdnow/bgbb_donations.csv")
        let perDonor = try BGBBData(frequency: donors["frequency"]!, recency: donors["recency"]!, periods: donors["T"]!)
        for data in [weighted, perDonor] {
            let fit = BGBBModel.fit(data)
            #expect(fit.converged)
            #expect(fit.observations == 11104)
            for (got, want) in zip(fit.parameters, [1.204, 0.750, 0.657, 2.783]) {
                #expect(CLVTestData.matchesPublished(got, want, decimals: 3), "\(got) vs \(want)")
            }
            #expect(abs(fit.logLikelihood - -33225.58) < 0.01, "\(fit.logLikelihood)")
        }
    }

    @Test(arguments: [("highend", 0.668, 3.806), ("regular", 0.704, 1.182)])
    func sbgOnRetentionCohorts(cohort: String, alpha: Double, beta: Double) throws {
        let text = try String(contentsOfFile: SharedData.dataset("cdnow/sbg_cohorts.csv"), encoding: .utf8)
        var recency: [Double] = [], horizon: [Double] = []
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: ",")
            if f[3] == cohort { recency.append(Double(f[1])!); horizon.append(Double(f[2])!) }
        }
        let survivors = try ShiftedBetaGeometricModel.survivors(recency: recency, T: horizon)
        let published =
            cohort == "highend"
            ? [1000.0, 869, 743, 653, 593, 551, 517, 491] : [1000.0, 631, 468, 382, 326, 289, 262, 241]
        #expect(survivors == published)
        let fit = try ShiftedBetaGeometricModel.fit(survivors: survivors)
        #expect(fit.converged)
        #expect(CLVTestData.matchesPublished(fit.parameters[0], alpha, decimals: 3), "\(fit.parameters)")
        #expect(CLVTestData.matchesPublished(fit.parameters[1], beta, decimals: 3), "\(fit.parameters)")
    }
}
