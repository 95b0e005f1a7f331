/// A fitted churn model with its preprocessing, ready to score new customers.
///
/// Codable so the CLI can save it after `churn train` and load it in `churn score`. It
/// explains each score by per-column contributions to the log-odds: for logistic regression
/// `βⱼ(xⱼ − x̄ⱼ)` summed over a column's encoded features (the exact additive decomposition of
/// a linear predictor around the training mean), for boosted trees the path contributions
/// of `ChurnTree`. In both cases `bias + Σ contributions` is the customer's log-odds, and the
/// columns with the largest positive contributions are its top reasons.
public struct ChurnModel: Codable, Sendable {
    /// The model families.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case logistic
        case gbdt
    }

    public var kind: Kind
    public var target: String
    public var positive: String
    /// The column that names customers in scores, if any.
    public var idColumn: String?
    public var preprocessor: ChurnPreprocessor
    /// The training mean of each encoded feature (the reference point of explanations).
    public var featureMeans: [Double]
    public var logistic: ChurnLogisticRegression?
    public var boosted: ChurnBoostedTrees?

    /// The churn probability of each row of the encoded matrix `x` (or of `rows` of it).
    public func probabilities(_ x: Matrix, rows: [Int]? = nil) -> [Double] {
        switch kind {
        case .logistic: return logistic!.probabilities(x, rows: rows)
        case .gbdt: return boosted!.probabilities(x, rows: rows)
        }
    }

    /// The bias and the contribution of each input column to row `i`'s log-odds.
    public func explain(_ x: Matrix, row i: Int) -> (bias: Double, perColumn: [Double]) {
        var perColumn = [Double](repeating: 0, count: preprocessor.columns.count)
        switch kind {
        case .logistic:
            let model = logistic!
            var bias = model.intercept
            for j in 0..<x.columns {
                let beta = model.coefficients[j]
                bias += beta * featureMeans[j]
                perColumn[preprocessor.featureColumn[j]] += beta * (x[i, j] - featureMeans[j])
            }
            return (bias, perColumn)
        case .gbdt:
            let (bias, perFeature) = boosted!.contributions(x, row: i)
            for j in 0..<x.columns { perColumn[preprocessor.featureColumn[j]] += perFeature[j] }
            return (bias, perColumn)
        }
    }

    /// One reason behind a score: an input column, the customer's value in it, and how much
    /// it adds to the log-odds of churn.
    public struct Reason: Codable, Sendable, Equatable, CustomStringConvertible {
        public var column: String
        public var value: String
        public var contribution: Double

        public var description: String {
            let hundredths = Int((abs(contribution) * 100).rounded())
            let magnitude = "\(hundredths / 100)." + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)"
            return "\(column)=\(value.isEmpty ? "(blank)" : value) (\(contribution >= 0 ? "+" : "-")\(magnitude))"
        }
    }

    /// One customer's score.
    public struct Score: Codable, Sendable {
        public var id: String
        public var probability: Double
        /// The columns that raise this customer's risk most, largest first; only contributions of at
        /// least `ChurnModel.minimumReason` log-odds count as reasons.
        public var reasons: [Reason]
    }

    /// The smallest log-odds contribution reported as a reason (smaller ones print as +0.00).
    public static let minimumReason = 0.005

    /// Scores every row of `frame`.
    /// - Parameter reasons: how many top reasons to give per customer.
    /// - Throws: `ChurnError` for a missing feature column or a bad numeric cell.
    public func score(_ frame: ChurnFrame, reasons: Int = 3) throws -> [Score] {
        let x = try preprocessor.transform(frame)
        let probabilities = probabilities(x)
        let idIndex = idColumn.flatMap { frame.column($0) }
        let columnIndex = preprocessor.columns.map { frame.column($0.name)! }
        return (0..<x.rows).map { i in
            let (_, perColumn) = explain(x, row: i)
            let top = perColumn.indices.filter { perColumn[$0] >= ChurnModel.minimumReason }
                .sorted { perColumn[$0] > perColumn[$1] }
                .prefix(reasons)
                .map {
                    Reason(
                        column: preprocessor.columns[$0].name, value: frame.cell(i, columnIndex[$0]),
                        contribution: perColumn[$0])
                }
            let id = idIndex.map { frame.cell(i, $0) } ?? "line \(frame.lines[i])"
            return Score(id: id, probability: probabilities[i], reasons: Array(top))
        }
    }
}
