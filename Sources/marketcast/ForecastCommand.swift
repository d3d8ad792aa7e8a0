// `marketcast forecast`: many series from one long CSV (series,year,value), forecast with
// `auto` or a named model, one row per series and forecast year.
import ArgumentParser
import Foundation
import Forecasting
import MarketData
import Report

struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast every series of a long CSV (series,year,value): point forecasts with calibrated intervals.",
        discussion: """
        Writes series,year,value,lower,upper,model: one row per series and forecast year, to standard \
        output or --out. `auto` (the default) is the median of naive, simple smoothing, drift, damped trend, \
        drift and Theta on the log scale, with intervals from out-of-sample errors (relative below the \
        forecast, so a positive series' lower end stays above zero). A series that cannot be forecast is reported \
        on stderr (FILE: series S: error: …); the others are still written and the exit status is 1.
        Models: \(ModelSpec.names.joined(separator: ", ")).
        """)

    @Argument(help: "The long CSV file: one row per series and year.")
    var file: String

    @Option(help: "The column naming the series.")
    var id = "series"

    @Option(help: "The year column.")
    var x = "year"

    @Option(help: "The value column.")
    var y = "value"

    @Option(help: "Forecast N years past each series' own last year.")
    var horizon: Int?

    @Option(help: "Forecast through this year.")
    var to: Int?

    @Option(help: "auto, a yearly method or a growth curve.", transform: ModelArgument.parse)
    var model: ModelSpec = .auto

    @Option(help: "Coverage of the prediction intervals.")
    var level = 0.95

    @Option(help: "Write the CSV here instead of standard output (renamed into place when complete).")
    var out: String?

    @Option(help: "Worker threads (default: every core). The output is the same for any count.")
    var threads: Int?

    @Option(help: ArgumentHelp("The range the values take by their nature, LOW,HIGH (0,100 for a share in %; 0, for a floor alone): no point or interval end crosses it.",
                               valueName: "low,high"))
    var bounds: String?

    @Flag(help: "Print nothing but errors: no progress and no warnings, as for run and batch.")
    var quiet = false

    func validate() throws {
        switch (horizon, to) {
        case (nil, nil): throw ValidationError("give --horizon N (years past each series' end) or --to YEAR")
        case (.some, .some): throw ValidationError("give --horizon or --to, not both")
        default: break
        }
        if let horizon, !(1...ManySeriesOptions.maximumHorizon).contains(horizon) {
            throw ValidationError("--horizon must lie between 1 and \(ManySeriesOptions.maximumHorizon), not \(horizon)")
        }
        if let to, !LongSeriesTable.yearRange.contains(to) {
            throw ValidationError("--to must be a calendar year such as 2030, not \(to)")
        }
        guard IntervalCalibration.levelRange.contains(level) else {
            throw ValidationError("--level must lie between \(IntervalCalibration.levelRange.lowerBound) and \(IntervalCalibration.levelRange.upperBound), not \(level)")
        }
        if let threads, !(1...1024).contains(threads) {
            throw ValidationError("--threads must lie between 1 and 1024, not \(threads)")
        }
        if let bounds {
            do { _ = try NaturalBounds.parse(bounds) } catch { throw ValidationError("--bounds: \(error)") }
        }
        let columns = [("--id", id), ("--x", x), ("--y", y)]
        for (i, first) in columns.enumerated() {
            for second in columns[(i + 1)...] where first.1 == second.1 {
                throw ValidationError("\(first.0) and \(second.0) both name the column \"\(first.1)\": the series, year and value columns must differ")
            }
        }
    }

    func run() throws {
        let display = ProgressDisplay(label: "forecast", quiet: quiet)
        try CommandLineOutput.reportingErrors {
            defer { display.end() }
            if let out { try AtomicFile.refuseOverwriting(input: file, with: out) }
            let table = try LongSeriesTable.read(path: file, idColumn: id, xColumn: x, yColumn: y)
            let options = ManySeriesOptions(model: model,
                                            horizon: horizon.map { .years($0) } ?? .through(to!),
                                            level: level, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                                            bounds: try bounds.map(NaturalBounds.parse))
            let handler = display.handler
            let progress: @Sendable (Int, Int, String) -> Void = { completed, total, item in
                handler(ProgressStep(completed: completed, total: total, item: item))
            }
            // The CSV streams to its destination as the series finish, in file order.
            var result: ManySeriesSummary?
            if let out {
                do {
                    try AtomicFile.write(to: out) { temporary in
                        let file = try StreamedFile(path: temporary, reportedAs: out)
                        defer { file.close() }
                        let done = try ManySeriesForecast.run(table, options: options, progress: progress, write: file.write)
                        result = done
                        try file.finish()
                        // A file of headers only would replace an earlier good one: keep that instead.
                        if done.rowCount == 0 { throw NothingForecast() }
                    }
                } catch is NothingForecast {}
            } else {
                result = try ManySeriesForecast.run(table, options: options, progress: progress, write: StandardStreams.out)
            }
            display.end()
            guard let result else { return }
            if !quiet { CommandLineOutput.print(result.warnings) }
            CommandLineOutput.print(result.failures)
            if let out, result.rowCount == 0 {
                CommandLineOutput.print([Diagnostic(file: out, "no series could be forecast, so the file was not written"
                                                    + " (an earlier one is left as it was)", hint: "fix the errors above and rerun")])
                throw ExitCode(1)
            }
            if !result.failures.isEmpty { throw ExitCode(1) }
        }
    }
}

/// Thrown inside the atomic write when no series could be forecast, so the file of a
/// header alone is not published over an earlier good one.
private struct NothingForecast: Error {}

