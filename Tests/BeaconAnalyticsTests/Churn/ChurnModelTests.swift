import BeaconTestSupport
import Foundation
import Testing

@testable import BeaconAnalytics

@Suite("Churn models", .computeBound)
struct ChurnModelTests {
    @Test("Unpenalised logistic regression on one binary feature recovers the two group log-odds")
    func logisticClosedForm() {
        // x = 0: 1 of 4 churn → b = ln(1/3); x = 1: 3 of 4 churn → b + w = ln 3.
        let x = Matrix([[0], [0], [0], [0], [1], [1], [1], [1]])
        let y: [Double] = [1, 0, 0, 0, 1, 1, 1, 0]
        let model = ChurnLogisticRegression.fit(x: x, y: y, l2: 0)
        #expect(model.converged)
        #expect(abs(model.intercept - log(1.0 / 3)) < 1e-9)
        #expect(abs(model.intercept + model.coefficients[0] - log(3.0)) < 1e-9)
    }

    @Test("Unpenalised fit on a full one-hot encoding (singular XᵀWX) still matches the group rates")
    func logisticCollinear() {
        // Columns level=A, level=B sum to the intercept column; rates: A 1 of 4, B 3 of 4.
        let x = Matrix([[1, 0], [1, 0], [1, 0], [1, 0], [0, 1], [0, 1], [0, 1], [0, 1]])
        let y: [Double] = [1, 0, 0, 0, 1, 1, 1, 0]
        let model = ChurnLogisticRegression.fit(x: x, y: y, l2: 0)
        let p = model.probabilities(x)
        #expect(abs(p[0] - 0.25) < 1e-6 && abs(p[7] - 0.75) < 1e-6)
    }

    @Test("Penalised fit satisfies the optimality conditions Xᵀ(μ − y) + λw = 0")
    func logisticStationary() {
        var rng = Xoshiro256StarStar(seed: 3)
        let n = 400
        var x = Matrix(rows: n, columns: 3)
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            for j in 0..<3 { x[i, j] = rng.nextDouble() * 2 - 1 }
            let eta = 0.5 + 2 * x[i, 0] - x[i, 1]
            y[i] = rng.nextDouble() < ChurnLogisticRegression.sigmoid(eta) ? 1 : 0
        }
        let lambda = 2.5
        let model = ChurnLogisticRegression.fit(x: x, y: y, l2: lambda, threads: 2)
        var gradient = [0.0, 0, 0, 0]
        for i in 0..<n {
            let r = ChurnLogisticRegression.sigmoid(model.linearPredictor(x, row: i)) - y[i]
            gradient[0] += r
            for j in 0..<3 { gradient[j + 1] += r * x[i, j] }
        }
        for j in 0..<3 { gradient[j + 1] += lambda * model.coefficients[j] }
        #expect(gradient.allSatisfy { abs($0) < 1e-8 })
        #expect(model.coefficients[0] > 1 && model.coefficients[1] < -0.3)
    }

    @Test("Boosted trees learn a threshold rule and their path contributions add up to the score")
    func boostedStep() {
        var rng = Xoshiro256StarStar(seed: 11)
        let n = 600
        var x = Matrix(rows: n, columns: 2)
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            x[i, 0] = rng.nextDouble()
            x[i, 1] = rng.nextDouble()
            y[i] = x[i, 0] > 0.6 ? 1 : 0
        }
        var options = ChurnBoostedTrees.Options()
        options.earlyStopping = false
        options.maxIterations = 30
        let model = ChurnBoostedTrees.fit(x: x, y: y, options: options)
        #expect(model.trees.count == 30)
        #expect(ChurnMetrics.rocAUC(scores: model.probabilities(x), labels: y) == 1)
        #expect(model.featureGain[0] > 100 * model.featureGain[1])
        for i in [0, 17, 599] {
            let (bias, contributions) = model.contributions(x, row: i)
            #expect(abs(bias + contributions.reduce(0, +) - model.rawScore(x, row: i)) < 1e-9)
        }
    }

    @Test("Fits are identical whatever the thread count (fixed chunking of the row passes)")
    func threadIndependence() {
        var rng = Xoshiro256StarStar(seed: 5)
        let n = 40_000
        var x = Matrix(rows: n, columns: 3)
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            for j in 0..<3 { x[i, j] = rng.nextDouble() }
            y[i] = rng.nextDouble() < x[i, 0] * x[i, 1] + 0.2 * x[i, 2] ? 1 : 0
        }
        let one = ChurnLogisticRegression.fit(x: x, y: y, threads: 1)
        let two = ChurnLogisticRegression.fit(x: x, y: y, threads: 2)
        #expect(one.coefficients == two.coefficients && one.intercept == two.intercept)
        var options = ChurnBoostedTrees.Options()
        options.maxIterations = 4
        options.earlyStopping = false
        let serial = ChurnBoostedTrees.fit(x: x, y: y, options: options)
        options.threads = 2
        let parallel = ChurnBoostedTrees.fit(x: x, y: y, options: options)
        #expect(serial.trees.map(\.value) == parallel.trees.map(\.value))
        #expect(serial.trees.map(\.feature) == parallel.trees.map(\.feature))
    }

    @Test("Early stopping waits `patience` rounds without a `tolerance` improvement")
    func earlyStoppingRule() {
        #expect(!ChurnBoostedTrees.shouldStop([0.6, 0.5, 0.4], patience: 2, tolerance: 1e-7))
        #expect(ChurnBoostedTrees.shouldStop([0.6, 0.5, 0.5, 0.5], patience: 2, tolerance: 1e-7))
        #expect(!ChurnBoostedTrees.shouldStop([0.6, 0.5, 0.5, 0.49], patience: 2, tolerance: 1e-7))
        #expect(!ChurnBoostedTrees.shouldStop([0.6, 0.5], patience: 2, tolerance: 1e-7))
    }
}
