import RealModule

/// A marketing-mix model fitted the way Robyn does it: ridge regression of the target on a
/// baseline and transformed media, with each channel's adstock and saturation
/// hyper-parameters (and the ridge penalty) chosen by a seeded global search.
///
/// References: Jin et al. (2017), "Bayesian Methods for Media Mix Modeling with Carryover
/// and Shape Effects" (the model `y = baseline + Σ β_c S_c(adstock_c(x_c)) + ε`, eq. 4);
/// Robyn (facebookexperimental/Robyn, Runge et al. 2023, "Packaging up media mix modeling:
/// an introduction to Robyn's open-source approach", arXiv:2403.14674) for the ridge fit with
/// non-negative media, NRMSE and DECOMP.RSSD as objectives and the time-series validation
/// split. The search is `DifferentialEvolution` (Storn & Price 1997) where Robyn uses
/// Nevergrad; the objective is `NRMSE(validation) + rssdWeight · DECOMP.RSSD(train)`.
/// Intervals come from a moving-block residual bootstrap (Künsch 1989, *Ann. Statist.*
/// 17(3)) refitting the ridge with the hyper-parameters held fixed, so they understate the
/// uncertainty of the hyper-parameters themselves. A Bayesian fit is not implemented.
///
/// The target is divided by its mean and each channel's spend by its mean positive spend
/// over the fitting window before fitting; reported coefficients are back in target units.
public struct MarketingMixModel: Sendable {
    public var specification: MMMSpecification

    public init(_ specification: MMMSpecification = MMMSpecification()) {
        self.specification = specification
    }

    /// Fits the model to `data`.
    /// - Parameters:
    ///   - data: the wide data set.
    ///   - transforms: when given (one per channel, in order), the channels' adstock,
    ///     saturation and spend scale are taken as they are and only the regression is
    ///     fitted (no search) — to refit a saved model or check a known truth.
    ///   - lambda: the ridge penalty to use with `transforms` (default 1e-4).
    /// - Throws: `MMMError` for invalid data or settings (naming the column and row).
    public func fit(_ data: MMMDataset, transforms: [MMMChannelResponse]? = nil, lambda fixedLambda: Double? = nil)
        throws -> MMMFit
    {
        let spec = specification
        let calendar = try data.validated()
        let n = data.count
        let nFit = n - spec.holdoutPeriods
        guard spec.holdoutPeriods >= 0, nFit >= 10 else {
            throw MMMError(
                .badSetting, column: "holdout", "holdout of \(spec.holdoutPeriods) leaves \(nFit) periods to fit")
        }
        guard (0..<0.5).contains(spec.validationFraction) else {
            throw MMMError(.badSetting, column: "validation", "validation fraction must be in [0, 0.5)")
        }
        let maxLag = spec.resolvedMaxLag(count: n, stepDays: calendar.stepDays)
        let yMean = data.target[0..<nFit].reduce(0, +) / Double(nFit)
        let yScale = abs(yMean) > 0 ? abs(yMean) : 1
        let y = data.target.map { $0 / yScale }
        let terms = spec.baseline.terms(
            calendar: calendar, fitCount: nFit, events: data.events, controls: data.controls)
        let baselineColumns = terms.map(\.values)
        var spendScales: [Double] = []
        for channel in data.channels {
            let positive = channel.values[0..<nFit].filter { $0 > 0 }
            guard !positive.isEmpty else {
                throw MMMError(.constantColumn, column: channel.name, "no spend in the fitting window")
            }
            spendScales.append(positive.reduce(0, +) / Double(positive.count))
        }
        var nTrain = spec.validationFraction > 0 ? Int((Double(nFit) * (1 - spec.validationFraction)).rounded()) : nFit
        // A split too small to score (or to fit) falls back to in-sample scoring.
        if nFit - nTrain < 3 || nTrain < 10 { nTrain = nFit }
        let scoreRows = nTrain < nFit ? nTrain..<nFit : 0..<nFit
        let trainRidge = MMMRidge(baselineColumns: baselineColumns, rows: 0..<nTrain)
        let fitRidge = nTrain == nFit ? trainRidge : MMMRidge(baselineColumns: baselineColumns, rows: 0..<nFit)
        let trainSpend = data.channels.map { $0.values[0..<nTrain].reduce(0, +) }

        let (channelLower, channelUpper) = spec.channelBounds(maxLag: maxLag)
        let width = channelLower.count
        let lower =
            Array(Array(repeating: channelLower, count: data.channels.count).joined())
            + [MMMSpecification.log10LambdaRange.lowerBound]
        let upper =
            Array(Array(repeating: channelUpper, count: data.channels.count).joined())
            + [MMMSpecification.log10LambdaRange.upperBound]
        func responses(_ v: [Double]) -> [MMMChannelResponse] {
            data.channels.indices.map { c in
                let (adstock, saturation) = spec.transforms(v[(c * width)..<((c + 1) * width)], maxLag: maxLag)
                return MMMChannelResponse(
                    name: data.channels[c].name, adstock: adstock, saturation: saturation, coefficient: 1,
                    spendScale: spendScales[c])
            }
        }
        func mediaColumns(_ v: [Double]) -> [[Double]] {
            zip(responses(v), data.channels).map { $0.regressor($1.values) }
        }
        let scoreActual = scoreRows.map { y[$0] }
        func objective(_ v: [Double]) -> Double {
            let media = mediaColumns(v)
            guard let solution = trainRidge.fit(mediaColumns: media, y: y, lambda: Double.exp10(v[v.count - 1]))
            else { return .infinity }
            let predicted = scoreRows.map {
                solution.predict($0, baselineColumns: baselineColumns, mediaColumns: media)
            }
            let effects = media.indices.map { c in solution.media[c] * media[c][0..<nTrain].reduce(0, +) }
            return MMMScore.nrmse(scoreActual, predicted)
                + spec.rssdWeight * MMMScore.decompRSSD(effects: effects, spends: trainSpend)
        }
        let search: DifferentialEvolution.Result
        let chosen: [MMMChannelResponse]
        let lambda: Double
        let media: [[Double]]
        if let transforms {
            guard transforms.count == data.channels.count else {
                throw MMMError(.badSetting, column: "transforms", "need one transform per channel")
            }
            chosen = transforms.map {
                var r = $0
                r.coefficient = 1
                return r
            }
            lambda = fixedLambda ?? 1e-4
            media = zip(chosen, data.channels).map { $0.regressor($1.values) }
            search = .init(x: [], value: .nan, evaluations: 0, generations: 0, converged: true)
        } else {
            var generator = Xoshiro256StarStar(seed: spec.seed)
            search = DifferentialEvolution(
                options: .init(populationSize: spec.population, maxGenerations: spec.generations)
            ).minimize(objective, lower: lower, upper: upper, using: &generator)
            chosen = responses(search.x)
            lambda = Double.exp10(search.x[search.x.count - 1])
            media = mediaColumns(search.x)
        }
        guard let solution = fitRidge.fit(mediaColumns: media, y: y, lambda: lambda) else {
            throw MMMError(.singularFit, "the regression is singular; remove collinear controls or events")
        }
        var validationNRMSE: Double?
        if nTrain < nFit, let trainOnly = trainRidge.fit(mediaColumns: media, y: y, lambda: lambda) {
            validationNRMSE = MMMScore.nrmse(
                scoreActual,
                scoreRows.map { trainOnly.predict($0, baselineColumns: baselineColumns, mediaColumns: media) })
        }
        var crossValidationNRMSE: [Double] = []
        for end in [0.55, 0.7, 0.85] {
            let cut = Int(Double(nFit) * end)
            let next = cut..<min(nFit, cut + Int(Double(nFit) * 0.15))
            guard cut >= 10, next.count >= 2,
                let foldFit = MMMRidge(baselineColumns: baselineColumns, rows: 0..<cut)
                    .fit(mediaColumns: media, y: y, lambda: lambda)
            else { continue }
            crossValidationNRMSE.append(
                MMMScore.nrmse(
                    next.map { y[$0] },
                    next.map { foldFit.predict($0, baselineColumns: baselineColumns, mediaColumns: media) }))
        }
        let fittedScaled = (0..<n).map { solution.predict($0, baselineColumns: baselineColumns, mediaColumns: media) }
        let draws = MMMBootstrap(
            samples: spec.bootstrapSamples, blockLength: calendar.stepDays == 1 ? 14 : 4, seed: spec.seed &+ 1
        ).coefficientDraws(
            ridge: fitRidge, y: y, fitted: fittedScaled, baselineColumns: baselineColumns, mediaColumns: media,
            lambda: lambda)

        return MMMFitAssembly(
            data: data, calendar: calendar, specification: spec, nFit: nFit, yScale: yScale, terms: terms,
            solution: solution, media: media, responses: chosen, draws: draws, lambda: lambda,
            validationNRMSE: validationNRMSE, crossValidationNRMSE: crossValidationNRMSE,
            search: MMMSearchSummary(
                method: transforms == nil ? "differential evolution (best/1/bin)" : "fixed transforms",
                evaluations: search.evaluations,
                generations: search.generations, objective: search.value, seed: spec.seed,
                bootstrapSamples: spec.bootstrapSamples)
        ).build()
    }
}
