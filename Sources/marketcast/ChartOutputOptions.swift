import ArgumentParser
import Foundation
import MarketData
import Rendering

/// The options every command that draws charts shares (run, batch), declared once so
/// their names, defaults and checks cannot drift apart. Values are typed and checked in
/// `validate()`, so a bad one is a usage error (exit 64, with the usage text).
struct ChartOutputOptions: ParsableArguments {
    @Option(help: "Output formats, comma separated: png,svg,pdf for each chart, pptx for the deck (report.pptx, batch.pptx).",
            transform: { try OutputFormatList.parse($0) })
    var formats = OutputFormatList(OutputFormat.allCases, deck: true)

    @Option(help: "Language of the charts and report: zh or en (default: the config's, else zh).")
    var lang: DisplayLanguage?

    @Option(help: "PNG scale: 1 gives 1920×1080, 2 gives 3840×2160.")
    var scale: Double = 1

    @Option(help: "A PowerPoint template (.potx or .pptx): the deck is built on its layouts, theme colours and fonts.")
    var template: String?

    @Option(help: "An earlier edition's deck (.pptx), maybe edited: the new deck is that deck with this edition's data written in; deck-update.txt lists what was updated and what was not.")
    var update: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        _ = try CommandLineOutput.pngScale(scale)
        if let template {
            let ext = (template as NSString).pathExtension.lowercased()
            guard ["potx", "pptx"].contains(ext) else {
                throw ValidationError("--template `\(template)` is not a PowerPoint template: give a .potx or .pptx file")
            }
            guard FileManager.default.fileExists(atPath: template) else {
                throw ValidationError("--template `\(template)` does not exist")
            }
        }
        if let update {
            guard (update as NSString).pathExtension.lowercased() == "pptx" else {
                throw ValidationError("--update `\(update)` is not a deck: give the .pptx of the earlier edition")
            }
            guard FileManager.default.fileExists(atPath: update) else {
                throw ValidationError("--update `\(update)` does not exist")
            }
        }
    }

    func outputFormats() -> [OutputFormat] { formats.formats }
    func writesDeck() -> Bool { formats.deck }
    func language() -> DisplayLanguage? { lang }
    func pngScale() throws -> Double { try CommandLineOutput.pngScale(scale) }
}

extension DisplayLanguage: ExpressibleByArgument {}

/// `--formats png,svg,pptx`: one or more formats, each once, in the order given; `pptx`
/// is the deck (report.pptx, batch.pptx), the others are written for each chart.
struct OutputFormatList: CustomStringConvertible {
    var formats: [OutputFormat]
    var deck: Bool

    init(_ formats: [OutputFormat], deck: Bool) { self.formats = formats; self.deck = deck }

    /// Parses the option's text; the error says which word is not a format.
    static func parse(_ argument: String) throws -> OutputFormatList {
        let parsed = try CommandLineOutput.formats(argument)
        return OutputFormatList(parsed.charts, deck: parsed.deck)
    }

    var description: String { (formats.map(\.rawValue) + (deck ? ["pptx"] : [])).joined(separator: ",") }
}
