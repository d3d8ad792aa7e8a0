// marketcast-bench owns what only `make bench` and the maintainers run: timing chart
// rendering against matplotlib, and regenerating the shipped interval calibration from
// reference data. Kept out of the `marketcast` command line, which is the analyst's tool.
// Map of the targets: docs/architecture.md.
import ArgumentParser

@main
struct MarketcastBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marketcast-bench",
        abstract: "Benchmark and maintenance commands for marketcast's developers.",
        subcommands: [RenderCommand.self, CalibrateCommand.self, MembersCommand.self])
}
