import RealModule

/// Maximum-likelihood estimation over log-parameters, shared by every CLV model.
///
/// All CLV parameters are positive, so the optimiser works on φ = log θ and never leaves the
/// valid region; they are confined to [1e-10, 1e10], where log-gamma differences are still
/// accurate (a fit that ends beyond 1e±8 is reported unconverged: the data do not identify the model). The objective is lifetimes' (0.11.3): the mean negative log-likelihood plus an
/// L2 penalty on the natural parameters, −Σwᵢ log Lᵢ(θ)/Σwᵢ + c·Σθⱼ², so a given
/// `penalizer` means the same here as lifetimes' `penalizer_coef`. BFGS runs first, with the
/// model's analytic gradient when it has one (BG/NBD, Gamma-Gamma), central differences otherwise; if it does not converge, Nelder–Mead restarts from the better of its
/// end point and the start, and BFGS polishes the result. Standard errors: see ``CLVFitResult``.
enum CLVMaximumLikelihood {
    /// Fits and packages the result.
    /// - Parameters:
    ///   - names: parameter names in order.
    ///   - start: starting natural parameters (positive).
    ///   - totalWeight: Σ wᵢ, the number of customers.
    ///   - penalizer: the L2 coefficient c ≥ 0.
    ///   - logLikelihood: Σ wᵢ log Lᵢ(θ) for natural parameters θ (NaN or −∞ where invalid).
    ///   - makeModel: builds the model from natural parameters.
    static func fit<Model: Sendable>(
        names: [String], start: [Double], totalWeight: Double, penalizer: Double,
        logLikelihood: ([Double]) -> Double,
        gradient: (([Double]) -> [Double])? = nil,
        makeModel: ([Double]) -> Model
    ) -> CLVFitResult<Model> {
        func objective(_ phi: [Double]) -> Double {
            // Beyond e^±23 (1e±10) log-gamma differences lose all precision and a likelihood can
            // look better than it is; such parameters mean the data cannot identify the model.
            if phi.contains(where: { abs($0) > 23 }) { return .infinity }
            let theta = phi.map { Double.exp($0) }
            let ll = logLikelihood(theta)
            guard ll.isFinite else { return .infinity }
            return -ll / totalWeight + penalizer * theta.reduce(0) { $0 + $1 * $1 }
        }
        let phi0 = start.map { Double.log($0) }
        // ∂objective/∂φⱼ = −θⱼ·∂ΣwLL/∂θⱼ / Σw + 2c·θⱼ² (chain rule through θ = e^φ).
        func objectiveGradient(_ phi: [Double]) -> [Double] {
            let theta = phi.map { Double.exp($0) }
            let g = gradient!(theta)
            return theta.indices.map { -theta[$0] * g[$0] / totalWeight + 2 * penalizer * theta[$0] * theta[$0] }
        }
        var best =
            gradient == nil
            ? BFGS.minimize(objective, from: phi0) : BFGS.minimize(objective, gradient: objectiveGradient, from: phi0)
        var iterations = best.iterations
        var method = "BFGS"
        if !best.converged || !best.value.isFinite {
            let from = best.value.isFinite && best.value < objective(phi0) ? best.point : phi0
            let simplex = NelderMead.minimize(objective, from: from, options: .init(maxIterations: 4000))
            iterations += simplex.iterations
            let polished =
                gradient == nil
                ? BFGS.minimize(objective, from: simplex.point)
                : BFGS.minimize(objective, gradient: objectiveGradient, from: simplex.point)
            iterations += polished.iterations
            let candidate = polished.value <= simplex.value ? polished : simplex
            if candidate.value < best.value || !best.value.isFinite {
                best = candidate
                best.converged = polished.converged || simplex.converged
                method = "Nelder-Mead"
            }
        }
        // An estimate pressed against the parameter box is not a maximum the data identify.
        if best.point.contains(where: { abs($0) > 18 }) { best.converged = false }
        let theta = best.point.map { Double.exp($0) }
        let hessian: Matrix
        if gradient != nil {
            // Central differences of the analytic gradient: 2n gradient calls instead of 2n² + 1 values.
            let n = best.point.count
            var h = Matrix(rows: n, columns: n)
            var probe = best.point
            for j in 0..<n {
                let step = 1.220703125e-04 * max(abs(best.point[j]), 1)
                probe[j] = best.point[j] + step
                let up = objectiveGradient(probe)
                probe[j] = best.point[j] - step
                let down = objectiveGradient(probe)
                probe[j] = best.point[j]
                for i in 0..<n { h[i, j] = (up[i] - down[i]) / (2 * step) * totalWeight }
            }
            for i in 0..<n { for j in 0..<i { h[i, j] = (h[i, j] + h[j, i]) / 2; h[j, i] = h[i, j] } }
            hessian = h
        } else {
            hessian = NumericalDerivatives.hessian({ objective($0) * totalWeight }, at: best.point)
        }
        var errors = [Double](repeating: .nan, count: theta.count)
        if hessian.cholesky() != nil, let inverse = hessian.inverse {
            for i in theta.indices where inverse[i, i] > 0 { errors[i] = theta[i] * inverse[i, i].squareRoot() }
        }
        return CLVFitResult(
            model: makeModel(theta), parameterNames: names, parameters: theta, standardErrors: errors,
            logLikelihood: logLikelihood(theta), iterations: iterations, converged: best.converged, method: method,
            observations: totalWeight)
    }
}
