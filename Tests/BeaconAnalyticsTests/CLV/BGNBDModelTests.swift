import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

@Suite("BG/NBD", .computeBound)
struct BGNBDModelTests {
    /// The published CDNOW estimates (Fader, Hardie & Lee 2005).
    static let published = BGNBDModel(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)

    @Test(.enabled(if: SharedData.available, "needs ../shared/datasets"))
    func fitReproducesPublishedCDNOWEstimates() throws {
        let fit = BGNBDModel.fit(try CLVTestData.cdnowSummary())
        #expect(fit.converged)
        for (got, want) in zip(fit.parameters, Self.published.parameters) {
            #expect(CLVTestData.matchesPublished(got, want, decimals: 3), "\(got) vs \(want)")
        }
        #expect(abs(fit.logLikelihood - -9582.43) < 0.01)
        #expect(fit.observations == 2357)
        #expect(fit.standardErrors.allSatisfy { $0 > 0 && $0.isFinite })
    }

    @Test func workedExampleCustomerOne() {
        // FHL 2005 §4: customer 1 (x = 2, t_x = 30.43, T = 38.86) expects 1.226 purchases in the next 39 weeks.
        let m = Self.published
        let e = m.expectedPurchases(in: 39, frequency: 2, recency: 30.43, T: 38.86)
        #expect(abs(e - 1.226) < 0.0005)
    }
}
