import ArgumentParser
import Forecasting
import Foundation
import MarketData
import Report

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Fit and chart every series CSV in a folder: one market-size page each, batch.csv and batch.pdf.",
        discussion: """
        Every .csv in DIR (columns year,value,unit,status,source as in datasets/china-ai-market-size.csv)
        becomes charts/<file name>.png|svg|pdf|csv under <out>/<DIR's name>/, with one row in batch.csv
        and one page in batch.pdf, in file-name order. A series that fails is reported and skipped; the
        others are still written and the exit status is 1.
        """)

    @Argument(help: "The folder of series CSV files.")
    var dir: String

    @Option(help: "The folder that receives <DIR's name>/.")
    var out = "output"

    @Option(help: ArgumentHelp("Growth model for every series, or auto to choose per series.",
                               discussion: "Models: \(ModelSpec.names.joined(separator: ", "))."),
            transform: ModelArgument.parse)
    var model: ModelSpec = .auto

    @Option(help: "Last forecast year (default: five years after each series' last actual).")
    var horizon: Int?

    @Option(help: "Worker threads (default: every core). The output is the same for any count.")
    var threads: Int?

    @Flag(help: "Replace <out>/<DIR's name>/ even if marketcast did not write it (its files are lost).")
    var force = false
    @Option(help: ArgumentHelp("The range the values take by their nature, LOW,HIGH (0,100 for shares in %): no point or interval end crosses it.",
                               valueName: "low,high"))
    var bounds: String?

    @Option(help: "batch.pptx's document date, YYYY-MM-DD (default: the series' latest publication date, never the clock).")
    var date: String?

    @OptionGroup var output: ChartOutputOptions

    func validate() throws {
        if let date {
            let parts = date.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  let year = Int(parts[0]), (1980...2099).contains(year),
                  let month = Int(parts[1]), (1...12).contains(month), let day = Int(parts[2]), (1...31).contains(day) else {
                throw ValidationError("--date `\(date)` is not a date: write YYYY-MM-DD, e.g. 2026-11-29")
            }
        }
        if let horizon, !(1900...2200).contains(horizon) {
            throw ValidationError("--horizon must be a year between 1900 and 2200, not \(horizon)")
        }
        if let threads, !(1...1024).contains(threads) {
            throw ValidationError("--threads must lie between 1 and 1024, not \(threads)")
        }
        if let bounds {
            do { _ = try NaturalBounds.parse(bounds) } catch { throw ValidationError("--bounds: \(error)") }
        }
    }

    func run() throws {
        let quiet = output.quiet
        let progress = ProgressDisplay(label: "batch", quiet: quiet)
        try CommandLineOutput.reportingErrors {
            defer { progress.end() }
            var options = BatchOptions(inputFolder: dir, outputRoot: out, model: model, horizon: horizon,
                                       language: output.language() ?? .zh,
                                       formats: output.outputFormats(),
                                       pngScale: try output.pngScale(), threads: threads)
            options.force = force
            options.template = output.template
            options.update = output.update
            options.date = date
            options.bounds = try bounds.map(NaturalBounds.parse)
            let summary = try BatchRun.run(options, progress: progress.handler)
            progress.end()
            if !quiet { CommandLineOutput.print(summary.warnings) }
            CommandLineOutput.print(summary.failures.flatMap(\.diagnostics))
            if !quiet {
                print("wrote \(summary.succeeded) series into \(summary.folder)"
                      + (summary.failures.isEmpty ? "" : "; \(summary.failures.count) failed (see above and batch.csv)"))
            }
            if !summary.failures.isEmpty { throw ExitCode(1) }
        }
    }
}
