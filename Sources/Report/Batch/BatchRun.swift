import Charts
import Deck
import Forecasting
import Foundation
import MarketData
import Rendering

/// What `marketcast batch` was asked to do.
public struct BatchOptions: Sendable {
    /// The folder of series CSVs, each with the columns of datasets/china-ai-market-size.csv.
    public var inputFolder: String
    /// The folder that receives `<name of inputFolder>/`.
    public var outputRoot: String
    public var model: ModelSpec
    /// The last forecast year; nil forecasts each series five years past its last actual.
    public var horizon: Int?
    public var level: Double
    public var language: DisplayLanguage
    /// What to write, in the order asked: each series' chart images, and batch.pptx (one
    /// slide per series) beside batch.pdf when `pptx` is among them.
    public var formats: [OutputFormat]
    public var pngScale: Double
    /// Worker threads; nil uses every core.
    public var threads: Int?
    /// Replaces an existing target folder that marketcast did not write (`--force`).
    public var force: Bool = false
    /// batch.pptx's document date (YYYY-MM-DD); nil takes the series' latest publication date.
    public var date: String? = nil
    /// A PowerPoint template (.potx or .pptx) batch.pptx is built on.
    public var template: String? = nil
    /// An earlier batch.pptx to write this batch into (`--update`).
    public var update: String? = nil
    /// The range every series takes by its nature (`--bounds`): forecasts are held inside it.
    public var bounds: NaturalBounds? = nil

    public init(inputFolder: String, outputRoot: String, model: ModelSpec = .auto, horizon: Int? = nil,
                level: Double = 0.95, language: DisplayLanguage = .zh, formats: [OutputFormat] = OutputFormat.allCases,
                pngScale: Double = 2, threads: Int? = nil) {
        self.inputFolder = inputFolder; self.outputRoot = outputRoot; self.model = model; self.horizon = horizon
        self.level = level; self.language = language; self.formats = formats; self.pngScale = pngScale
        self.threads = threads
    }

    /// Years forecast past the last actual when no horizon is given.
    public static let defaultYearsAhead = 5
}

/// What a batch wrote and which series failed (with their errors, in series order).
public struct BatchSummary: Sendable {
    public var folder: String
    public var succeeded: Int
    /// Each failed series with what stopped it, located in its file.
    public var failures: [(series: String, diagnostics: [Diagnostic])]
    public var warnings: [Diagnostic]
}

/// `marketcast batch`: every CSV in a folder → a fitted, forecast market-size page with the
/// same chart code as the report, `batch.csv` with one row per series, and `batch.pdf` with
/// every page. Series are fitted and rendered on all cores, each worker with its own text
/// measurer and renderer; every file depends only on its series, and the combined PDF and
/// batch.csv are written in series (file name) order, so the bytes do not depend on the
/// number of threads. Each page's files are written as soon as it is drawn and its
/// surfaces dropped, so memory does not grow with the number of series.
public enum BatchRun {
    public static let tableName = "batch.csv"
    public static let documentName = "batch.pdf"
    public static let deckName = "batch.pptx"

    public static func run(_ options: BatchOptions, progress: ProgressHandler = Progress.silent) throws -> BatchSummary {
        var timer = PhaseTimer()
        let name = URL(fileURLWithPath: options.inputFolder).standardizedFileURL.lastPathComponent
        let target = URL(fileURLWithPath: options.outputRoot).appendingPathComponent(name)
        // Before anything is read: `batch verticals --out .` would replace the input folder.
        let inputs = [options.inputFolder] + [options.template, options.update].compactMap { $0 }
        try OutputOwnership.check(target: target, inputs: inputs, force: options.force)
        let listing = try seriesFiles(in: options.inputFolder)
        let files = listing.files
        let folder = try StagedFolder(target: target, inputs: inputs, force: options.force)
        let strings = Strings(language: options.language)

        let workers = max(1, min(options.threads ?? ProcessInfo.processInfo.activeProcessorCount, files.count))
        let outcomes = OrderedSlots<BatchRow>(count: files.count)
        // A slide is a scene and its chart's numbers, small beside the rendered page: the
        // deck is assembled once every series is done.
        let slides = OrderedSlots<DeckSlide?>(count: files.count)
        let pages = OrderedPageWriter(total: files.count, window: 4 * workers)
        let documentPath = try folder.path(documentName)
        // path(_:) creates the folder of the file it names: charts/ then exists before the
        // workers write into it, so they never race to create it.
        _ = try folder.path("charts/\(tableName)")
        pages.start {
            try PDFDocumentWriter(path: documentPath, pageSize: Theme.standard.pageSize,
                                  metadata: PDFMetadata(title: "marketcast batch: \(name)", author: ToolVersion.name,
                                                        subject: name, creationDate: "2000-01-01T00:00:00Z"))
        }
        let counter = WorkCounter(total: files.count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            // Created on the worker's own thread: Pango measurers are not thread-safe.
            let measurer = PangoTextMeasurer()
            let renderer = SceneRenderer(measurer: measurer)
            // A stop request ends the loop: the series already claimed finish, no new one starts.
            while StagingRegistry.interruption == nil, let index = counter.claim() {
                pages.waitForTurn(index)
                let outcome = BatchSeries(path: files[index], options: options, strings: strings)
                    .process(measurer: measurer, renderer: renderer, folder: folder)
                if options.formats.includesDeck {
                    slides.set(index, outcome.page.map { DeckSlide(scene: $0.scene, native: $0.native, title: $0.bookmark,
                                                                  name: outcome.row.series) })
                }
                pages.deliver(index, outcome.page)
                outcomes.set(index, outcome.row)
                progress(ProgressStep(completed: counter.finishOne(), total: files.count,
                                      item: outcome.row.series))
            }
        }
        try StagingRegistry.checkInterrupted()
        let rows = outcomes.all()
        let succeeded = rows.filter { $0.failure == nil }.count
        guard succeeded > 0 else {
            throw BatchError.nothingRendered(folder: options.inputFolder,
                                             errors: rows.flatMap { $0.failure ?? [] })
        }
        try pages.finish()
        timer.lap("fit and render")
        try folder.write(BatchRow.csv(rows), to: tableName)
        let manifest = try BatchManifest.make(files: files, rows: rows, options: options, timings: timer.phases)
        if options.formats.includesDeck {
            let deckSlides = slides.all().compactMap { $0 }.map { slide -> DeckSlide in
                var slide = slide
                if let row = rows.first(where: { $0.series == slide.name }) {
                    slide.provenance = BatchRun.provenance(of: slide, row: row, inputs: manifest.inputs, level: options.level)
                }
                return slide
            }
            var properties = deckProperties(name: name, rows: rows, options: options)
            properties.template = try ReportDeck.template(options.template)
            var deck = try DeckWriter.data(slides: deckSlides, properties: properties)
            if let update = options.update {
                let (merged, list) = try ReportDeck.update(update, with: deck, date: properties.date)
                deck = merged
                try folder.write(list.text, to: ReportDeck.updateListName)
            }
            try folder.write(deck,
                             to: deckName)
        }
        try folder.write(try manifest.encoded(), to: RunManifest.fileName)
        try folder.commit()
        return BatchSummary(folder: target.path, succeeded: succeeded,
                            failures: rows.compactMap { row in row.failure.map { (row.series, $0) } },
                            warnings: listing.skipped.map {
                                Diagnostic(file: URL(fileURLWithPath: options.inputFolder).appendingPathComponent($0.name).path,
                                           "skipped: \($0.reason)", severity: .warning)
                            } + rows.flatMap { row in row.warnings.map { Diagnostic(file: row.file, $0, severity: .warning) } })
    }

    /// The series files of `folder`: every regular `.csv` file, sorted by name (bytewise,
    /// so the order is the same everywhere), and the entries passed over with the reason,
    /// for the warnings: hidden files, and `.csv` entries that are not regular files (a
    /// folder named `x.csv`, a named pipe, a socket), which would stop or hang a reader.
    static func seriesFiles(in folder: String) throws -> (files: [String], skipped: [(name: String, reason: String)]) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw BatchError.notAFolder(folder)
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var files: [String] = []
        var skipped: [(name: String, reason: String)] = []
        for name in names where name.lowercased().hasSuffix(".csv") {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
            if name.hasPrefix(".") {
                skipped.append((name, "a hidden file"))
                continue
            }
            var status = stat()
            guard stat(path, &status) == 0 else {
                skipped.append((name, "cannot be examined (\(String(cString: strerror(errno))))"))
                continue
            }
            switch status.st_mode & S_IFMT {
            case S_IFREG: files.append(path)
            case S_IFDIR: skipped.append((name, "a folder, not a file"))
            case S_IFIFO: skipped.append((name, "a named pipe, not a file"))
            default: skipped.append((name, "not a regular file"))
            }
        }
        guard !files.isEmpty else { throw BatchError.noCSVFiles(folder) }
        return (files, skipped)
    }
}

public enum BatchError: DiagnosticConvertible {
    case notAFolder(String)
    case noCSVFiles(String)
    /// `errors`: each series' own diagnostics, listed before what they mean for the batch.
    case nothingRendered(folder: String, errors: [Diagnostic])

    public var diagnostics: [Diagnostic] {
        switch self {
        case let .notAFolder(path):
            return [Diagnostic(file: path, "not a folder", hint: "give the folder that holds the series CSV files")]
        case let .noCSVFiles(path):
            return [Diagnostic(file: path, "the folder holds no .csv files",
                               hint: "put one CSV per series in it, with the columns year,value,unit,status,source")]
        case let .nothingRendered(folder, errors):
            return errors + [Diagnostic(file: folder, "no series could be rendered, so nothing was written",
                                        hint: "fix the errors above and rerun")]
        }
    }
}

extension BatchRun {
    /// batch.pptx's properties: the house theme, a footer naming the batch, and as the
    /// document's date `--date` or else the latest publication date of the series (never
    /// the clock, so the same inputs give the same bytes).
    static func deckProperties(name: String, rows: [BatchRow], options: BatchOptions) -> DeckProperties {
        let theme = Theme.standard
        let title = "marketcast batch: \(name)"
        let date = options.date ?? documentDate(rows: rows)
        let footerFont = theme.font(theme.fontSizes.minimumNote)
        let height = PangoTextMeasurer().measure("0", font: footerFont, maxWidth: nil).height
        let footer = DeckFooter(text: title, date: date, fontSize: footerFont.size, color: theme.palette.note,
                                band: theme.deckFooterBand(lineHeight: height))
        return DeckProperties(title: title, author: ToolVersion.name, date: date, language: options.language.deckLanguage,
                              fonts: theme.deckFonts, colors: .house(theme.palette), contentArea: theme.contentArea,
                              titleSize: theme.fontSizes.title, footer: footer)
    }

    /// The latest publication date the series name (a month counts as its first day), else
    /// the 31 December of the latest actual year.
    static func documentDate(rows: [BatchRow]) -> String {
        let dates = rows.compactMap(\.dataCutoff).compactMap { text -> String? in
            let parts = text.split(separator: "-")
            guard parts.count >= 2, parts[0].count == 4, parts.allSatisfy({ Int($0) != nil }) else { return nil }
            return parts.count == 2 ? text + "-01" : String(text.prefix(10))
        }
        if let latest = dates.max() { return latest }
        if let year = rows.compactMap(\.lastActualYear).max() { return "\(year)-12-31" }
        return "1980-01-01"
    }

    static func provenance(of slide: DeckSlide, row: BatchRow, inputs: [RunManifest.InputFile], level: Double) -> SlideProvenance {
        var notes = SlideProvenance()
        for element in slide.scene.elements where element.role == "source-note" {
            if case .text(let text) = element.item { notes.sources.append(text.text) }
        }
        if !row.vintage.isEmpty { notes.dataCutoffs = ["\(row.series): \(row.vintage)"] }
        notes.models = [SlideProvenance.Model(series: row.series, model: row.model, formula: row.formula,
                                              interval: "\(Int((level * 100).rounded()))%")]
        notes.warnings = row.warnings
        notes.inputs = inputs.filter { $0.role == .series(id: row.series) }
            .map { SlideProvenance.Input(role: $0.role.description, path: $0.path, sha256: $0.sha256) }
        return notes
    }
}
