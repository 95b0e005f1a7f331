/// The outcome of a numerical minimisation: where it stopped, the value there and how it got there.
///
/// Returned by ``NelderMead/minimize(_:from:options:)`` and ``BFGS/minimize(_:gradient:from:options:)``.
/// `converged` is true only when the optimiser's own stopping test passed; a run that hit its
/// iteration limit or could not make progress still returns its best point with `converged == false`.
public struct MinimizationResult: Sendable, Equatable {
    /// The best point found.
    public var point: [Double]
    /// The objective at `point`.
    public var value: Double
    /// Iterations taken (simplex steps for Nelder–Mead, quasi-Newton steps for BFGS).
    public var iterations: Int
    /// Objective evaluations, including those spent on numerical gradients.
    public var evaluations: Int
    /// Whether the stopping test passed (rather than the iteration limit or a failed line search).
    public var converged: Bool

    public init(point: [Double], value: Double, iterations: Int, evaluations: Int, converged: Bool) {
        self.point = point
        self.value = value
        self.iterations = iterations
        self.evaluations = evaluations
        self.converged = converged
    }
}
