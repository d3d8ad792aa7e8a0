import ArgumentParser
import MarketData
import Rendering

/// The options every command that draws charts shares (run, batch), declared once so
/// their names, defaults and checks cannot drift apart.
struct ChartOutputOptions: ParsableArguments {
    @Option(help: "Chart formats, comma separated: png,svg,pdf.")
    var formats = "png,svg,pdf"

    @Option(help: "Language of the charts and report: zh or en (default: the config's, else zh).")
    var lang: String?

    @Option(help: "PNG scale: 1 gives 1920×1080, 2 gives 3840×2160.")
    var scale: Double = 1

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func outputFormats() throws -> [OutputFormat] { try CommandLineOutput.formats(formats) }
    func language() throws -> DisplayLanguage? { try CommandLineOutput.language(lang) }
    func pngScale() throws -> Double { try CommandLineOutput.pngScale(scale) }
}
