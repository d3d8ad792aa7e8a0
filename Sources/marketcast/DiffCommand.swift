import ArgumentParser
import Foundation
import Report

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Forecast revisions between two runs, and why each series moved.",
        discussion: """
        Compares OLD_RUN and NEW_RUN (folders written by `marketcast run`, e.g. output/2026Q3 output/2026Q4)
        series by series and year by year, prints the table, and writes revisions.csv and
        revisions/<series>.png (old against new path) into NEW_RUN.
        """)

    @Argument(help: "The earlier run's folder.")
    var oldRun: String

    @Argument(help: "The later run's folder; receives revisions.csv and revisions/.")
    var newRun: String

    @Flag(help: "Write the files but print nothing but errors.")
    var quiet = false

    func run() throws {
        try CommandLineOutput.reportingErrors {
            let diff = try RunDiff.compare(old: oldRun, new: newRun)
            let written = try diff.write()
            if !quiet {
                print(diff.table(), terminator: "")
                print("wrote \(written.joined(separator: ", ")) into \(newRun)")
            }
        }
    }
}
