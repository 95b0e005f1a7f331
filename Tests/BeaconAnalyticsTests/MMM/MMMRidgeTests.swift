import BeaconTestSupport
import Testing

@testable import BeaconAnalytics

/// The non-negative ridge against the normal equations solved directly.
@Suite(.computeBound) struct MMMRidgeTests {
    private let n = 60
    private var trend: [Double] { (0..<n).map { Double($0) / 59 } }
    private var mediaA: [Double] { (0..<n).map { 1 + Double.sin(Double($0) * 0.7) } }
    private var mediaB: [Double] { (0..<n).map { 1 + Double.cos(Double($0) * 1.3) * 0.5 } }

    @Test func smallPenaltyMatchesLeastSquares() throws {
        // y = 3 + 2·trend + 4·A + 1·B + tiny deterministic wiggle.
        let (tr, a, b) = (trend, mediaA, mediaB)
        let y = (0..<n).map { t -> Double in
            let wiggle = 0.01 * Double.sin(Double(t * t))
            return 3 + 2 * tr[t] + 4 * a[t] + b[t] + wiggle
        }
        let ridge = MMMRidge(baselineColumns: [trend], rows: 0..<n)
        let fit = try #require(ridge.fit(mediaColumns: [mediaA, mediaB], y: y, lambda: 1e-10))
        // Ordinary least squares by the normal equations on [1, trend, A, B].
        var x = Matrix(rows: n, columns: 4)
        for t in 0..<n { (x[t, 0], x[t, 1], x[t, 2], x[t, 3]) = (1, trend[t], mediaA[t], mediaB[t]) }
        let beta = try #require((x.transposed * x).solve(x.transposed * y))
        #expect(abs(fit.intercept - beta[0]) < 1e-6)
        #expect(abs(fit.baseline[0] - beta[1]) < 1e-6)
        #expect(abs(fit.media[0] - beta[2]) < 1e-6)
        #expect(abs(fit.media[1] - beta[3]) < 1e-6)
    }

    @Test func mediaCoefficientsStayNonNegative() throws {
        // B truly hurts (−1.5): the constrained fit pins it at 0 and refits the rest, which
        // equals least squares without B.
        let (tr, a, b) = (trend, mediaA, mediaB)
        let y = (0..<n).map { t -> Double in 3 + 2 * tr[t] + 4 * a[t] - 1.5 * b[t] }
        let ridge = MMMRidge(baselineColumns: [trend], rows: 0..<n)
        let fit = try #require(ridge.fit(mediaColumns: [mediaA, mediaB], y: y, lambda: 1e-10))
        #expect(fit.media[1] == 0)
        let without = try #require(ridge.fit(mediaColumns: [mediaA], y: y, lambda: 1e-10))
        #expect(abs(fit.media[0] - without.media[0]) < 1e-9)
        #expect(abs(fit.intercept - without.intercept) < 1e-9)
        // A larger penalty shrinks the standardised coefficients towards 0.
        let shrunk = try #require(ridge.fit(mediaColumns: [mediaA, mediaB], y: y, lambda: 1))
        #expect(shrunk.media[0] < fit.media[0])
    }
}
