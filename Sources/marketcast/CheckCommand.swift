import ArgumentParser
import Foundation
import Report

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the config and every dataset a run would read; fit and render nothing.",
        discussion: "Lists every problem at once, each as file:line:column with a hint. Exit status 0 when all is well.")

    @Option(help: "The report config.")
    var config = "report.yaml"

    @Flag(help: "Print only the problems, no summary.")
    var quiet = false

    func run() throws {
        let report = RunValidation.check(configPath: config)
        CommandLineOutput.print(report.problems)
        let errors = report.errors.count, warnings = report.warnings.count
        if !quiet {
            if report.isValid {
                print("\(config): ok: \(report.files.count) files checked"
                      + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""))
            } else {
                StandardStreams.err("\(errors) error\(errors == 1 ? "" : "s")\(warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "") in the inputs of \(config)\n")
            }
        }
        if !report.isValid { throw ExitCode(1) }
    }
}
