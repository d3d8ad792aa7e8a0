// A series forecast by `auto` or a yearly method inside the scenario machinery: the fit
// window and shocks apply as they do to a curve (a shock's multiplier is divided out of the
// actuals before the forecast and applied to the path after it); ceilings, anchors and
// parameter limits need a curve with parameters to hold them, so with those `auto` fits the
// growth-curve catalog instead (ScenarioFitter).
import Foundation
import MarketData

extension ScenarioFitter {
    /// True when the assumptions leave nothing a yearly method cannot honour.
    static func suitsYearlyMethods(_ assumptions: SeriesAssumptions) -> Bool {
        assumptions.ceiling == nil && assumptions.anchors.isEmpty && assumptions.parameters.isEmpty
    }

    static func yearlyForecast(_ series: MarketSeries, model: YearlyModel, assumptions: SeriesAssumptions,
                               scenario: String, horizon: Int, level: Double, fitThrough: Int?) throws -> SeriesForecast {
        let (allActuals, last) = try checkedActuals(series, assumptions: assumptions, scenario: scenario,
                                                    horizon: horizon, fitThrough: fitThrough)
        let window = assumptions.fitYears.map { Array(allActuals.suffix(max($0, 1))) } ?? allActuals
        let years = window.map(\.year)
        let deshocked = window.map { $0.value / assumptions.shockMultiplier(at: Double($0.year)) }
        let (values, filled) = try GapFilling.fill(years: years, values: deshocked)
        var points = allActuals.map { ForecastPoint(year: $0.year, value: $0.value, isEstimate: false) }
        var warnings: [ForecastWarning] = []
        if !filled.isEmpty {
            warnings.append(.gapsFilled(years: filled))
        }
        var description = model.name
        var members: [CombinationMember] = []
        var intervalMethod: String?
        if horizon > last.year {
            let forecast: YearlyForecast
            do {
                forecast = try YearlyForecaster.forecast(values, model: model, horizon: horizon - last.year, level: level)
            } catch {
                throw ScenarioError(series: series.id, scenario: scenario, "could not be forecast: \(error)")
            }
            for h in 1...(horizon - last.year) {
                let year = last.year + h
                let m = assumptions.shockMultiplier(at: Double(year))
                points.append(ForecastPoint(year: year, value: forecast.values[h - 1] * m,
                                            lower: forecast.lower[h - 1] * m, upper: forecast.upper[h - 1] * m,
                                            isEstimate: true))
            }
            warnings += forecast.warnings
            members = forecast.members
            description = Self.describe(forecast)
            intervalMethod = forecast.intervalMethod
        }
        var result = SeriesForecast(seriesID: series.id, unit: series.unit, points: points, model: .yearly(model),
                                    modelDescription: description, level: level, warnings: warnings, fit: nil)
        result.combination = members
        result.intervalMethod = intervalMethod
        result.fitYears = (window.first?.year ?? last.year)...last.year
        return result.respectingBounds(of: series, fitThrough: fitThrough)
    }

    /// "median of naive, ses, drift, …" or the method's own summary.
    static func describe(_ forecast: YearlyForecast) -> String {
        if forecast.members.count == 1 { return forecast.members[0].summary }
        return "median of " + forecast.members.map(\.name).joined(separator: ", ")
    }
}
