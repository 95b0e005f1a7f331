import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

@Suite("CLV fits say when not to trust them", .computeBound)
struct CLVFitCautionTests {
    static func result(converged: Bool, errors: [Double]) -> CLVFitResult<Int> {
        CLVFitResult(
            model: 0, parameterNames: ["r", "alpha", "a", "b"], parameters: [0.24, 4.41, 1.4e-9, 602_930],
            standardErrors: errors, logLikelihood: -9_582.4, iterations: 200, converged: converged, method: "BFGS",
            observations: 2_357)
    }

    @Test("An unconverged fit names its parameters and says its predictions are not reliable; a flat optimum says so; a clean fit says nothing")
    func caution() {
        let stuck = Self.result(converged: false, errors: [0.01, 0.3, .nan, .nan])
        #expect(stuck.caution?.contains("did not converge") == true)
        #expect(stuck.caution?.contains("a = 1.4e-09") == true && stuck.caution?.contains("b = 6.029e+05") == true)
        #expect(Self.result(converged: true, errors: [0.01, 0.3, .nan, 2]).caution?.contains("flat or on a boundary") == true)
        #expect(Self.result(converged: true, errors: [0.01, 0.3, 0.2, 2]).caution == nil)
    }

    @Test("The published CDNOW BG/NBD fit (Fader, Hardie & Lee 2005) converges and carries no caution",
          .enabled(if: SharedData.available, "needs ../shared/datasets"))
    func cdnow() throws {
        let fit = BGNBDModel.fit(try CLVTestData.cdnowSummary())
        #expect(fit.converged)
        #expect(fit.caution == nil)
    }
}
