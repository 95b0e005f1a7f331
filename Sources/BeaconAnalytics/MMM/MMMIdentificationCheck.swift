/// A plain-language warning that part of a marketing-mix fit is not identified by the data,
/// shown beside the numbers it concerns; the optimiser holds a warned channel's spend.
public struct MMMIdentificationWarning: Codable, Sendable, Equatable {
    /// What was found.
    public enum Kind: String, Codable, Sendable {
        /// The channel's effect cannot be told from zero (its interval reaches zero).
        case effectNotIdentified = "effect-not-identified"
        /// The channel's (adstocked) spend moves with another channel's.
        case collinearWithChannel = "collinear-with-channel"
        /// The channel's spend is almost entirely predictable from trend, season, events and controls.
        case collinearWithBaseline = "collinear-with-baseline"
        /// The model with media forecasts no better than the baseline alone.
        case worseThanBaseline = "worse-than-baseline"
    }

    public var kind: Kind
    /// The channels concerned; empty for the whole fit.
    public var channels: [String]
    public var message: String

    public init(kind: Kind, channels: [String], message: String) {
        self.kind = kind
        self.channels = channels
        self.message = message
    }
}

/// The identification checks of a marketing-mix fit.
///
/// - Effect: the lower end of the channel's coefficient interval is zero (the rule of
///   `MMMBudgetPlan.effectIdentified`).
/// - Collinearity between channels: the Pearson correlation of two channels' media regressors
///   over the fitting window is at least 0.9 in absolute value.
/// - Collinearity with the baseline: the R² of a channel's regressor on the baseline design
///   (trend, seasonality, events, controls) is at least 0.9, i.e. a variance inflation factor
///   `1 / (1 − R²)` of at least 10, the usual rule of thumb (Kutner, Nachtsheim, Neter & Li,
///   *Applied Linear Statistical Models*, 5th ed., §10.5).
/// - Fit: the rolling-origin cross-validated NRMSE of the model is no better than that of the
///   baseline alone refitted on the same folds.
enum MMMIdentificationCheck {
    static let collinearity = 0.9

    static func warnings(
        channels: [MMMChannelSummary], mediaColumns: [[Double]], baselineColumns: [[Double]], fitCount: Int,
        modelCV: [Double], baselineCV: [Double], level: Double
    ) -> [MMMIdentificationWarning] {
        var out: [MMMIdentificationWarning] = []
        let rows = 0..<fitCount
        func percent(_ x: Double) -> String { "\(Int((x * 100).rounded())) %" }
        func two(_ x: Double) -> String { "\((x * 100).rounded() / 100)" }
        if !modelCV.isEmpty, modelCV.count == baselineCV.count {
            let model = modelCV.reduce(0, +) / Double(modelCV.count)
            let base = baselineCV.reduce(0, +) / Double(baselineCV.count)
            if model >= base {
                out.append(
                    .init(
                        kind: .worseThanBaseline, channels: [],
                        message: "Out of sample the model with media forecasts no better than trend, season, events "
                            + "and controls alone (error \(two(model * 100)) % against \(two(base * 100)) % of the "
                            + "range): the channel effects below are not supported by the data."))
            }
        }
        for (c, channel) in channels.enumerated() {
            if !MMMBudgetPlan.effectIdentified(channel.response, level: level) {
                out.append(
                    .init(
                        kind: .effectNotIdentified, channels: [channel.name],
                        message: "\(channel.name): its effect cannot be told from zero (the \(percent(level)) "
                            + "interval of its ROAS runs from \(two(channel.roas.lower)) to "
                            + "\(two(channel.roas.upper))); its spend is held where it is."))
            }
            for other in channels.indices where other > c {
                let r = correlation(mediaColumns[c], mediaColumns[other], rows)
                if abs(r) >= collinearity {
                    out.append(
                        .init(
                            kind: .collinearWithChannel, channels: [channel.name, channels[other].name],
                            message: "\(channel.name) and \(channels[other].name): their spend moves together "
                                + "(correlation \(two(r))), so the model cannot tell their effects apart; "
                                + "both are held where they are. Vary one without the other to measure them."))
                }
            }
            let r2 = explained(mediaColumns[c], by: baselineColumns, rows)
            if r2 >= collinearity {
                out.append(
                    .init(
                        kind: .collinearWithBaseline, channels: [channel.name],
                        message: "\(channel.name): \(percent(r2)) of its spend's movement follows trend, season, "
                            + "events and controls, so its effect cannot be told from theirs; its spend is held "
                            + "where it is."))
            }
        }
        return out
    }

    /// The channels whose spend the optimiser holds: every channel a warning names, and all of
    /// them when the fit is no better than the baseline.
    static func heldChannels(_ warnings: [MMMIdentificationWarning], names: [String]) -> Set<String> {
        warnings.reduce(into: Set<String>()) { held, w in
            held.formUnion(w.kind == .worseThanBaseline ? names : w.channels)
        }
    }

    /// Pearson correlation of `a` and `b` over `rows` (0 when either is constant).
    static func correlation(_ a: [Double], _ b: [Double], _ rows: Range<Int>) -> Double {
        let n = Double(rows.count)
        let ma = rows.reduce(0) { $0 + a[$1] } / n
        let mb = rows.reduce(0) { $0 + b[$1] } / n
        var sab = 0.0
        var saa = 0.0
        var sbb = 0.0
        for t in rows {
            sab += (a[t] - ma) * (b[t] - mb)
            saa += (a[t] - ma) * (a[t] - ma)
            sbb += (b[t] - mb) * (b[t] - mb)
        }
        return saa > 0 && sbb > 0 ? sab / (saa * sbb).squareRoot() : 0
    }

    /// The R² of least squares of `y` on `columns` (with an intercept) over `rows`.
    static func explained(_ y: [Double], by columns: [[Double]], _ rows: Range<Int>) -> Double {
        let usable = columns.filter { col in
            let first = col[rows.lowerBound]
            return rows.contains { col[$0] != first }
        }
        guard !usable.isEmpty else { return 0 }
        let n = Double(rows.count)
        let my = rows.reduce(0) { $0 + y[$1] } / n
        let means = usable.map { col in rows.reduce(0) { $0 + col[$1] } / n }
        let q = usable.count
        var a = Matrix(rows: q, columns: q)
        var v = [Double](repeating: 0, count: q)
        for i in 0..<q {
            for t in rows { v[i] += (usable[i][t] - means[i]) * (y[t] - my) }
            for j in 0...i {
                var s = 0.0
                for t in rows { s += (usable[i][t] - means[i]) * (usable[j][t] - means[j]) }
                a[i, j] = s
                a[j, i] = s
            }
            a[i, i] *= 1 + 1e-9
        }
        guard let b = a.choleskySolve(v) else { return 0 }
        var ssTotal = 0.0
        var ssResidual = 0.0
        for t in rows {
            var fitted = my
            for i in 0..<q { fitted += b[i] * (usable[i][t] - means[i]) }
            ssTotal += (y[t] - my) * (y[t] - my)
            ssResidual += (y[t] - fitted) * (y[t] - fitted)
        }
        return ssTotal > 0 ? max(0, 1 - ssResidual / ssTotal) : 0
    }
}
