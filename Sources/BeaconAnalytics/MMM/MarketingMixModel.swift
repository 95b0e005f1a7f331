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
/// Each channel's effect may change smoothly over time (`MMMTimeVaryingEffect`), chosen by
/// blocked cross-validation so that a static truth stays static.
/// Intervals come from a moving-block residual bootstrap (Künsch 1989, *Ann. Statist.*
/// 17(3)) that repeats the hyper-parameter choice in every replicate among the best settings
/// the search visited (`MMMBootstrap.searchDraws`); the effectiveness paths' shape is held
/// fixed. A Bayesian fit is not implemented.
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
    ///   - liftTests: experiments the fit is calibrated with (`MMMLiftTest`); with any, effects
    ///     are kept constant over time.
    /// - Throws: `MMMError` for invalid data or settings (naming the column and row; for a lift
    ///   test, the row is the test's index and the column its field).
    public func fit(
        _ data: MMMDataset, transforms: [MMMChannelResponse]? = nil, lambda fixedLambda: Double? = nil,
        liftTests: [MMMLiftTest] = []
    ) throws -> MMMFit {
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
        // Lift tests weigh against the residuals by the noise variance of a first linear fit.
        let calibration: [MMMRidge.Calibration]
        if liftTests.isEmpty {
            calibration = []
        } else {
            let linear = data.channels.indices.map { c in data.channels[c].values.map { $0 / spendScales[c] } }
            var ss = 0.0
            if let first = MMMRidge(baselineColumns: baselineColumns, rows: 0..<nFit).fit(
                mediaColumns: linear, y: y, lambda: 1e-4)
            {
                for t in 0..<nFit {
                    let r = y[t] - first.predict(t, baselineColumns: baselineColumns, mediaColumns: linear)
                    ss += r * r
                }
            }
            let dof = max(nFit - baselineColumns.count - data.channels.count - 1, 1)
            calibration = try MMMLiftTest.resolve(
                liftTests, dates: data.dates, channels: data.channels.map(\.name), fitCount: nFit, yScale: yScale,
                noiseVariance: max(ss / Double(dof), 1e-12))
        }
        let trainRidge = MMMRidge(baselineColumns: baselineColumns, rows: 0..<nTrain).calibrated(calibration)
        let fitRidge =
            nTrain == nFit
            ? trainRidge : MMMRidge(baselineColumns: baselineColumns, rows: 0..<nFit).calibrated(calibration)
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
        // The effectiveness shapes found in a first round, applied to the media the second
        // round's search scores (see below).
        var searchShapes = [[Double]?](repeating: nil, count: data.channels.count)
        func rawMediaColumns(_ v: [Double]) -> [[Double]] {
            zip(responses(v), data.channels).map { $0.regressor($1.values) }
        }
        func mediaColumns(_ v: [Double]) -> [[Double]] {
            let raw = rawMediaColumns(v)
            return raw.indices.map { c in searchShapes[c].map { s in raw[c].indices.map { raw[c][$0] * s[$0] } } ?? raw[c] }
        }
        let scoreActual = scoreRows.map { y[$0] }
        func score(media: [[Double]], lambda: Double, y: [Double]) -> Double {
            guard let solution = trainRidge.fit(mediaColumns: media, y: y, lambda: lambda) else { return .infinity }
            let predicted = scoreRows.map {
                solution.predict($0, baselineColumns: baselineColumns, mediaColumns: media)
            }
            let effects = media.indices.map { c in solution.media[c] * media[c][0..<nTrain].reduce(0, +) }
            // Robyn's MAPE.lift: the modelled contribution over each test period against the lift.
            var liftError = 0.0
            for test in calibration {
                let modelled = solution.media[test.channel] * test.rows.reduce(0) { $0 + media[test.channel][$1] }
                liftError += abs(modelled - test.lift) / max(abs(test.lift), 1e-12) / Double(calibration.count)
            }
            return MMMScore.nrmse(scoreRows.map { y[$0] }, predicted)
                + spec.rssdWeight * MMMScore.decompRSSD(effects: effects, spends: trainSpend) + liftError
        }
        var visited: [(x: [Double], value: Double)] = []
        func objective(_ v: [Double]) -> Double {
            let value = score(media: mediaColumns(v), lambda: Double.exp10(v[v.count - 1]), y: y)
            if value.isFinite { visited.append((v, value)) }
            return value
        }
        var search = DifferentialEvolution.Result(x: [], value: .nan, evaluations: 0, generations: 0, converged: true)
        var chosen: [MMMChannelResponse] = []
        var lambda = fixedLambda ?? 1e-4
        var media: [[Double]] = []
        var solution = MMMRidge.Solution(intercept: 0, baseline: [], media: [])
        let knots = liftTests.isEmpty ? spec.resolvedEffectKnots(fitCount: nFit, stepDays: calendar.stepDays) : 0
        var selection: MMMEffectivenessSelection?
        var paths = [[Double]?](repeating: nil, count: data.channels.count)
        var shapes = [[Double]?](repeating: nil, count: data.channels.count)
        // Two rounds when effectiveness varies: the adstock and saturation a static model
        // picks absorb the drift, so the search is repeated with the first round's shapes
        // applied to the media (alternating optimisation, as in backfitting: Hastie &
        // Tibshirani 1993, §3) and the paths re-selected on its transforms.
        for round in 0..<2 {
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
                media = rawMediaColumns(search.x)
            }
            guard let staticSolution = fitRidge.fit(mediaColumns: media, y: y, lambda: lambda) else {
                throw MMMError(.singularFit, "the regression is singular; remove collinear controls or events")
            }
            solution = staticSolution
            paths = [[Double]?](repeating: nil, count: data.channels.count)
            shapes = [[Double]?](repeating: nil, count: data.channels.count)
            // Time-varying effectiveness: where cross-validation prefers it, each channel's
            // coefficient follows a path; the media column then carries the path's shape relative
            // to its current (last fitted) value, which becomes the channel's coefficient.
            if knots >= 3,
                let varying = MMMTimeVaryingEffect(
                    baselineColumns: baselineColumns, mediaColumns: media, active: solution.media.map { $0 > 0 },
                    fitCount: nFit, knots: knots, baselineLambda: lambda
                ).select(y: y)
            {
                selection = MMMEffectivenessSelection(
                    knots: knots, smoothing: varying.smoothing,
                    candidates: varying.candidates.map { .init(label: $0.label, error: $0.error) })
                // Variation too small to report (every channel within ±7.5 % of its mean) keeps
                // the static fit: a path that changes nothing the page would show only adds variance.
                let material = varying.paths.indices.contains { c in
                    varying.varying[c]
                        && varying.paths[c].map {
                            MMMChannelEffectiveness(path: $0, dates: data.dates, fitCount: nFit, knots: knots).varies
                        } ?? false
                }
                if !material { selection?.smoothing = nil }
                if varying.smoothing != nil, material {
                    solution.intercept = varying.intercept
                    solution.baseline = varying.baseline
                    for c in media.indices {
                        guard let path = varying.paths[c] else { continue }
                        let mean = path[0..<nFit].reduce(0, +) / Double(nFit)
                        let current = path[nFit - 1] > 0.05 * mean ? path[nFit - 1] : mean
                        guard current > 0 else {
                            solution.media[c] = 0
                            continue
                        }
                        solution.media[c] = current
                        let shape = path.map { $0 / current }
                        shapes[c] = shape
                        media[c] = media[c].indices.map { media[c][$0] * shape[$0] }
                        if varying.varying[c] { paths[c] = path }
                    }
                }
            }
            guard round == 0, transforms == nil, shapes.contains(where: { $0 != nil }) else { break }
            searchShapes = shapes
            visited.removeAll()
        }
        var validationNRMSE: Double?
        if nTrain < nFit, let trainOnly = trainRidge.fit(mediaColumns: media, y: y, lambda: lambda) {
            validationNRMSE = MMMScore.nrmse(
                scoreActual,
                scoreRows.map { trainOnly.predict($0, baselineColumns: baselineColumns, mediaColumns: media) })
        }
        var crossValidationNRMSE: [Double] = []
        var baselineCrossValidationNRMSE: [Double] = []
        for end in [0.55, 0.7, 0.85] {
            let cut = Int(Double(nFit) * end)
            let next = cut..<min(nFit, cut + Int(Double(nFit) * 0.15))
            let foldRidge = MMMRidge(baselineColumns: baselineColumns, rows: 0..<cut)
            guard cut >= 10, next.count >= 2,
                let foldFit = foldRidge.fit(mediaColumns: media, y: y, lambda: lambda),
                let baselineFit = foldRidge.fit(mediaColumns: [], y: y, lambda: lambda)
            else { continue }
            crossValidationNRMSE.append(
                MMMScore.nrmse(
                    next.map { y[$0] },
                    next.map { foldFit.predict($0, baselineColumns: baselineColumns, mediaColumns: media) }))
            baselineCrossValidationNRMSE.append(
                MMMScore.nrmse(
                    next.map { y[$0] },
                    next.map { baselineFit.predict($0, baselineColumns: baselineColumns, mediaColumns: []) }))
        }
        let fittedScaled = (0..<n).map { solution.predict($0, baselineColumns: baselineColumns, mediaColumns: media) }
        // Bootstrap candidates: the point fit and the best distinct settings the search visited.
        func shaped(_ columns: [[Double]]) -> [[Double]] {
            columns.indices.map { c in shapes[c].map { s in columns[c].indices.map { columns[c][$0] * s[$0] } } ?? columns[c] }
        }
        var candidates = [MMMBootstrap.Candidate(responses: chosen, lambda: lambda, media: media)]
        if transforms == nil {
            var seen: Set<[Double]> = [search.x]
            for point in visited.sorted(by: { $0.value < $1.value }) where candidates.count < MMMBootstrap.searchCandidates {
                guard seen.insert(point.x).inserted else { continue }
                candidates.append(
                    .init(
                        responses: responses(point.x), lambda: Double.exp10(point.x[point.x.count - 1]),
                        media: shaped(rawMediaColumns(point.x))))
            }
        }
        let currentPeriods = min(spec.currentPeriods ?? (calendar.stepDays == 1 ? 90 : 13), nFit)
        let draws = MMMBootstrap(
            samples: spec.bootstrapSamples, blockLength: calendar.stepDays == 1 ? 14 : 4, seed: spec.seed &+ 1
        ).searchDraws(
            candidates: candidates, fitRidge: fitRidge, y: y, fitted: fittedScaled,
            score: { score(media: $0.media, lambda: $0.lambda, y: $1) },
            current: data.channels.map { ch in
                ch.values[(nFit - currentPeriods)..<nFit].reduce(0, +) / Double(currentPeriods)
            },
            pointResponses: chosen, yScale: yScale)

        var fit = MMMFitAssembly(
            data: data, calendar: calendar, specification: spec, nFit: nFit, yScale: yScale, terms: terms,
            solution: solution, media: media, responses: chosen, draws: draws, lambda: lambda,
            validationNRMSE: validationNRMSE, crossValidationNRMSE: crossValidationNRMSE,
            effectivenessPaths: paths, effectivenessSelection: selection, search: MMMSearchSummary(
                method: transforms == nil ? "differential evolution (best/1/bin)" : "fixed transforms",
                evaluations: search.evaluations,
                generations: search.generations, objective: search.value, seed: spec.seed,
                bootstrapSamples: spec.bootstrapSamples)
        ).build()
        fit.identification = MMMIdentificationCheck.warnings(
            channels: fit.channels, mediaColumns: media,
            baselineColumns: baselineColumns, fitCount: nFit,
            modelCV: crossValidationNRMSE, baselineCV: baselineCrossValidationNRMSE, level: spec.intervalLevel)
        if !liftTests.isEmpty {
            fit.liftCalibration = zip(liftTests, calibration).map { test, term in
                let part = fit.decomposition.parts.first { $0.kind == "media" && $0.name == test.channel }
                let modelled = term.rows.reduce(0.0) { $0 + (part?.values[$1] ?? 0) }
                return MMMLiftCalibration(
                    test: test, modelled: modelled, zScore: (modelled - test.lift) / test.standardError)
            }
        }
        fit.seasonality = MMMChannelSeasonality.estimate(
            decomposition: fit.decomposition, stepDays: calendar.stepDays, level: spec.intervalLevel,
            samples: min(spec.bootstrapSamples, 200), seed: spec.seed &+ 2)
        return fit
    }
}
