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

extension CLVFitResult {
    /// What a person should know before trusting the fit, in plain language; nil when nothing.
    ///
    /// An unconverged fit (parameters driven to the edge, e.g. a = 1.4e-9, b = 602,930) means the
    /// data do not identify the model: its predictions are an artefact of where the optimiser
    /// stopped. Standard errors that cannot be computed mean the optimum is flat or on a boundary.
    public var caution: String? {
        let values = zip(parameterNames, parameters).map { "\($0) = \(String(format: "%.4g", $1))" }.joined(separator: ", ")
        if !converged {
            return "the fit did not converge (\(values)): the data do not identify this model, so its predictions are not reliable; "
                + "try more customers, a longer observation period or a --penalizer"
        }
        if standardErrors.contains(where: { !$0.isFinite }) {
            return "some standard errors cannot be computed (the optimum is flat or on a boundary): read the parameters with care"
        }
        return nil
    }
}
