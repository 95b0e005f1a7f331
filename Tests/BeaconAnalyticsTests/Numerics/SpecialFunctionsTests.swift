import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

@Suite("Special functions", .computeBound)
struct SpecialFunctionsTests {
    @Test func logBetaMatchesClosedForms() {
        // B(1, b) = 1/b, B(2, 3) = 1/12, B(½, ½) = π.
        #expect(abs(SpecialFunctions.logBeta(1, 4) - log(0.25)) < 1e-14)
        #expect(abs(SpecialFunctions.logBeta(2, 3) - log(1.0 / 12)) < 1e-14)
        #expect(abs(SpecialFunctions.logBeta(0.5, 0.5) - log(Double.pi)) < 1e-14)
        #expect(SpecialFunctions.logBeta(-1, 2).isNaN)
    }

    @Test func digammaKnownValues() {
        // ψ(1) = −γ (Euler–Mascheroni), ψ(½) = −γ − 2 log 2, ψ(x+1) = ψ(x) + 1/x.
        let euler = 0.57721566490153286
        #expect(abs(SpecialFunctions.digamma(1) + euler) < 1e-14)
        #expect(abs(SpecialFunctions.digamma(0.5) - (-euler - 2 * log(2.0))) < 1e-14)
        #expect(abs(SpecialFunctions.digamma(100.5) - SpecialFunctions.digamma(99.5) - 1 / 99.5) < 1e-13)
        #expect(SpecialFunctions.digamma(0).isNaN)
    }

    @Test func logBinomialAndLogSums() {
        #expect(abs(SpecialFunctions.logBinomial(10, 3) - log(120)) < 1e-12)
        #expect(SpecialFunctions.logBinomial(3, 4) == -.infinity)
        #expect(abs(SpecialFunctions.logAddExp(log(2), log(3)) - log(5)) < 1e-15)
        #expect(abs(SpecialFunctions.logAddExp(1000, 1000) - (1000 + log(2))) < 1e-12)
        #expect(abs(SpecialFunctions.logSumExp([log(1), log(2), log(3)]) - log(6)) < 1e-15)
        #expect(abs(SpecialFunctions.logSubExp(log(5), log(3)) - log(2)) < 1e-15)
        #expect(SpecialFunctions.logSumExp([]) == -.infinity)
    }

    @Test(arguments: [0.1, 0.5, 0.89, 0.91, 0.99, 0.999999])
    func hypergeometricClosedForms(z: Double) {
        // ₂F₁(1, 1; 2; z) = −log(1 − z)/z (A&S 15.1.3).
        let f1 = SpecialFunctions.logHypergeometric2F1(a: 1, b: 1, c: 2, z: z)
        #expect(abs(f1 - log(-log1p(-z) / z)) < 1e-10)
        // ₂F₁(a, b; b; z) = (1 − z)^(−a) (A&S 15.1.8), here with c − a − b < 0 (Euler branch).
        // Here c ≤ min(a, b): only the series applies, documented accurate up to z = 0.99.
        if z <= 0.99 {
            let f2 = SpecialFunctions.logHypergeometric2F1(a: 2.5, b: 1.7, c: 1.7, z: z)
            #expect(abs(f2 - (-2.5 * log1p(-z))) < 1e-10)
        }
        // ₂F₁(½, ½; 3/2; z²) = arcsin(z)/z (A&S 15.1.6), with z ↦ √z.
        let s = z.squareRoot()
        let f3 = SpecialFunctions.logHypergeometric2F1(a: 0.5, b: 0.5, c: 1.5, z: z)
        #expect(abs(f3 - log(asin(s) / s)) < 1e-10)
    }

    @Test func hypergeometricLargeArgumentsStayFinite() {
        // The Pareto/NBD case ₂F₁(r+s+x, s+1; r+s+x+1; z) for x = 500: the value overflows a
        // Double (≈ e^900) but its logarithm is finite and agrees between the series (z ≤ 0.9)
        // and integral (z > 0.9) branches at their boundary.
        let a = 0.55 + 0.6 + 500, b = 1.6, c = a + 1
        let below = SpecialFunctions.logHypergeometric2F1(a: a, b: b, c: c, z: 0.9 - 1e-12)
        let above = SpecialFunctions.logHypergeometric2F1(a: a, b: b, c: c, z: 0.9 + 1e-12)
        #expect(below.isFinite && above.isFinite)
        #expect(abs(below - above) < 1e-9)
        // Tiny parameters make Euler's integrand nearly t^(−1): the quadrature must reach far enough
        // into the end point (the Pareto/NBD near r, s → 0).
        let tinyBelow = SpecialFunctions.logHypergeometric2F1(a: 0.002, b: 0.001, c: 1.002, z: 0.9 - 1e-12)
        let tinyAbove = SpecialFunctions.logHypergeometric2F1(a: 0.002, b: 0.001, c: 1.002, z: 0.9 + 1e-12)
        #expect(abs(tinyBelow - tinyAbove) < 1e-9)
        #expect(tinyAbove > 0 && tinyAbove < 1e-5)
        // ₂F₁(500, b; b; 0.95) = 0.05^(−500) ≈ e^1498 overflows a Double; its log does not.
        let huge = SpecialFunctions.logHypergeometric2F1(a: 500, b: 1.7, c: 1.7, z: 0.95)
        #expect(abs(huge - -500 * log(0.05)) < 1e-8 * 1498)
        // Gauss's sum at the same parameters approached from below: F(a,b;c;z) ~ (1−z)^(c−a−b)·Γ(c)Γ(a+b−c)/(Γ(a)Γ(b)).
        let z = 1 - 1e-9
        let asymptote = -0.6 * log1p(-z) + lgamma(c) + lgamma(0.6) - lgamma(a) - lgamma(b)
        #expect(abs(SpecialFunctions.logHypergeometric2F1(a: a, b: b, c: c, z: z) - asymptote) < 1e-3)
    }

    @Test func hypergeometricOutsideDomainIsNaN() {
        #expect(SpecialFunctions.logHypergeometric2F1(a: 1, b: 1, c: 2, z: 1).isNaN)
        #expect(SpecialFunctions.logHypergeometric2F1(a: -1, b: 1, c: 2, z: 0.5).isNaN)
        #expect(SpecialFunctions.logHypergeometric2F1(a: 1, b: 1, c: 2, z: 0) == 0)
    }

    @Test func tanhSinhHandlesEndpointSingularities() {
        // ∫₀¹ t^(−½) dt = 2; ∫₀¹ log-space t^(−0.7)(1−t)^(−0.4) = B(0.3, 0.6).
        #expect(abs(TanhSinhQuadrature.integrate({ 1 / $0.squareRoot() }, from: 0, to: 1) - 2) < 1e-12)
        #expect(abs(TanhSinhQuadrature.integrate({ exp(-$0) }, from: 0, to: 3) - (1 - exp(-3))) < 1e-13)
        let logB = TanhSinhQuadrature.logIntegralOnUnitInterval(
            { _, lt, l1 in -0.7 * lt - 0.4 * l1 }, endpointExponent: 0.3)
        #expect(abs(logB - SpecialFunctions.logBeta(0.3, 0.6)) < 1e-10)
    }
}
