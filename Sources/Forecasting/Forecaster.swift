import MarketData
import Numerics

/// Fits a series' actuals with a growth model and extends it to the horizon. Years enter
/// the fit as they are; the catalog measures time from the first year itself, so
/// exponentials of calendar years never overflow.
public enum Forecaster {
    public static func forecast(_ series: MarketSeries, model: String, horizon: Int,
                                level: Double) throws -> SeriesForecast {
        let actuals = series.actuals
        guard let last = actuals.last else {
            throw ForecastError.noActuals(series: series.id, file: series.file)
        }
        guard horizon >= last.year else {
            throw ForecastError.horizonBeforeData(series: series.id, horizon: horizon, lastActual: last.year)
        }
        let t = actuals.map { Double($0.year) }
        let y = actuals.map(\.value)
        let fit: GrowthFit
        var warnings: [String] = []
        var selectionReason: String?
        if model == "auto" {
            let selection = try ModelSelection.auto(x: t, y: y)
            fit = selection.chosen
            selectionReason = selection.reason
        } else if let kind = GrowthModelKind(rawValue: model) {
            fit = try GrowthCurves.fit(kind, x: t, y: y)
        } else {
            throw ForecastError.unknownModel(model, known: GrowthModelKind.allCases.map(\.rawValue) + ["auto"])
        }
        warnings += fit.warnings

        var points = actuals.map { ForecastPoint(year: $0.year, value: $0.value, isEstimate: false) }
        if horizon > last.year {
            for year in (last.year + 1)...horizon {
                let x = Double(year)
                let band = fit.predictionInterval(at: x, level: level)
                points.append(ForecastPoint(year: year, value: fit.predict(x), lower: band.lower,
                                            upper: band.upper, isEstimate: true))
            }
        }
        let summary = FitSummary(
            parameters: zip(fit.parameterNames, zip(fit.parameters, fit.standardErrors)).map {
                ParameterEstimate(name: $0.0, value: $0.1.0, standardError: $0.1.1)
            },
            residualSumOfSquares: fit.residualSumOfSquares, degreesOfFreedom: fit.degreesOfFreedom,
            aicc: fit.aicc, bic: fit.bic, iterations: fit.iterations,
            fitYears: (actuals.first?.year ?? last.year)...last.year, selectionReason: selectionReason)
        return SeriesForecast(seriesID: series.id, unit: series.unit, points: points,
                              modelName: fit.kind.rawValue,
                              modelDescription: fit.description,
                              level: level, warnings: warnings, fit: summary)
    }
}

public enum ForecastError: Error, CustomStringConvertible {
    case noActuals(series: String, file: String)
    case horizonBeforeData(series: String, horizon: Int, lastActual: Int)
    case unknownModel(String, known: [String])

    public var description: String {
        switch self {
        case let .noActuals(series, file):
            return "\(file): error: series `\(series)` has no rows with status `actual` to fit\n"
                + "  hint: mark published values as `actual`; estimates alone cannot be fitted"
        case let .horizonBeforeData(series, horizon, lastActual):
            return "error: the horizon \(horizon) lies before the last actual year \(lastActual) of `\(series)`\n"
                + "  hint: set `horizon` in the report config to \(lastActual) or later"
        case let .unknownModel(name, known):
            let guess = Suggestions.closest(to: name, among: known).map { "did you mean `\($0)`? " } ?? ""
            return "error: unknown model `\(name)`\n  hint: \(guess)known models: \(known.joined(separator: ", "))"
        }
    }
}
