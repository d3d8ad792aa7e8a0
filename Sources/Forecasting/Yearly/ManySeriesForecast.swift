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

    public init(model: ModelSpec = .auto, horizon: Horizon, level: Double = 0.95, threads: Int = 1) {
        self.model = model; self.horizon = horizon; self.level = level; self.threads = threads
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
    /// `FILE: series S: warning: …`, in file order.
    public var warnings: [String]
    /// `FILE: series S: error: …`, in file order.
    public var failures: [String]

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
        let slots = ResultSlots(count: series.count)
        let done = Counter()
        let work: (Int) -> Void = { index in
            let outcome = forecastOne(series[index], options: options, file: table.file)
            slots.set(index, outcome)
            let completed = done.increment()
            progress?(completed, series.count, series[index].id)
        }
        let threads = max(1, min(options.threads, series.count))
        if threads == 1 {
            for index in series.indices { work(index) }
        } else {
            // Each worker takes the next unclaimed series until none is left.
            let next = Counter()
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while true {
                    let index = next.increment() - 1
                    guard index < series.count else { return }
                    work(index)
                }
            }
        }
        var rows: [ManySeriesRow] = []
        var warnings: [String] = []
        var failures = table.problems.map { problem in
            "\(table.file): series \(problem.series): error: " + problem.errors.description
        }
        for outcome in slots.values {
            switch outcome {
            case .success(let result):
                rows += result.rows
                warnings += result.warnings
            case .failure(let message):
                failures.append(message)
            case nil:
                break
            }
        }
        return ManySeriesResult(rows: rows, warnings: warnings, failures: failures)
    }

    enum Outcome: Sendable {
        case success((rows: [ManySeriesRow], warnings: [String]))
        case failure(String)
    }

    static func forecastOne(_ series: LongSeries, options: ManySeriesOptions, file: String) -> Outcome {
        let prefix = "\(file): series \(series.id)"
        guard let last = series.years.last else { return .failure("\(prefix): error: the series has no rows") }
        let horizon: Int
        switch options.horizon {
        case .years(let n): horizon = n
        case .through(let year):
            guard year > last else {
                return .failure("\(prefix): error: --to \(year) is not after the series' last year \(last)\n  hint: give a later year, or --horizon N for N years past each series' end")
            }
            horizon = year - last
        }
        guard horizon <= ManySeriesOptions.maximumHorizon else {
            return .failure("\(prefix): error: forecasting \(horizon) years past \(last) is beyond the \(ManySeriesOptions.maximumHorizon) years this tool extrapolates\n  hint: choose a nearer year")
        }
        do {
            switch options.model {
            case .yearly(let model):
                let (values, filled) = GapFilling.fill(years: series.years, values: series.values)
                let forecast = try YearlyForecaster.forecast(values, model: model, horizon: horizon, level: options.level)
                var warnings = forecast.warnings
                if !filled.isEmpty {
                    warnings.insert("years \(filled.map(String.init).joined(separator: ", ")) are missing and were filled by interpolation for the fit", at: 0)
                }
                let rows = (0..<horizon).map { h in
                    ManySeriesRow(series: series.id, year: last + h + 1, value: forecast.values[h],
                                  lower: forecast.lower[h], upper: forecast.upper[h], model: forecast.label)
                }
                return .success((rows, warnings.map { "\(prefix): warning: \($0)" }))
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
                    return .failure("\(prefix): error: the \(kind.rawValue) fit did not converge: \(fit.reason)")
                }
                var rows: [ManySeriesRow] = []
                let floor = series.values.allSatisfy { $0 > 0 } ? 0.0 : -Double.infinity
                for h in 1...horizon {
                    let year = last + h
                    let band = fit.predictionInterval(at: Double(year), level: options.level)
                    rows.append(ManySeriesRow(series: series.id, year: year, value: fit.predict(Double(year)),
                                              lower: max(band.lower, floor), upper: band.upper, model: kind.rawValue))
                }
                return .success((rows, fit.warnings.map { "\(prefix): warning: \($0)" }))
            }
        } catch {
            return .failure("\(prefix): error: \(error)")
        }
    }
}

/// One slot per series, written by whichever worker forecast it.
private final class ResultSlots: @unchecked Sendable {
    private var storage: [ManySeriesForecast.Outcome?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: ManySeriesForecast.Outcome) {
        lock.lock(); storage[index] = value; lock.unlock()
    }
    var values: [ManySeriesForecast.Outcome?] { lock.lock(); defer { lock.unlock() }; return storage }
}

private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    /// Adds one and returns the new value.
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}
