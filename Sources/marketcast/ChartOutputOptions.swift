import ArgumentParser
import Foundation
import MarketData
import Report

/// The options every command that draws charts shares (run, batch), declared once so
/// their names, defaults and checks cannot drift apart. Values are typed and checked in
/// `validate()`, so a bad one is a usage error (exit 64, with the usage text).
struct ChartOutputOptions: ParsableArguments {
    @Option(help: "Output formats, comma separated: png,svg,pdf for each chart, pptx for the deck (report.pptx, batch.pptx).",
            transform: { try OutputFormatList.parse($0) })
    var formats = OutputFormatList(OutputFormat.allCases)

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
    func language() -> DisplayLanguage? { lang }
    func pngScale() throws -> Double { try CommandLineOutput.pngScale(scale) }
}

extension DisplayLanguage: ExpressibleByArgument {}

/// `--formats png,svg,pptx`: one or more of `OutputFormat`'s names, each once, in the
/// order given. A type of its own so that the help shows the default as the option's text.
struct OutputFormatList: CustomStringConvertible {
    var formats: [OutputFormat]

    init(_ formats: [OutputFormat]) { self.formats = formats }

    /// Parses the option's text; the error says which word is not a format and names
    /// every format there is.
    static func parse(_ argument: String) throws -> OutputFormatList {
        var formats: [OutputFormat] = []
        for word in argument.split(separator: ",") {
            let name = word.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = OutputFormat(rawValue: name) else {
                throw ValidationError("--formats takes \(allNames), comma separated; `\(name)` is none of them")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        guard !formats.isEmpty else { throw ValidationError("--formats names no format; use e.g. \(OutputFormatList(OutputFormat.allCases))") }
        return OutputFormatList(formats)
    }

    /// "png, svg, pdf and pptx": every format, for the usage error.
    private static var allNames: String {
        let names = OutputFormat.allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }

    var description: String { formats.map(\.rawValue).joined(separator: ",") }
}
