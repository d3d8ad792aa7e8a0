// `marketcast forecast`: every series of a long CSV forecast on every core. Each series
// lands in its own slot, so the output is the same bytes whatever the thread count.
import Foundation
import MarketData
import Numerics

public struct ManySeriesOptions: Sendable {
    public enum Horizon: Sendable, Equatable {
        /// N years past each series' own last year.
        case years(Int)
        /// Through this calendar year.
        case through(Int)
    }

    /// Years ahead beyond which nothing is extrapolated.
    public static let maximumHorizon = 100

    public var model: ModelSpec
    public var horizon: Horizon
    public var level: Double
    public var threads: Int
    /// The range every series takes by its nature (`--bounds`); nil: none declared.
    public var bounds: NaturalBounds?

    public init(model: ModelSpec = .auto, horizon: Horizon, level: Double = 0.95, threads: Int = 1,
                bounds: NaturalBounds? = nil) {
        self.model = model; self.horizon = horizon; self.level = level; self.threads = threads; self.bounds = bounds
    }
}

/// One forecast year of one series, as forecasts.csv writes it.
public struct ManySeriesRow: Sendable, Equatable {
    public var series: String
    public var year: Int
    public var value: Double
    public var lower: Double
    public var upper: Double
    public var model: String
}

public struct ManySeriesResult: Sendable {
    public var rows: [ManySeriesRow]
    /// Each series' warnings, in file order (printed `FILE: series S: warning: …`).
    public var warnings: [Diagnostic]
    /// Each failed series' errors, in file order: a problem of its rows at its cell, a
    /// failed forecast as `FILE: series S: error: …`.
    public var failures: [Diagnostic]

    public static let header = "series,year,value,lower,upper,model"

    public var csv: String {
        var lines = [Self.header]
        for row in rows {
            lines.append(CSVWriter.line([row.series, String(row.year), CSVWriter.number(row.value),
                                         CSVWriter.number(row.lower), CSVWriter.number(row.upper), row.model]))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

public enum ManySeriesForecast {
    public static func run(_ table: LongSeriesTable, options: ManySeriesOptions,
                           progress: (@Sendable (Int, Int, String) -> Void)? = nil) -> ManySeriesResult {
        let series = table.series
        let slots = OrderedSlots<Outcome>(count: series.count)
        let counter = WorkCounter(total: series.count)
        let worker = {
            while let index = counter.claim() {
                slots.set(index, forecastOne(series[index], options: options, file: table.file))
                progress?(counter.finishOne(), series.count, series[index].id)
            }
        }
        let threads = max(1, min(options.threads, series.count))
        if threads == 1 {
            worker()
        } else {
            DispatchQueue.concurrentPerform(iterations: threads) { _ in worker() }
        }
        var rows: [ManySeriesRow] = []
        var warnings: [Diagnostic] = []
        // A series' own problems carry their file, line and column, and name the series.
        var failures = table.problems.flatMap(\.errors.errors)
        for outcome in slots.all() {
            switch outcome {
            case .success(let result):
                rows += result.rows
                warnings += result.warnings
            case .failure(let errors):
                failures += errors
            }
        }
        return ManySeriesResult(rows: rows, warnings: warnings, failures: failures)
    }

    enum Outcome: Sendable {
        case success((rows: [ManySeriesRow], warnings: [Diagnostic]))
        case failure([Diagnostic])
    }

    static func forecastOne(_ series: LongSeries, options: ManySeriesOptions, file: String) -> Outcome {
        // A series' rows may be anywhere in the file: the diagnostics name it, not a line.
        func about(_ message: String, hint: String? = nil, severity: Diagnostic.Severity = .error) -> Diagnostic {
            Diagnostic(SourceLocation(file: file), message, hint: hint, severity: severity, subject: "series \(series.id)")
        }
        guard let last = series.years.last else { return .failure([about("the series has no rows")]) }
        let horizon: Int
        switch options.horizon {
        case .years(let n): horizon = n
        case .through(let year):
            guard year > last else {
                return .failure([about("--to \(year) is not after the series' last year \(last)",
                                       hint: "give a later year, or --horizon N for N years past each series' end")])
            }
            horizon = year - last
        }
        guard horizon <= ManySeriesOptions.maximumHorizon else {
            return .failure([about("forecasting \(horizon) years past \(last) is beyond the \(ManySeriesOptions.maximumHorizon) years this tool extrapolates",
                                   hint: "choose a nearer year")])
        }
        // Output years stay in the range input years may take.
        guard last + horizon <= LongSeriesTable.yearRange.upperBound else {
            return .failure([about("forecasting \(horizon) years past \(last) reaches \(last + horizon), beyond the last calendar year marketcast handles (\(LongSeriesTable.yearRange.upperBound))",
                                   hint: "choose a shorter --horizon")])
        }
        do {
            try options.bounds?.checkHistory(years: series.years, values: series.values)
            switch options.model {
            case .yearly(let model):
                let (values, filled) = try GapFilling.fill(years: series.years, values: series.values)
                let forecast = try YearlyForecaster.forecast(values, model: model, horizon: horizon, level: options.level)
                // The batch line's words: printed here, where the line is made.
                var warnings = forecast.warnings.map(\.description)
                if !filled.isEmpty {
                    warnings.insert("\(GapFilling.describe(filled)) missing and were filled by interpolation for the fit", at: 0)
                }
                var points = forecast.values, lower = forecast.lower, upper = forecast.upper
                if let warning = options.bounds?.hold(values: &points, lower: &lower, upper: &upper, firstYear: last + 1).warning {
                    warnings.append(warning.description)
                }
                let rows = (0..<horizon).map { h in
                    ManySeriesRow(series: series.id, year: last + h + 1, value: points[h],
                                  lower: lower[h], upper: upper[h], model: forecast.label)
                }
                return .success((rows, warnings.map { about($0, severity: .warning) }))
            case .curve, .bestCurve:
                let x = series.years.map(Double.init)
                let fit: GrowthFit
                if case .curve(let kind) = options.model {
                    fit = try GrowthCurves.fit(kind, x: x, y: series.values)
                } else {
                    fit = try ModelSelection.auto(x: x, y: series.values).chosen
                }
                let kind = fit.kind
                guard fit.converged else {
                    return .failure([about("the \(kind.rawValue) fit did not converge: \(fit.reason)")])
                }
                let floor = series.values.allSatisfy { $0 > 0 } ? 0.0 : -Double.infinity
                var values: [Double] = [], lower: [Double] = [], upper: [Double] = []
                for h in 1...horizon {
                    let year = Double(last + h)
                    let band = fit.predictionInterval(at: year, level: options.level)
                    values.append(fit.predict(year)); lower.append(max(band.lower, floor)); upper.append(band.upper)
                }
                var warnings = fit.warnings
                if let warning = options.bounds?.hold(values: &values, lower: &lower, upper: &upper, firstYear: last + 1).warning {
                    warnings.append(warning.description)
                }
                let rows = (0..<horizon).map { h in
                    ManySeriesRow(series: series.id, year: last + h + 1, value: values[h], lower: lower[h], upper: upper[h],
                                  model: kind.rawValue)
                }
                return .success((rows, warnings.map { about($0, severity: .warning) }))
            }
        } catch {
            // A fit's errors know no file: they are placed at the series.
            return .failure(Diagnostic.of(error).map { diagnostic in
                guard diagnostic.location.file.isEmpty else { return diagnostic }
                var placed = about(diagnostic.message, hint: diagnostic.hint, severity: diagnostic.severity)
                placed.excerpt = diagnostic.excerpt
                return placed
            })
        }
    }
}
