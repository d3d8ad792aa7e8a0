// The marketcast command line: argument parsing, logging and exit codes. Every command
// is a thin shell over the library targets; errors are printed as
// `file:line:column: error: …` with a hint, and end the process with a non-zero status.
// Map of the targets, the data flow and the extension points: docs/architecture.md.
import ArgumentParser
import Report

@main
struct Marketcast: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marketcast",
        abstract: "Market data in, forecasts and report-ready charts out.",
        version: ToolVersion.current,
        subcommands: [RunCommand.self, CheckCommand.self, FitCommand.self, ForecastCommand.self, DiffCommand.self, BatchCommand.self])

    static func main() {
        CPUBaseline.requireOnThisMachine()
        runCheckingStreams()
    }
}
