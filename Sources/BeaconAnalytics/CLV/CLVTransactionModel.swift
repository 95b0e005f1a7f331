/// A fitted buy-till-you-die model of repeat transactions in continuous time (BG/NBD,
/// MBG/NBD, Pareto/NBD): the predictions every such model offers, per customer history
/// (x = frequency, t_x = recency, T = age, all in the time unit the model was fitted in).
public protocol CLVTransactionModel: Sendable {
    /// log L(x, t_x, T), one customer's log-likelihood.
    func logLikelihood(frequency: Double, recency: Double, T: Double) -> Double
    /// E[Y(t) | x, t_x, T]: expected purchases in (T, T + t] for a customer with this history.
    func expectedPurchases(in t: Double, frequency: Double, recency: Double, T: Double) -> Double
    /// P(alive | x, t_x, T): probability the customer is still active at T.
    func probabilityAlive(frequency: Double, recency: Double, T: Double) -> Double
    /// E[X(t)]: expected purchases in (0, t] for a new customer (unconditional).
    func expectedPurchasesNewCustomer(in t: Double) -> Double
    /// P(X(t) = n): probability a new customer makes exactly n purchases in (0, t].
    func probabilityOfPurchases(_ n: Int, in t: Double) -> Double
}

extension CLVTransactionModel {
    /// Σ wᵢ log Lᵢ over a summary.
    public func logLikelihood(_ data: CLVSummaryData) -> Double {
        var s = 0.0
        for i in 0..<data.count {
            s += data.weights[i] * logLikelihood(frequency: data.frequency[i], recency: data.recency[i], T: data.T[i])
        }
        return s
    }

    /// ``expectedPurchases(in:frequency:recency:T:)`` for every customer of `data`, computed once
    /// per distinct (x, t_x, T) history.
    public func expectedPurchases(in t: Double, for data: CLVSummaryData) -> [Double] {
        let (unique, index) = data.deduplicated()
        let values = (0..<unique.count).map {
            expectedPurchases(in: t, frequency: unique.frequency[$0], recency: unique.recency[$0], T: unique.T[$0])
        }
        return index.map { values[$0] }
    }

    /// ``probabilityAlive(frequency:recency:T:)`` for every customer of `data`, computed once per
    /// distinct history.
    public func probabilityAlive(for data: CLVSummaryData) -> [Double] {
        let (unique, index) = data.deduplicated()
        let values = (0..<unique.count).map {
            probabilityAlive(frequency: unique.frequency[$0], recency: unique.recency[$0], T: unique.T[$0])
        }
        return index.map { values[$0] }
    }
}
