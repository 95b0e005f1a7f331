import BeaconTestSupport
import Testing

@testable import BeaconAnalytics

@Suite("Generalized ESD", .computeBound)
struct GeneralizedESDTests {
    /// Rosner's (1983) 54 values as the NIST/SEMATECH e-Handbook §1.3.5.17.3 tabulates them.
    static let rosner: [Double] = [
        -0.25, 0.68, 0.94, 1.15, 1.20, 1.26, 1.26, 1.34, 1.38, 1.43, 1.49, 1.49, 1.55, 1.56, 1.58, 1.65, 1.69, 1.70,
        1.76, 1.77, 1.81, 1.91, 1.94, 1.96, 1.99, 2.06, 2.09, 2.10, 2.14, 2.15, 2.23, 2.24, 2.26, 2.35, 2.37, 2.40,
        2.47, 2.54, 2.62, 2.64, 2.90, 2.92, 2.92, 2.93, 3.21, 3.26, 3.30, 3.59, 3.68, 4.30, 4.64, 5.34, 5.42, 6.01,
    ]

    @Test("The NIST example: exactly 3 outliers, statistics and critical values as published (1e-3)")
    func nistExample() {
        let test = GeneralizedESD(Self.rosner, maxOutliers: 10, alpha: 0.05)
        // NIST's table: test statistic Rᵢ and critical value λᵢ for i = 1…10.
        let statistics = [3.118, 2.942, 3.179, 2.810, 2.815, 2.848, 2.279, 2.310, 2.101, 2.067]
        let criticals = [3.158, 3.151, 3.143, 3.136, 3.128, 3.120, 3.111, 3.103, 3.094, 3.085]
        #expect(test.steps.count == 10)
        for (step, (r, lambda)) in zip(test.steps, zip(statistics, criticals)) {
            #expect(abs(step.statistic - r) < 1e-3, "R = \(step.statistic), NIST \(r)")
            #expect(abs(step.critical - lambda) < 1e-3, "λ = \(step.critical), NIST \(lambda)")
        }
        #expect(test.outlierCount == 3)
        #expect(test.outliers.map { Self.rosner[$0] } == [6.01, 5.42, 5.34])
    }

    @Test("Student's t quantiles match tables")
    func studentT() {
        // t(0.975; 10) = 2.228139, t(0.995; 3) = 5.840909, t(0.95; 1) = 6.313752 (A&S Table 26.10).
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 10) - 2.228138852) < 1e-8)
        #expect(abs(StudentT.quantile(0.995, degreesOfFreedom: 3) - 5.840909310) < 1e-8)
        #expect(abs(StudentT.quantile(0.95, degreesOfFreedom: 1) - 6.313751515) < 1e-8)
        #expect(abs(StudentT.cdf(-2.228138852, degreesOfFreedom: 10) - 0.025) < 1e-10)
    }

    @Test("Too few or constant values give no outliers")
    func degenerate() {
        #expect(GeneralizedESD([1, 2, 3], maxOutliers: 2).outlierCount == 0)
        #expect(GeneralizedESD(Array(repeating: 4, count: 20), maxOutliers: 3).steps.isEmpty)
    }
}
