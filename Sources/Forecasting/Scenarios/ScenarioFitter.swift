// Fits one series under one scenario's assumptions. The assumptions become parts of the
// least-squares problem Numerics solves:
// - the ceiling fixes the model's saturation parameter (K, or m for Bass);
// - parameter limits become bounds or fixed values;
// - anchors become pseudo-observations, weighted so that a soft anchor counts as one
//   observation with the standard deviation the analyst gave (relative tolerance × value),
//   against the residual standard deviation of the data; a hard anchor gets a weight
//   10⁸ times an observation's at a 0.01% tolerance and is checked after the fit;
// - shocks are a model term (1 + size) from their year on whose size is set, not
//   estimated. With that term fixed, fitting f·m to y by least squares is exactly fitting
//   f to y/m with weights m², which is how it is solved.
import Foundation
import MarketData
import Numerics

public enum ScenarioFitter {
    /// Relative standard deviation that stands in for a hard anchor's "exactly".
    static let hardAnchorTolerance = 1e-4
    /// How close a hard anchor must be met, relative to its value.
    public static let hardAnchorAcceptance = 0.005

    /// The series' actuals (through `fitThrough` when given) and the scenario's path to
    /// `horizon` with prediction intervals at `level`.
    public static func forecast(_ series: MarketSeries, assumptions: SeriesAssumptions, scenario: String,
                                horizon: Int, level: Double, fitThrough: Int? = nil) throws -> SeriesForecast {
        if let model = yearlyModel(assumptions.model), suitsYearlyMethods(assumptions) {
            return try yearlyForecast(series, model: model, assumptions: assumptions, scenario: scenario,
                                      horizon: horizon, level: level, fitThrough: fitThrough)
        }
        let (allActuals, last) = try checkedActuals(series, assumptions: assumptions, scenario: scenario,
                                                    horizon: horizon, fitThrough: fitThrough)
        for anchor in assumptions.anchors {
            var valid = anchor.value > 0 && anchor.value.isFinite
            if case .soft(let tolerance) = anchor.kind { valid = valid && tolerance > 0 && tolerance.isFinite }
            guard valid else {
                throw ScenarioError(series: series.id, scenario: scenario, "has an anchor in \(anchor.year) with a non-positive value or tolerance",
                                    hint: "anchor values and tolerances must be positive")
            }
        }
        let window = assumptions.fitYears.map { Array(allActuals.suffix(max($0, 1))) } ?? allActuals
        let x = window.map { Double($0.year) }
        let multipliers = x.map { assumptions.shockMultiplier(at: $0) }
        let y = zip(window, multipliers).map { $0.value / $1 }
        let weights = multipliers.map { $0 * $0 }
        let usesWeights = multipliers.contains { $0 != 1 }

        var options = GrowthFitOptions()
        options.weights = usesWeights ? weights : nil
        let candidates = try modelCandidates(assumptions, series: series.id, scenario: scenario)
        if let ceiling = assumptions.ceiling {
            let value: Double
            switch ceiling {
            case .absolute(let v): value = v
            case .multipleOfLastActual(let k): value = k * (window.last?.value ?? 0)
            }
            // Every candidate has a ceiling parameter here (modelCandidates checked it); the
            // ceiling is on the unshocked model.
            for kind in candidates.kinds { if let name = kind.ceilingParameter { options.fixed[name] = value } }
        }
        for limit in assumptions.parameters {
            if let v = limit.fixed { options.fixed[limit.name] = v }
            if let v = limit.minimum { options.lowerBounds[limit.name] = v }
            if let v = limit.maximum { options.upperBounds[limit.name] = v }
        }

        var selectionReason: String?
        // Published bounds are censored observations (CensoredFit): a path above a lower
        // bound costs nothing, so three floors no longer pull the curve down onto them.
        let bounds = window.map(\.bound)
        func censoredFit(_ options: GrowthFitOptions) throws -> CensoredFit.Outcome<any FittedCurve> {
            try CensoredFit.fit(x: x, y: y, bounds: bounds, predict: { $0.predict($1) }) { values in
                try fitModel(candidates, x: x, y: values, options: options, reason: &selectionReason,
                             series: series.id, scenario: scenario)
            }
        }
        var outcome = try censoredFit(options)
        var fit = outcome.fit
        if !assumptions.anchors.isEmpty {
            // The data's own scatter sets how much one observation is worth.
            let dof = max(fit.degreesOfFreedom, 1)
            var residualVariance = fit.residualSumOfSquares / Double(dof)
            let meanSquare = outcome.imputed.map { $0 * $0 }.reduce(0, +) / Double(max(y.count, 1))
            // A perfect fit would make every anchor weightless; floor at 0.1% of the level.
            residualVariance = max(residualVariance, 1e-6 * meanSquare)
            options.pseudoObservations = assumptions.anchors.map { anchor in
                let m = assumptions.shockMultiplier(at: Double(anchor.year))
                let target = anchor.value / m
                let tolerance: Double
                switch anchor.kind {
                case .soft(let t): tolerance = t
                case .hard: tolerance = hardAnchorTolerance
                }
                let sd = tolerance * target
                return PseudoObservation(x: Double(anchor.year), y: target, weight: residualVariance / (sd * sd))
            }
            outcome = try censoredFit(options)
            fit = outcome.fit
            for anchor in assumptions.anchors where anchor.kind == .hard {
                let value = fit.predict(Double(anchor.year)) * assumptions.shockMultiplier(at: Double(anchor.year))
                guard abs(value - anchor.value) <= hardAnchorAcceptance * abs(anchor.value) else {
                    throw ScenarioError(series: series.id, scenario: scenario,
                                        "cannot meet the hard anchor \(anchor.value) in \(anchor.year) (the fitted \(fit.model) gives \(String(format: "%.4g", value))); the ceiling or parameter limits leave no room for it",
                                        hint: "make the anchor soft, or loosen the ceiling or parameter limits")
                }
            }
        }

        var points = series.actuals.filter { fitThrough == nil || $0.year <= fitThrough! }
            .map { ForecastPoint(year: $0.year, value: $0.value, isEstimate: false) }
        // A positive quantity gets its band on the log scale (LogScaleBand): the symmetric
        // delta-method band of a short series reaches below zero, and clipping it there
        // printed intervals like 0–36,196 that no reader believes.
        let positive = allActuals.allSatisfy { $0.value > 0 }
        if horizon > last.year {
            for year in (last.year + 1)...horizon {
                let t = Double(year)
                let m = assumptions.shockMultiplier(at: t)
                let value = fit.predict(t)
                var band = fit.predictionInterval(at: t, level: level)
                if outcome.rounds > 1 {
                    // Bounds moved the path: its width comes from the ordinary fit's scatter
                    // (CensoredFit.Outcome.ordinary), as a relative half-width around the path.
                    let ordinaryValue = outcome.ordinary.predict(t)
                    let ordinaryBand = outcome.ordinary.predictionInterval(at: t, level: level)
                    let relative = (ordinaryBand.upper - ordinaryBand.lower) / 2 / abs(ordinaryValue)
                    band = (value - relative * abs(value), value + relative * abs(value))
                }
                if positive, value > 0 { band = LogScaleBand.band(value: value, symmetric: band) }
                points.append(ForecastPoint(year: year, value: value * m,
                                            lower: band.lower.isFinite ? band.lower * m : nil,
                                            upper: band.upper.isFinite ? band.upper * m : nil, isEstimate: true))
            }
        }
        let summary = FitSummary(
            parameters: zip(fit.parameterNames, zip(fit.parameters, fit.standardErrors)).map {
                ParameterEstimate(name: $0.0, value: $0.1.0, standardError: $0.1.1)
            },
            residualSumOfSquares: fit.residualSumOfSquares, degreesOfFreedom: fit.degreesOfFreedom,
            aicc: fit.aicc, bic: fit.bic, iterations: fit.iterations,
            fitYears: (window.first?.year ?? last.year)...last.year, selectionReason: selectionReason)
        // The analyst set the ceiling: warnings that the data do not pin it down are moot.
        var warnings = fit.warnings(ceilingIsSet: assumptions.ceiling != nil)
        if !fit.converged { warnings.insert(.notConverged(reason: fit.reason), at: 0) }
        if !outcome.converged {
            warnings.append(.censoredFitUnsettled(rounds: outcome.rounds))
        }
        var result = SeriesForecast(seriesID: series.id, unit: series.unit, points: points, model: fit.model,
                                    modelDescription: fit.modelDescription, level: level, warnings: warnings, fit: summary)
        result.fitYears = summary.fitYears
        // The exact figures' root-mean-square distance from the path: within it a curve may
        // pass a bound as it passes the exact values; none without exact figures.
        let exact = window.filter { $0.bound == nil }
        let scatter = exact.isEmpty ? 0 : (exact.map { observation -> Double in
            let r = observation.value - fit.predict(Double(observation.year)) * assumptions.shockMultiplier(at: Double(observation.year))
            return r * r
        }.reduce(0, +) / Double(exact.count)).squareRoot()
        result.boundBreaches = BoundBreach.find(in: window, years: summary.fitYears, allowance: scatter) { year in
            fit.predict(Double(year)) * assumptions.shockMultiplier(at: Double(year))
        }
        return result.respectingBounds(of: series, fitThrough: fitThrough, censored: true)
    }

    /// The actuals up to `fitThrough` and the last of them, after the checks every model
    /// shares: there is an actual, the horizon is not before it, every shock is above −1.
    static func checkedActuals(_ series: MarketSeries, assumptions: SeriesAssumptions, scenario: String,
                               horizon: Int, fitThrough: Int?) throws -> (actuals: [Observation], last: Observation) {
        let allActuals = series.actuals.filter { fitThrough == nil || $0.year <= fitThrough! }
        guard let last = allActuals.last else {
            throw ScenarioError(series: series.id, scenario: scenario,
                                "has no actual values\(fitThrough.map { " up to \($0)" } ?? "") to fit")
        }
        guard horizon >= last.year else {
            throw ScenarioError(series: series.id, scenario: scenario,
                                "the horizon \(horizon) lies before the last actual year \(last.year)")
        }
        // The config reader refuses these; callers building assumptions by hand get the same rule.
        if let shock = assumptions.shocks.first(where: { !($0.size > -1) || !$0.size.isFinite }) {
            throw ScenarioError(series: series.id, scenario: scenario, "has a shock of \(shock.size) in \(shock.year)",
                                hint: "shock sizes are relative level changes above −1")
        }
        return (allActuals, last)
    }

    /// `auto` and the yearly methods' names; nil for curves and formulas.
    static func yearlyModel(_ model: SeriesAssumptions.Model) -> YearlyModel? {
        model.spec.yearlyModel
    }

    /// What will be fitted: catalog models (one named, or the candidates of `auto`) or a formula.
    enum Plan {
        case catalog([GrowthModelKind])
        case formula(String, start: [String: Double])

        var kinds: [GrowthModelKind] {
            if case .catalog(let kinds) = self { return kinds }
            return []
        }
    }

    /// The models the assumptions allow: the named one, for `auto` every catalog model
    /// (only those with a ceiling when a ceiling is assumed), or the formula.
    static func modelCandidates(_ assumptions: SeriesAssumptions, series: String, scenario: String) throws -> Plan {
        let spec = assumptions.model.spec
        // The rule the scenario reader applies at the key's line (ModelSpec.refusal); here
        // for assumptions built in code.
        let assumed: [(ModelSpec.CurveAssumption, Bool)] = [
            (.ceiling, assumptions.ceiling != nil), (.anchors, !assumptions.anchors.isEmpty),
            (.parameters, !assumptions.parameters.isEmpty),
        ]
        for (assumption, isAssumed) in assumed where isAssumed {
            if let (message, hint) = spec.refusal(of: assumption) {
                throw ScenarioError(series: series, scenario: scenario, "assumes what its model cannot hold: \(message)",
                                    hint: hint)
            }
        }
        switch spec {
        case .curve(let kind): return .catalog([kind])
        case .formula(let text): return .formula(text, start: assumptions.model.start)
        case .yearly, .bestCurve:
            // A yearly method was refused above; `auto` and `curves` fit every curve that
            // can hold the assumptions.
            return .catalog(assumptions.ceiling == nil ? GrowthModelKind.allCases
                : GrowthModelKind.allCases.filter { $0.ceilingParameter != nil })
        }
    }

    static func fitModel(_ plan: Plan, x: [Double], y: [Double], options: GrowthFitOptions,
                         reason: inout String?, series: String, scenario: String) throws -> any FittedCurve {
        do {
            switch plan {
            case let .formula(text, start):
                return try FormulaCurveFit.fit(text, x: x, y: y, options: options, start: start)
            case .catalog(let kinds) where kinds.count == 1:
                return try GrowthCurves.fit(kinds[0], x: x, y: y, options: options)
            case .catalog(let kinds):
                // Parameter limits name one model's parameters; the others ignore them (as
                // ModelSelection restricts options per model).
                let selection = try ModelSelection.auto(x: x, y: y, options: SelectionOptions(fit: options, models: kinds))
                reason = selection.reason
                return selection.chosen
            }
        } catch let error as NumericsError {
            throw ScenarioError(series: series, scenario: scenario, "could not be fitted: \(error)")
        }
    }
}

/// A scenario that could not be fitted as assumed; says which series and scenario.
public struct ScenarioError: DiagnosticConvertible, Sendable {
    public var series: String
    public var scenario: String
    public var message: String
    public var hint: String?

    public init(series: String, scenario: String, _ message: String, hint: String? = nil) {
        self.series = series; self.scenario = scenario; self.message = message; self.hint = hint
    }

    public var diagnostics: [Diagnostic] {
        [Diagnostic(file: "", "series `\(series)` in scenario `\(scenario)` \(message)", hint: hint)]
    }
}
