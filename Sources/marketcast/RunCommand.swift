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

    @Option(help: "Chart formats, comma separated: png,svg,pdf.")
    var formats = "png,svg,pdf"

    @Option(help: "Report language: zh or en.")
    var lang: String?

    @Option(help: "PNG scale: 1 gives 1920×1080, 2 gives 3840×2160.")
    var scale: Double = 1

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let logger = CommandLineOutput.logger(label: "marketcast.run", quiet: quiet)
        let progress = ProgressDisplay(label: "run", quiet: quiet)
        try CommandLineOutput.reportingErrors {
            defer { progress.end() }
            let options = RunOptions(configPath: config, outputRoot: out, quarter: quarter,
                                     language: try CommandLineOutput.language(lang),
                                     formats: try CommandLineOutput.formats(formats),
                                     pngScale: try CommandLineOutput.pngScale(scale))
            let summary = try ReportRun.run(options, logger: logger, progress: progress.handler)
            if !quiet {
                print("wrote \(summary.files.count) files into \(summary.folder)")
            }
        }
    }
}
