/// Churn risk for non-contractual customers: `1 − P(alive)` from a buy-till-you-die model.
///
/// Where nobody cancels (shops, donations) churn is unobserved, so there is no target to
/// train a classifier on; instead a model of repeat purchases is fitted to each customer's
/// frequency, recency and age, and the risk is the posterior probability that the customer
/// has already become inactive: BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers
/// the easy way", *Marketing Science* 24(2), the P(alive) expression), MBG/NBD (Batislam, Denizel & Filiztekin
/// 2007) or Pareto/NBD (Schmittlein, Morrison & Colombo 1987, *Management Science* 33(1); Fader, Hardie & Lee 2005
/// for the likelihood). The models themselves live in `CLV/`; this type only turns them into
/// churn scores that say which model produced them.
public enum BehaviouralChurn {
    /// The buy-till-you-die models that can score churn.
    public enum Model: String, Codable, Sendable, CaseIterable {
        case bgnbd
        case mbgnbd
        case pnbd
    }

    /// A fitted model and the churn risk of each customer of the summary it was fitted on.
    public struct Result: Sendable {
        public var model: Model
        public var parameterNames: [String]
        public var parameters: [Double]
        public var logLikelihood: Double
        public var converged: Bool
        /// `1 − P(alive)` per customer, in the order of the summary.
        public var risk: [Double]
    }

    /// Fits `model` to `data` and scores every customer.
    /// - Parameter penalizer: L2 penalty on the log-parameters (0 = plain maximum likelihood).
    public static func score(_ data: CLVSummaryData, model: Model, penalizer: Double = 0) -> Result {
        switch model {
        case .bgnbd: return result(BGNBDModel.fit(data, penalizer: penalizer), model, data)
        case .mbgnbd: return result(MBGNBDModel.fit(data, penalizer: penalizer), model, data)
        case .pnbd: return result(ParetoNBDModel.fit(data, penalizer: penalizer), model, data)
        }
    }

    /// The churn risk of every customer of `data` under an already fitted `model`.
    public static func risk(_ data: CLVSummaryData, model: some CLVTransactionModel) -> [Double] {
        model.probabilityAlive(for: data).map { 1 - $0 }
    }

    private static func result<M: CLVTransactionModel>(_ fit: CLVFitResult<M>, _ kind: Model, _ data: CLVSummaryData)
        -> Result
    {
        Result(
            model: kind, parameterNames: fit.parameterNames, parameters: fit.parameters,
            logLikelihood: fit.logLikelihood, converged: fit.converged, risk: risk(data, model: fit.model))
    }
}
