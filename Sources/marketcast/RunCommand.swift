import ArgumentParser
import Foundation
import Logging
import Rendering
import Report

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Fit every series, render every chart and the report into <out>/<quarter>/.")

    @Option(help: "The report config.")
    var config = "report.yaml"

    @Option(help: "The folder that receives <quarter>/.")
    var out = "output"

    @Option(help: "Override the config's quarter, e.g. 2026Q4.")
    var quarter: String?

    @Flag(help: "Replace <out>/<quarter>/ even if marketcast did not write it (its files are lost).")
    var force = false

    @OptionGroup var output: ChartOutputOptions

    func validate() throws {
        if let quarter, let (message, hint) = ReportConfig.quarterOverrideProblem(quarter) {
            throw ValidationError("--quarter \(message): \(hint)")
        }
    }

    func run() throws {
        let quiet = output.quiet
        let logger = CommandLineOutput.logger(label: "marketcast.run", quiet: quiet)
        let progress = ProgressDisplay(label: "run", quiet: quiet)
        try CommandLineOutput.reportingErrors {
            defer { progress.end() }
            var options = RunOptions(configPath: config, outputRoot: out, quarter: quarter,
                                     language: output.language(), formats: output.outputFormats(),
                                     pngScale: try output.pngScale())
            options.force = force
            options.template = output.template
            options.update = output.update
            let summary = try ReportRun.run(options, logger: logger, progress: progress.handler)
            if !quiet {
                StandardStreams.out("wrote \(summary.files.count) files into \(summary.folder)\n")
            }
        }
    }
}
