import MarketData
import Numerics

/// Forecasts a series' actuals to the horizon with `auto`, a yearly method or a growth curve. Years enter
/// the fit as they are; the catalog measures time from the first year itself, so
/// exponentials of calendar years never overflow.
public enum Forecaster {
    public static func forecast(_ series: MarketSeries, model: ModelSpec, horizon: Int,
                                level: Double) throws -> SeriesForecast {
        let actuals = series.actuals
        guard let last = actuals.last else {
            throw ForecastError.noActuals(series: series.id, file: series.file)
        }
        guard horizon >= last.year else {
            throw ForecastError.horizonBeforeData(series: series.id, horizon: horizon, lastActual: last.year)
        }
        // A series without a scenario is a scenario without assumptions: one fitting path
        // (intervals, shocks, convergence warnings) serves both.
        let assumptions = SeriesAssumptions(seriesID: series.id, model: .catalog(model))
        do {
            return try ScenarioFitter.forecast(series, assumptions: assumptions, scenario: "default",
                                               horizon: horizon, level: level)
        } catch let error as ScenarioError {
            throw ForecastError.fitFailed(series: series.id, file: series.file, message: error.message, hint: error.hint)
        }
    }
}

public enum ForecastError: DiagnosticConvertible {
    case noActuals(series: String, file: String)
    case horizonBeforeData(series: String, horizon: Int, lastActual: Int)
    case fitFailed(series: String, file: String, message: String, hint: String?)

    public var diagnostics: [Diagnostic] {
        switch self {
        case let .noActuals(series, file):
            return [Diagnostic(file: file, "series `\(series)` has no rows with status `actual` to fit",
                               hint: "mark published values as `actual`; estimates alone cannot be fitted")]
        case let .horizonBeforeData(series, horizon, lastActual):
            return [Diagnostic(file: "", "the horizon \(horizon) lies before the last actual year \(lastActual) of `\(series)`",
                               hint: "set `horizon` in the report config to \(lastActual) or later")]
        case let .fitFailed(series, file, message, hint):
            return [Diagnostic(file: file, "series `\(series)` \(message)", hint: hint)]
        }
    }
}
