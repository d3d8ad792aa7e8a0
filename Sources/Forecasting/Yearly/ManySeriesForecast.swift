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

/// What a run over many series did, besides the CSV it wrote.
public struct ManySeriesSummary: Sendable {
    /// How many forecast rows were written (header not counted).
    public var rowCount: Int
    /// Each series' warnings, in file order (printed `FILE: series S: warning: …`).
    public var warnings: [Diagnostic]
    /// Each failed series' errors, in file order: a problem of its rows at its cell, a
    /// failed forecast as `FILE: series S: error: …`.
    public var failures: [Diagnostic]
}

/// A run over many series held in memory: its CSV and its summary.
public struct ManySeriesResult: Sendable {
    /// The forecasts as CSV bytes, header first, series in file order.
    public var csv: Data
    public var summary: ManySeriesSummary

    public var rowCount: Int { summary.rowCount }
    public var warnings: [Diagnostic] { summary.warnings }
    public var failures: [Diagnostic] { summary.failures }

    public static let header = "series,year,value,lower,upper,model"

    /// `rows` as CSV lines, each ending in "\n".
    static func lines(_ rows: [ManySeriesRow]) -> Data {
        var out = Data()
        out.reserveCapacity(rows.count * 80)
        for row in rows {
            out.append(contentsOf: CSVWriter.line([row.series, String(row.year), CSVWriter.number(row.value),
                                                   CSVWriter.number(row.lower), CSVWriter.number(row.upper), row.model]).utf8)
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }
}

public enum ManySeriesForecast {
    /// Forecasts every series and returns the whole CSV in memory (tests, `check`'s probe).
    public static func run(_ table: LongSeriesTable, options: ManySeriesOptions,
                           progress: (@Sendable (Int, Int, String) -> Void)? = nil) -> ManySeriesResult {
        var csv = Data()
        // Collecting into memory cannot fail, so `try?` never takes its empty branch.
        let summary = (try? run(table, options: options, progress: progress, write: { csv.append($0) }))
            ?? ManySeriesSummary(rowCount: 0, warnings: [], failures: [])
        return ManySeriesResult(csv: csv, summary: summary)
    }

    /// Forecasts every series on `options.threads` threads and hands the CSV to `write` in
    /// file order — the header, then each series' lines as soon as every series before it
    /// is done — so the output streams and only the series finished out of order wait in
    /// memory. The first error `write` throws stops further writing and is rethrown after
    /// the workers finish. Every worker formats its own series' lines, so formatting runs
    /// on every core and no table of rows is held for the whole file.
    public static func run(_ table: LongSeriesTable, options: ManySeriesOptions,
                           progress: (@Sendable (Int, Int, String) -> Void)? = nil,
                           write: (Data) throws -> Void) throws -> ManySeriesSummary {
        let series = table.series
        try write(Data((ManySeriesResult.header + "\n").utf8))
        // A series' own problems carry their file, line and column, and name the series.
        var summary = ManySeriesSummary(rowCount: 0, warnings: [], failures: table.problems.flatMap(\.errors.errors))
        var writeError: Error?
        try withoutActuallyEscaping(write) { write in
            let drain = InOrderDrain<Outcome> { outcome in
                switch outcome {
                case .success(let result):
                    if writeError == nil {
                        do { try write(result.lines) } catch { writeError = error }
                    }
                    summary.rowCount += result.rowCount
                    summary.warnings += result.warnings
                case .failure(let errors):
                    summary.failures += errors
                }
            }
            let counter = WorkCounter(total: series.count)
            let worker = {
                while let index = counter.claim() {
                    drain.put(index, forecastOne(series[index], options: options, file: table.file))
                    progress?(counter.finishOne(), series.count, series[index].id)
                }
            }
            let threads = max(1, min(options.threads, series.count))
            if threads == 1 {
                worker()
            } else {
                DispatchQueue.concurrentPerform(iterations: threads) { _ in worker() }
            }
            if let writeError { throw writeError }
        }
        return summary
    }

    enum Outcome: Sendable {
        /// The series' CSV lines (formatted by the worker), their count, its warnings.
        case success((lines: Data, rowCount: Int, warnings: [Diagnostic]))
        case failure([Diagnostic])

        static func forecast(_ rows: [ManySeriesRow], warnings: [Diagnostic]) -> Outcome {
            .success((ManySeriesResult.lines(rows), rows.count, warnings))
        }
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
            let history = YearlyHistory(years: series.years, values: series.values)
            let forecast = try options.model.method.forecast(history, horizon: horizon, level: options.level)
            var points = forecast.values, lower = forecast.lower, upper = forecast.upper
            var warnings = forecast.warnings
            if let warning = options.bounds?.hold(values: &points, lower: &lower, upper: &upper, firstYear: last + 1).warning {
                warnings.append(warning)
            }
            // One label for the series' rows: a computed label per row was a string each.
            let label = forecast.label
            let rows = (0..<horizon).map { h in
                ManySeriesRow(series: series.id, year: last + h + 1, value: points[h],
                              lower: lower[h], upper: upper[h], model: label)
            }
            return .forecast(rows, warnings: warnings.map { about($0.description, severity: .warning) })
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
