// The honest check of a forecast: fit on the actuals up to a past year, forecast the years
// that have since been published, and compare. Every catalog model the truncated data can
// support (more points than free parameters) and every scenario is tried as it stands;
// nothing is tuned to the answer.
import Foundation
import MarketData
import Numerics

/// What a backtest row forecasts with: a model of the catalog (`auto`, `drift`,
/// `exponential`), or a scenario, by its name. Compared as a value; the text
/// (`scenario:<name>`) is made for backtest.csv and the log only.
public enum BacktestSubject: Hashable, Sendable, CustomStringConvertible {
    case model(ModelSpec)
    case scenario(String)

    /// The model; nil for a scenario.
    public var model: ModelSpec? {
        if case .model(let spec) = self { return spec }
        return nil
    }

    /// backtest.csv's `model_or_scenario`: the model's name, or `scenario:<name>`.
    public var description: String {
        switch self {
        case .model(let spec): return spec.name
        case .scenario(let name): return "scenario:\(name)"
        }
    }
}

/// One forecast year compared with the published actual.
public struct BacktestRow: Sendable, Equatable {
    public var method: BacktestSubject
    public var year: Int
    public var forecast: Double
    public var actual: Double
    /// forecast − actual, in the series' unit.
    public var error: Double { forecast - actual }
    /// |forecast − actual| / actual (0.05 = 5%).
    public var absolutePercentError: Double { abs(forecast - actual) / abs(actual) }
}

/// A method that could not be backtested, and why.
public struct BacktestSkip: Sendable, Equatable {
    /// Why, as data, so a report can word it in its own language; `reason` is the English
    /// wording for logs and English pages.
    public enum Cause: Sendable, Equatable {
        /// The model has `parameters` parameters and the fit window only `actuals` actuals.
        case tooFewActuals(parameters: Int, actuals: Int, fitThrough: Int)
        /// A yearly method needs `needs` consecutive actuals; the fit window has `actuals`.
        case tooFewForMethod(needs: Int, actuals: Int, fitThrough: Int)
        /// The fit stopped before converging.
        case notConverged
        /// The fit or the scenario's assumptions failed outright.
        case failed
    }

    public var method: BacktestSubject
    public var reason: String
    public var cause: Cause

    public init(method: BacktestSubject, reason: String, cause: Cause) {
        self.method = method; self.reason = reason; self.cause = cause
    }
}

/// What the methodology page prints: per method, its errors over the held-out years.
public struct BacktestReport: Sendable {
    public var seriesID: String
    public var unit: String
    /// The last actual year the fits saw, and the first.
    public var fitYears: ClosedRange<Int>
    /// The held-out years, ascending.
    public var testYears: [Int]
    /// Methods in order (`auto`, the yearly methods, the catalog's curves, then scenarios in
    /// config order), years ascending.
    public var rows: [BacktestRow]
    public var skipped: [BacktestSkip]

    /// Methods with rows, in row order.
    public var methods: [BacktestSubject] {
        var seen: [BacktestSubject] = []
        for row in rows where !seen.contains(row.method) { seen.append(row.method) }
        return seen
    }

    /// One line per method for the methodology page: its mean absolute percentage error
    /// over the held-out years and how many years that averages, in row order.
    public struct MethodSummary: Sendable, Equatable {
        public var method: BacktestSubject
        public var meanAbsolutePercentError: Double
        public var years: Int
    }

    public var summary: [MethodSummary] {
        methods.map { method in
            MethodSummary(method: method, meanAbsolutePercentError: meanAbsolutePercentError(method) ?? .nan,
                          years: rows.filter { $0.method == method }.count)
        }
    }

    /// Mean absolute percentage error of a method over the held-out years.
    public func meanAbsolutePercentError(_ method: BacktestSubject) -> Double? {
        let errors = rows.filter { $0.method == method }.map(\.absolutePercentError)
        return errors.isEmpty ? nil : errors.reduce(0, +) / Double(errors.count)
    }
}

public enum Backtest {
    /// Fits on actuals with year ≤ `fitThrough` and compares forecasts with the later actuals.
    public static func run(_ series: MarketSeries, fitThrough: Int, scenarios: [Scenario],
                           level: Double) throws -> BacktestReport {
        let fitted = series.actuals.filter { $0.year <= fitThrough }
        let held = series.actuals.filter { $0.year > fitThrough }
        guard let first = fitted.first, let lastFitted = fitted.last else {
            throw ScenarioError(series: series.id, scenario: "backtest", "has no actuals up to \(fitThrough) to fit",
                                hint: "set `backtest.fit_through` to a year with published actuals")
        }
        guard let lastHeld = held.last else {
            throw ScenarioError(series: series.id, scenario: "backtest", "has no published actuals after \(fitThrough) to compare with",
                                hint: "set `backtest.fit_through` before the last actual year")
        }
        var rows: [BacktestRow] = []
        var skipped: [BacktestSkip] = []
        func compare(_ method: BacktestSubject, _ predict: (Int) -> Double) {
            for actual in held {
                rows.append(BacktestRow(method: method, year: actual.year, forecast: predict(actual.year), actual: actual.value))
            }
        }
        // Every model of the catalog through the one method contract: `auto` and the yearly
        // methods first (what a forecast is made with by default), then the curves, whose
        // published bounds are censored as in the forecast, so the backtest scores the
        // method the report uses.
        let history = YearlyHistory(years: fitted.map(\.year), values: fitted.map(\.value), bounds: fitted.map(\.bound))
        let methods: [any ForecastingMethod] = ReferenceCalibration.models + GrowthModelKind.allCases
        for method in methods {
            let subject = BacktestSubject.model(method.spec)
            do {
                let path = try method.pointForecasts(history, horizon: lastHeld.year - lastFitted.year)
                compare(subject) { path[$0 - lastFitted.year - 1] }
            } catch let failure as MethodFailure {
                skipped.append(Self.skip(subject, failure, fitThrough: fitThrough))
            } catch {
                skipped.append(BacktestSkip(method: subject, reason: "the forecast failed: \(error)", cause: .failed))
            }
        }
        for scenario in scenarios {
            guard let assumptions = scenario.assumptions(for: series.id) else { continue }
            let method = BacktestSubject.scenario(scenario.name)
            do {
                let forecast = try ScenarioFitter.forecast(series, assumptions: assumptions, scenario: scenario.name,
                                                           horizon: lastHeld.year, level: level, fitThrough: fitThrough)
                compare(method) { year in forecast.points.first { $0.year == year && $0.isEstimate }?.value ?? .nan }
            } catch {
                skipped.append(BacktestSkip(method: method, reason: "\(error)", cause: .failed))
            }
        }
        return BacktestReport(seriesID: series.id, unit: series.unit, fitYears: first.year...lastFitted.year,
                              testYears: held.map(\.year), rows: rows, skipped: skipped)
    }

    /// A method the fit window could not support, with the reason as the methodology page
    /// and the log word it.
    static func skip(_ subject: BacktestSubject, _ failure: MethodFailure, fitThrough: Int) -> BacktestSkip {
        switch failure {
        case let .tooFewForMethod(_, needs, has):
            return BacktestSkip(method: subject, reason: "needs \(needs) actuals; \(has) up to \(fitThrough)",
                                cause: .tooFewForMethod(needs: needs, actuals: has, fitThrough: fitThrough))
        case let .tooFewActuals(_, parameters, actuals):
            return BacktestSkip(method: subject, reason: "\(parameters) parameters need more than \(parameters) actuals; \(actuals) up to \(fitThrough)",
                                cause: .tooFewActuals(parameters: parameters, actuals: actuals, fitThrough: fitThrough))
        case let .notConverged(_, reason):
            return BacktestSkip(method: subject, reason: "the fit did not converge: \(reason)", cause: .notConverged)
        case .failed:
            // A curve's fit fails; a yearly method's forecast does.
            var what = "forecast"
            if case .curve? = subject.model { what = "fit" }
            return BacktestSkip(method: subject, reason: "the \(what) failed: \(failure.message)", cause: .failed)
        }
    }

    /// backtest.csv: series,model_or_scenario,year,forecast,actual,error,abs_pct_error.
    public static func csv(_ reports: [BacktestReport]) -> String {
        var lines = ["series,model_or_scenario,year,forecast,actual,error,abs_pct_error"]
        for report in reports {
            for row in report.rows {
                lines.append(CSVWriter.line([report.seriesID, row.method.description, "\(row.year)", CSVWriter.number(row.forecast),
                                             CSVWriter.number(row.actual), CSVWriter.number(row.error),
                                             CSVWriter.number(row.absolutePercentError)]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
