/// A fitted CLV model with the diagnostics of its maximum-likelihood fit.
///
/// `logLikelihood` is the full weighted sum Σ wᵢ·log Lᵢ at the estimate, without the penalty,
/// comparable to the published values. `standardErrors` come from the inverse Hessian of the
/// (penalised) negative log-likelihood at the optimum (the observed information), computed over
/// log-parameters and mapped by the delta method: se(θ) = θ·√[(H⁻¹)ᵢᵢ]. They are NaN when
/// the Hessian is not positive definite (a boundary or flat optimum).
public struct CLVFitResult<Model: Sendable>: Sendable {
    public var model: Model
    public var parameterNames: [String]
    public var parameters: [Double]
    public var standardErrors: [Double]
    public var logLikelihood: Double
    /// Optimiser iterations (BFGS plus any Nelder–Mead fallback).
    public var iterations: Int
    public var converged: Bool
    /// "BFGS" or "Nelder-Mead" (when the fallback produced the estimate).
    public var method: String
    /// Number of customers (Σ weights) the model was fitted on.
    public var observations: Double
}

extension CLVFitResult: Equatable where Model: Equatable {}
