// The one contract every way of forecasting a yearly history meets — `auto` and the yearly
// methods, a growth curve of the catalog, the best of the catalog's curves, an analyst's
// formula in `year` with its start values: fit on a
// history, forecast the years after it (points alone, or with intervals), say what it is.
// The backtest scores any method through it in one loop, and `forecast` runs any of them
// over many series the same way, so a new kind of method joins both by conforming once.
import Foundation
import MarketData
import Numerics

/// A history as every method takes it: years ascending, their values, and which values are
/// published bounds ("超过…", fitted by the curves as censored observations).
public struct YearlyHistory: Sendable, Equatable {
    public var years: [Int]
    public var values: [Double]
    public var bounds: [ObservationBound?]

    public init(years: [Int], values: [Double], bounds: [ObservationBound?]? = nil) {
        self.years = years; self.values = values
        self.bounds = bounds ?? years.map { _ in nil }
    }
}

/// A method's forecast of the `horizon` years after its history.
public struct MethodForecast: Sendable {
    /// What made the path (for `curves`, the curve chosen).
    public var model: ForecastModel
    /// The name files print: `combination(naive,drift,…)` for `auto`, else the model's name.
    public var label: String
    public var values: [Double]
    public var lower: [Double]
    public var upper: [Double]
    public var warnings: [ForecastWarning]
}

/// Why a method could not forecast a history, as cases its callers word (the backtest's
/// skip reasons, `forecast`'s errors).
public enum MethodFailure: DiagnosticConvertible {
    /// A curve with `parameters` parameters needs more than that many actuals.
    case tooFewActuals(model: ForecastModel, parameters: Int, actuals: Int)
    /// A yearly method needs `needs` consecutive values.
    case tooFewForMethod(method: YearlyMethod, needs: Int, has: Int)
    /// The curve's fit stopped before converging.
    case notConverged(model: ForecastModel, reason: String)
    /// The fit or the forecast failed outright, for `cause`.
    case failed(any Error)

    /// The failure as diagnostics: the cause's own (with its hints) when it failed outright.
    public var diagnostics: [Diagnostic] {
        if case .failed(let cause) = self { return Diagnostic.of(cause) }
        return [Diagnostic(SourceLocation(file: ""), message)]
    }

    /// The failure in one sentence, for the backtest's skip reasons.
    public var message: String {
        switch self {
        case let .tooFewActuals(model, parameters, actuals):
            return "\(model) has \(parameters) parameters and needs more than \(parameters) values to fit and size an interval; the series has \(actuals)"
        case let .tooFewForMethod(method, needs, has):
            return YearlyMethodError.tooFewPoints(method: method.rawValue, needs: needs, has: has).description
        case let .notConverged(model, reason):
            return "the \(model) fit did not converge: \(reason)"
        case .failed(let cause):
            return "\(cause)"
        }
    }
}

public protocol ForecastingMethod: Sendable, CustomStringConvertible {
    /// What the analyst asked for (`auto`, `drift`, `logistic`, `curves`).
    var spec: ModelSpec { get }
    /// The points for the `horizon` years after the history's last, without intervals (what
    /// a backtest compares; cheaper than `forecast`).
    func pointForecasts(_ history: YearlyHistory, horizon: Int) throws -> [Double]
    /// The points and their `level` intervals for the `horizon` years after the history.
    func forecast(_ history: YearlyHistory, horizon: Int, level: Double) throws -> MethodForecast
}

extension ForecastingMethod {
    public var description: String { spec.name }
}

extension ModelSpec {
    /// The method this spec names.
    public var method: any ForecastingMethod {
        switch self {
        case .yearly(let model): return model
        case .curve(let kind): return kind
        case .bestCurve: return BestCurve()
        // Without start values every parameter's fit fails with a message naming it; a
        // scenario's model carries them (SeriesAssumptions.Model.method).
        case .formula(let text): return FormulaMethod(text: text, start: [:])
        }
    }
}

extension SeriesAssumptions.Model {
    /// The method a scenario names, a formula with its start values.
    public var method: any ForecastingMethod {
        if case .formula(let text) = spec { return FormulaMethod(text: text, start: start) }
        return spec.method
    }
}

extension YearlyModel: ForecastingMethod {
    public var spec: ModelSpec { .yearly(self) }

    public func pointForecasts(_ history: YearlyHistory, horizon: Int) throws -> [Double] {
        let values = try filled(history).values
        return try Self.translatingFailures { try YearlyForecaster.pointForecasts(values, model: self, horizon: horizon).values }
    }

    public func forecast(_ history: YearlyHistory, horizon: Int, level: Double) throws -> MethodForecast {
        let (values, gaps) = try filled(history)
        let forecast = try Self.translatingFailures {
            try YearlyForecaster.forecast(values, model: self, horizon: horizon, level: level)
        }
        return MethodForecast(model: .yearly(self), label: forecast.label, values: forecast.values,
                              lower: forecast.lower, upper: forecast.upper,
                              warnings: (gaps.isEmpty ? [] : [.gapsFilled(years: gaps)]) + forecast.warnings)
    }

    /// The yearly methods take consecutive years: a missing year is interpolated.
    private func filled(_ history: YearlyHistory) throws -> (values: [Double], gaps: [Int]) {
        do {
            let (values, filled) = try GapFilling.fill(years: history.years, values: history.values)
            return (values, filled)
        } catch {
            throw MethodFailure.failed(error)
        }
    }

    private static func translatingFailures<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch YearlyMethodError.tooFewPoints(let name, let needs, let has) {
            guard let method = YearlyMethod(rawValue: name) else { throw MethodFailure.failed(YearlyMethodError.tooFewPoints(method: name, needs: needs, has: has)) }
            throw MethodFailure.tooFewForMethod(method: method, needs: needs, has: has)
        } catch {
            throw MethodFailure.failed(error)
        }
    }
}

extension GrowthModelKind: ForecastingMethod {
    public var spec: ModelSpec { .curve(self) }

    public func pointForecasts(_ history: YearlyHistory, horizon: Int) throws -> [Double] {
        let fit = try fitted(history)
        let last = history.years.last ?? 0
        return (1...max(horizon, 1)).prefix(horizon).map { fit.predict(Double(last + $0)) }
    }

    public func forecast(_ history: YearlyHistory, horizon: Int, level: Double) throws -> MethodForecast {
        try Self.intervals(of: fitted(history), history: history, horizon: horizon, level: level)
    }

    /// The curve fitted to the history, its published bounds censored (CensoredFit), as the
    /// report fits it; a fit that did not converge is a failure.
    func fitted(_ history: YearlyHistory) throws -> GrowthFit {
        let parameters = parameterNames.count
        guard history.values.count > parameters else {
            throw MethodFailure.tooFewActuals(model: .curve(self), parameters: parameters, actuals: history.values.count)
        }
        let x = history.years.map(Double.init)
        let fit: GrowthFit
        do {
            fit = try CensoredFit.fit(x: x, y: history.values, bounds: history.bounds, predict: { $0.predict($1) }) {
                try GrowthCurves.fit(self, x: x, y: $0)
            }.fit
        } catch {
            throw MethodFailure.failed(error)
        }
        guard fit.converged else { throw MethodFailure.notConverged(model: .curve(self), reason: fit.reason) }
        return fit
    }

    /// Points and delta-method prediction intervals of a fitted curve; a positive history
    /// keeps its lower ends at zero or above.
    static func intervals(of fit: GrowthFit, history: YearlyHistory, horizon: Int, level: Double) -> MethodForecast {
        let last = history.years.last ?? 0
        let floor = history.values.allSatisfy { $0 > 0 } ? 0.0 : -Double.infinity
        var values: [Double] = [], lower: [Double] = [], upper: [Double] = []
        for h in (1...max(horizon, 1)).prefix(horizon) {
            let year = Double(last + h)
            let band = fit.predictionInterval(at: year, level: level)
            values.append(fit.predict(year)); lower.append(max(band.lower, floor)); upper.append(band.upper)
        }
        let warnings = fit.curve.result.warnings.map(ForecastWarning.fit) + fit.identifiability.map(ForecastWarning.identifiability)
        return MethodForecast(model: .curve(fit.kind), label: fit.kind.rawValue, values: values, lower: lower, upper: upper,
                              warnings: warnings)
    }
}

/// `curves`: every catalog curve ranked by AICc and a one-step backtest, the best kept
/// (ModelSelection).
public struct BestCurve: ForecastingMethod {
    public init() {}
    public var spec: ModelSpec { .bestCurve }

    public func pointForecasts(_ history: YearlyHistory, horizon: Int) throws -> [Double] {
        try forecast(history, horizon: horizon, level: 0.95).values
    }

    public func forecast(_ history: YearlyHistory, horizon: Int, level: Double) throws -> MethodForecast {
        let fit: GrowthFit
        do {
            fit = try ModelSelection.auto(x: history.years.map(Double.init), y: history.values).chosen
        } catch {
            throw MethodFailure.failed(error)
        }
        guard fit.converged else { throw MethodFailure.notConverged(model: .curve(fit.kind), reason: fit.reason) }
        return GrowthModelKind.intervals(of: fit, history: history, horizon: horizon, level: level)
    }
}

/// An analyst's formula in `year` (`a*(1+g)^(year-2019)`), fitted by least squares from its
/// start values, with delta-method prediction intervals (FormulaCurveFit).
public struct FormulaMethod: ForecastingMethod {
    public var text: String
    public var start: [String: Double]

    public init(text: String, start: [String: Double]) {
        self.text = text; self.start = start
    }

    public var spec: ModelSpec { .formula(text) }

    public func pointForecasts(_ history: YearlyHistory, horizon: Int) throws -> [Double] {
        let fit = try fitted(history)
        let last = history.years.last ?? 0
        return (1...max(horizon, 1)).prefix(horizon).map { fit.predict(Double(last + $0)) }
    }

    public func forecast(_ history: YearlyHistory, horizon: Int, level: Double) throws -> MethodForecast {
        let fit = try fitted(history)
        let last = history.years.last ?? 0
        var values: [Double] = [], lower: [Double] = [], upper: [Double] = []
        for h in (1...max(horizon, 1)).prefix(horizon) {
            let year = Double(last + h)
            let band = fit.predictionInterval(at: year, level: level)
            values.append(fit.predict(year)); lower.append(band.lower); upper.append(band.upper)
        }
        return MethodForecast(model: .formula, label: ForecastModel.formula.description, values: values,
                              lower: lower, upper: upper, warnings: fit.warnings(ceilingIsSet: false))
    }

    private func fitted(_ history: YearlyHistory) throws -> FormulaCurveFit {
        let fit: FormulaCurveFit
        do {
            fit = try FormulaCurveFit.fit(text, x: history.years.map(Double.init), y: history.values,
                                          options: GrowthFitOptions(), start: start)
        } catch {
            throw MethodFailure.failed(error)
        }
        guard fit.converged else { throw MethodFailure.notConverged(model: .formula, reason: fit.reason) }
        return fit
    }
}

