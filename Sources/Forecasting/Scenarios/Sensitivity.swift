// How much the horizon value of a series depends on the choices an analyst makes: the
// model, the fit window, a floor or ceiling on growth, a saturation level. Each
// alternative is one change to the base assumptions, fitted with the same ScenarioFitter
// that fits the scenarios, so a row differs from the base row by exactly what it names.
import MarketData
import Numerics

/// One alternative to the base assumptions: what was changed, as data (a report words it).
public enum SensitivityChange: Sendable, Equatable {
    /// The base scenario's assumptions (or the series' model when no scenario covers it).
    case base
    /// Another configured scenario, by name.
    case scenario(String)
    /// The model replaced, every other assumption dropped: the model alone.
    case model(ModelSpec)
    /// The base assumptions fitted without the first `count` actual years.
    case dropFirstYears(Int)
    /// Exponential growth with the annual rate held at or above this fraction.
    case growthFloor(Double)
    /// Exponential growth with the annual rate held at or below this fraction.
    case growthCeiling(Double)
    /// A logistic curve saturating at this multiple of the last actual.
    case saturation(multiple: Double)
}

/// Why an alternative gave no number.
public enum SensitivityFailure: Sendable, Equatable {
    /// The model has `parameters` free parameters and the window only `actuals` actuals.
    case tooFewActuals(parameters: Int, actuals: Int)
    /// A yearly method needs `needs` yearly values and the window has `actuals`.
    case tooFewForMethod(needs: Int, actuals: Int)
    /// The fit failed; the fitter's own words.
    case failed(String)
}

public struct SensitivityRow: Sendable {
    public var change: SensitivityChange
    public var assumptions: SeriesAssumptions
    public var outcome: Result<SeriesForecast, SensitivityError>

    /// The estimate at `year`, when the fit succeeded.
    public func point(at year: Int) -> ForecastPoint? {
        guard case .success(let forecast) = outcome else { return nil }
        return forecast.points.first { $0.year == year && $0.isEstimate }
    }
}

public struct SensitivityError: Error, Sendable, Equatable {
    public var failure: SensitivityFailure
}

public enum Sensitivity {
    /// The alternatives tried after the base and the other scenarios, in page order. The
    /// growth bounds bracket the published path of the shipped headline series (+24% in
    /// 2024, at least +11% in 2025): a floor at the faster rate, a ceiling at half the
    /// slower; the saturation levels are the bear case's 2.5× and a looser 4×.
    public static let alternatives: [SensitivityChange] = [
        .model(.auto), .model(.curve(.exponential)), .model(.curve(.linear)), .model(.yearly(.method(.driftLog))),
        .model(.yearly(.method(.dampedLog))), .model(.curve(.logistic)), .model(.curve(.gompertz)), .dropFirstYears(1),
        .growthFloor(0.25), .growthCeiling(0.055), .saturation(multiple: 2.5), .saturation(multiple: 4),
    ]

    /// The base row, one row per other scenario covering the series, then `alternatives`.
    /// Never throws: a variant that cannot be fitted is a row that says why.
    public static func run(_ series: MarketSeries, base: SeriesAssumptions, scenarios: [Scenario], baseName: String?,
                           horizon: Int, level: Double,
                           alternatives: [SensitivityChange] = Sensitivity.alternatives) -> [SensitivityRow] {
        var rows = [row(series, change: .base, assumptions: base, horizon: horizon, level: level)]
        for scenario in scenarios where scenario.name != baseName {
            guard let assumptions = scenario.assumptions(for: series.id) else { continue }
            rows.append(row(series, change: .scenario(scenario.name), assumptions: assumptions, horizon: horizon, level: level))
        }
        for change in alternatives {
            // A change that changes nothing (the model the base already uses) is not a row; the
            // base's rationale is words for the pages, not part of the fit.
            var changed = assumptions(for: change, base: base, series: series)
            changed.rationale = base.rationale
            if changed == base { continue }
            rows.append(row(series, change: change, assumptions: assumptions(for: change, base: base, series: series),
                            horizon: horizon, level: level))
        }
        return rows
    }

    static func assumptions(for change: SensitivityChange, base: SeriesAssumptions, series: MarketSeries) -> SeriesAssumptions {
        let id = series.id
        switch change {
        case .base, .scenario: return base
        case .model(let spec):
            return SeriesAssumptions(seriesID: id, model: .catalog(spec))
        case .dropFirstYears(let count):
            var changed = base
            changed.fitYears = max(series.actuals.count - count, 1)
            return changed
        case .growthFloor(let rate):
            return SeriesAssumptions(seriesID: id, model: .catalog(.curve(.exponential)),
                                     parameters: [.init(name: "g", minimum: rate)])
        case .growthCeiling(let rate):
            return SeriesAssumptions(seriesID: id, model: .catalog(.curve(.exponential)),
                                     parameters: [.init(name: "g", maximum: rate)])
        case .saturation(let multiple):
            return SeriesAssumptions(seriesID: id, model: .catalog(.curve(.logistic)), ceiling: .multipleOfLastActual(multiple))
        }
    }

    private static func row(_ series: MarketSeries, change: SensitivityChange, assumptions: SeriesAssumptions,
                            horizon: Int, level: Double) -> SensitivityRow {
        // A curve with as many free parameters as actuals passes through every point and
        // leaves no residual to size an interval: said up front rather than fitted.
        let window = assumptions.fitYears.map { min($0, series.actuals.count) } ?? series.actuals.count
        if case .yearly(.method(let method)) = assumptions.model.spec,
           window < method.minimumPoints {
            return SensitivityRow(change: change, assumptions: assumptions,
                                  outcome: .failure(SensitivityError(failure: .tooFewForMethod(needs: method.minimumPoints,
                                                                                               actuals: window))))
        }
        if case .curve(let kind) = assumptions.model.spec {
            let free = kind.parameterNames.count - (assumptions.ceiling != nil && kind.ceilingParameter != nil ? 1 : 0)
                - assumptions.parameters.filter { $0.fixed != nil }.count
            if window <= free {
                return SensitivityRow(change: change, assumptions: assumptions,
                                      outcome: .failure(SensitivityError(failure: .tooFewActuals(parameters: free, actuals: window))))
            }
        }
        do {
            let forecast = try ScenarioFitter.forecast(series, assumptions: assumptions, scenario: "sensitivity",
                                                       horizon: horizon, level: level)
            return SensitivityRow(change: change, assumptions: assumptions, outcome: .success(forecast))
        } catch let error as ScenarioError {
            return SensitivityRow(change: change, assumptions: assumptions,
                                  outcome: .failure(SensitivityError(failure: .failed(error.message))))
        } catch {
            return SensitivityRow(change: change, assumptions: assumptions,
                                  outcome: .failure(SensitivityError(failure: .failed("\(error)"))))
        }
    }
}
