import RealModule

/// Customer lifetime value as discounted expected future spend, in the form lifetimes uses.
///
/// lifetimes 0.11.3 `GammaGammaFitter.customer_lifetime_value` / `utils._customer_lifetime_value`
/// (after Fader, Hardie & Lee 2005b, "RFM and CLV: using iso-value curves", eq. 2 in discrete
/// time): CLV = Σ_{i=1}^{months} v·(E[Y(i·k)] − E[Y((i−1)·k)]) / (1 + d)^i, where E[Y(t)] is the
/// transaction model's conditional expected purchases, k the model periods per month (4.345 for
/// weeks, 30 for days, 1 for months), d the monthly discount rate and v the expected value per
/// transaction (usually ``GammaGammaModel/expectedAverageValue(frequency:monetaryValue:)``).
public enum CustomerLifetimeValue {
    /// CLV of one customer.
    /// - Parameters:
    ///   - model: the fitted transaction model.
    ///   - averageValue: expected value per future transaction.
    ///   - months: horizon in months (lifetimes' `time`, default 12).
    ///   - monthlyDiscountRate: d (lifetimes' `discount_rate`, default 0.01).
    ///   - periodsPerMonth: k, model time units per month.
    public static func discounted(
        model: some CLVTransactionModel, frequency: Double, recency: Double, T: Double, averageValue: Double,
        months: Int = 12, monthlyDiscountRate: Double = 0.01, periodsPerMonth: Double = 4.345
    ) -> Double {
        guard months > 0 else { return 0 }
        var value = 0.0
        var previous = 0.0
        for i in 1...months {
            let cumulative = model.expectedPurchases(
                in: Double(i) * periodsPerMonth, frequency: frequency, recency: recency, T: T)
            value += averageValue * (cumulative - previous) / Double.pow(1 + monthlyDiscountRate, Double(i))
            previous = cumulative
        }
        return value
    }
}
