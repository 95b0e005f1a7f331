/// Turns a ridge solution and its bootstrap draws into the reported `MMMFit`: coefficients
/// in target units, decomposition, per-channel ROAS with intervals, response curves, fit
/// statistics and the holdout forecast.
struct MMMFitAssembly {
    var data: MMMDataset
    var calendar: MMMDataset.Calendar
    var specification: MMMSpecification
    var nFit: Int
    var yScale: Double
    var terms: [MMMBaseline.Term]
    var solution: MMMRidge.Solution
    var media: [[Double]]
    /// The channel transforms with coefficient 1.
    var responses: [MMMChannelResponse]
    /// Bootstrap replicates of the whole fit, in target units.
    var draws: [MMMFitDraw]
    var lambda: Double
    var validationNRMSE: Double?
    var crossValidationNRMSE: [Double]
    /// Per channel, the coefficient path when it varies over time (scaled units).
    var effectivenessPaths: [[Double]?]
    var effectivenessSelection: MMMEffectivenessSelection?
    var search: MMMSearchSummary

    func build() -> MMMFit {
        let spec = specification
        let n = data.count
        let level = spec.intervalLevel
        var parts: [MMMDecomposition.Part] = [
            .init(
                name: "intercept", kind: "baseline", values: [Double](repeating: solution.intercept * yScale, count: n))
        ]
        for group in [MMMBaseline.Group.trend, .seasonality, .event, .control] {
            let members = terms.indices.filter { terms[$0].group == group }
            guard !members.isEmpty else { continue }
            var values = [Double](repeating: 0, count: n)
            for j in members where solution.baseline[j] != 0 {
                for t in 0..<n { values[t] += solution.baseline[j] * yScale * terms[j].values[t] }
            }
            parts.append(.init(name: group.rawValue, kind: "baseline", values: values))
        }
        var channelContributions: [[Double]] = []
        for c in responses.indices {
            let values = media[c].map { $0 * solution.media[c] * yScale }
            channelContributions.append(values)
            parts.append(.init(name: data.channels[c].name, kind: "media", values: values))
        }
        var fitted = [Double](repeating: 0, count: n)
        for part in parts { for t in 0..<n { fitted[t] += part.values[t] } }
        let decomposition = MMMDecomposition(
            dates: data.dates, actual: data.target, fitted: fitted, parts: parts, fitCount: nFit)

        let currentPeriods = min(spec.currentPeriods ?? (calendar.stepDays == 1 ? 90 : 13), nFit)
        let currentRows = (nFit - currentPeriods)..<nFit
        let baseline = decomposition.baseline
        let baselinePerPeriod = currentRows.reduce(0.0) { $0 + baseline[$1] } / Double(currentPeriods)

        let totalSpend = data.channels.map { $0.values[0..<nFit].reduce(0, +) }
        let totalEffect = channelContributions.map { $0[0..<nFit].reduce(0, +) }
        let allSpend = totalSpend.reduce(0, +)
        let allEffect = totalEffect.reduce(0, +)
        var channels: [MMMChannelSummary] = []
        for c in responses.indices {
            var response = responses[c]
            response.coefficient = solution.media[c] * yScale
            response.coefficientDraws = draws.map { $0.equivalentCoefficient[c] }
            let roas = MMMInterval(
                estimate: totalEffect[c] / totalSpend[c], draws: draws.map { $0.contribution[c] / totalSpend[c] },
                level: level)
            let current = currentRows.reduce(0.0) { $0 + data.channels[c].values[$1] } / Double(currentPeriods)
            var effectiveness: MMMChannelEffectiveness?
            if let knots = effectivenessSelection?.knots {
                effectiveness =
                    effectivenessPaths[c].map {
                        MMMChannelEffectiveness(path: $0, dates: data.dates, fitCount: nFit, knots: knots)
                    } ?? .constant
            }
            channels.append(
                MMMChannelSummary(
                    name: response.name, response: response, totalSpend: totalSpend[c],
                    totalContribution: totalEffect[c], roas: roas, currentSpend: current,
                    marginalROAS: MMMInterval(
                        estimate: response.marginal(current), draws: draws.map { $0.marginal[c] }, level: level),
                    contributionInterval: MMMInterval(
                        estimate: totalEffect[c], draws: draws.map { $0.contribution[c] }, level: level),
                    effectShare: allEffect > 0 ? totalEffect[c] / allEffect : 0,
                    spendShare: allSpend > 0 ? totalSpend[c] / allSpend : 0,
                    carryoverShare: response.adstock.carryoverShare,
                    responseCurve: MMMResponseCurve(
                        response, currentSpend: current, threshold: spec.diminishingReturnsThreshold, level: level),
                    effectiveness: effectiveness))
        }

        let actualFit = Array(data.target[0..<nFit])
        let fittedFit = Array(fitted[0..<nFit])
        let statistics = MMMFitStatistics(
            rSquared: MMMScore.rSquared(actualFit, fittedFit), nrmse: MMMScore.nrmse(actualFit, fittedFit),
            mape: MMMScore.mape(actualFit, fittedFit),
            decompRSSD: MMMScore.decompRSSD(effects: totalEffect, spends: totalSpend),
            validationNRMSE: validationNRMSE, crossValidationNRMSE: crossValidationNRMSE, observations: nFit)
        var holdout: MMMHoldoutForecast?
        if nFit < n {
            let actual = Array(data.target[nFit..<n])
            let predicted = Array(fitted[nFit..<n])
            holdout = MMMHoldoutForecast(
                dates: Array(data.dates[nFit..<n]), actual: actual, predicted: predicted,
                rSquared: MMMScore.rSquared(actual, predicted), nrmse: MMMScore.nrmse(actual, predicted),
                mape: MMMScore.mape(actual, predicted))
        }
        return MMMFit(
            specification: spec, targetName: data.targetName, stepDays: calendar.stepDays, fitCount: nFit,
            ridgeLambda: lambda, intercept: solution.intercept * yScale,
            baselineTerms: terms.indices.map {
                MMMBaselineCoefficient(
                    name: terms[$0].name, group: terms[$0].group, coefficient: solution.baseline[$0] * yScale)
            },
            channels: channels, statistics: statistics, decomposition: decomposition, holdout: holdout,
            search: search, baselinePerPeriod: baselinePerPeriod, currentPeriods: currentPeriods,
            effectivenessSelection: effectivenessSelection)
    }
}
