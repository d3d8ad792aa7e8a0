import Charts
import Forecasting
import Foundation
import Logging
import MarketData
import Rendering

/// What `marketcast run` was asked to do, after the command line and the config agree.
public struct RunOptions: Sendable {
    public var configPath: String
    public var outputRoot: String
    public var quarter: String?
    public var language: DisplayLanguage?
    /// What to write, in the order asked: each chart's images, and report.pptx beside
    /// report.pdf when `pptx` is among them.
    public var formats: [OutputFormat]
    /// PNG pixels per point: 2 gives 1920×1080 for the 960×540 pt page.
    public var pngScale: Double
    /// Replaces an existing target folder that marketcast did not write (`--force`).
    public var force: Bool = false
    /// A PowerPoint template (.potx or .pptx) report.pptx is built on (`--template`); nil
    /// takes the theme's `deck.template`, else marketcast's own master.
    public var template: String? = nil
    /// A deck of an earlier edition, maybe edited by an analyst (`--update`): report.pptx is
    /// that deck with this edition's data written in (see DeckUpdater).
    public var update: String? = nil

    public init(configPath: String, outputRoot: String, quarter: String? = nil, language: DisplayLanguage? = nil,
                formats: [OutputFormat] = OutputFormat.allCases, pngScale: Double = 2) {
        self.configPath = configPath; self.outputRoot = outputRoot; self.quarter = quarter
        self.language = language; self.formats = formats; self.pngScale = pngScale
    }
}

/// What a finished run wrote, relative to its folder, in writing order.
public struct RunSummary: Sendable {
    public var folder: String
    public var files: [String]
}

/// One `marketcast run`: config → series → forecasts → pages → files, written into a
/// staged folder that replaces `output/<quarter>/` only when everything succeeded.
public enum ReportRun {
    /// The exhibits in report order.
    static let exhibits: [Exhibit] = [
        TitlePageExhibit(),
        ExecutiveSummaryExhibit(),  // page 2: headline chart, forecast table, three findings
        ContentsExhibit(), KeyFindingsExhibit(),
        MarketSizeExhibit(),  // 1 market size, 2 large-model market: every `market-size` series in config order
        ScenarioExhibit(),    // the scenario paths behind exhibit 1
        ForecastComparisonExhibit(),  // ours beside every published forecast, with definitions
        SensitivityExhibit(),  // the headline's horizon value under other models, windows, growth limits
        RevisionsExhibit(),    // what moved since the previous edition, and why (with `previous_edition:`)
        ChatGPTVisitsExhibit(), ModelReleasesExhibit(), AIStagesExhibit(),
        PenetrationExhibit(),  // 6 industry penetration
        VendorLandscapeExhibit(), VendorBenchmarksExhibit(), ComputeExhibit(), CaseResultsExhibit(),
        IndustryApplicationsExhibit(), MethodologyExhibit(),
        PenetrationRubricExhibit(),  // appendix: how the penetration pages were scored
    ]

    public static func run(_ options: RunOptions, logger: Logger,
                           progress: ProgressHandler = Progress.silent) throws -> RunSummary {
        var timer = PhaseTimer()
        if let quarter = options.quarter, let (message, hint) = ReportConfig.quarterOverrideProblem(quarter) {
            throw Diagnostic(SourceLocation(file: "--quarter"), message, hint: hint)
        }
        // Every problem in every input at once, before any fitting: exactly the checks of
        // `marketcast check`, and the values they parsed are what the run builds from.
        let validation = RunValidation.check(configPath: options.configPath, language: options.language)
        try InputErrors(validation.errors).throwIfAny()
        guard var config = validation.config else {
            throw Diagnostic(SourceLocation(file: options.configPath), "the report config could not be read")
        }
        if let quarter = options.quarter { config.quarter = quarter }
        let inputs = validation.inputs
        // Before any fitting: the output may not replace a folder holding an input, nor
        // one marketcast did not write.
        let target = URL(fileURLWithPath: options.outputRoot).appendingPathComponent(config.quarter)
        // The deck files read (`--template`, `--update`) are inputs too: an output folder
        // holding last quarter's edited deck would replace it.
        let inputPaths = RunInputs.inputFiles(of: config).map(\.path) + (config.previousEdition.map { [$0] } ?? [])
            + [options.template, options.update].compactMap { $0 }
        try OutputOwnership.check(target: target, inputs: inputPaths, force: options.force)

        // One Pango measurer lays the pages out and draws them, so the two agree.
        let pango = PangoTextMeasurer()
        let context = try makeContext(config: config, inputs: inputs, measurer: pango, logger: logger)
        timer.lap("fit")
        guard var manifest = context.manifest else {
            throw Diagnostic(SourceLocation(file: config.file), "the run's inputs could not be recorded")
        }
        manifest.config = ResolvedConfig(config, formats: options.formats, pngScale: options.pngScale)
        let pages = try buildPages(exhibits, context: context)
        ReportPage.logProblems(of: pages, to: logger)
        timer.lap("layout")

        let folder = try StagedFolder(target: target, inputs: inputPaths, force: options.force)
        var files: [String] = []
        let renderer = SceneRenderer(measurer: pango)
        let chartPages = pages.filter { $0.chartID != nil }
        for (index, page) in chartPages.enumerated() {
            guard let chartID = page.chartID else { continue }
            defer { progress(ProgressStep(completed: index + 1, total: chartPages.count + 1, item: chartID)) }
            for format in options.formats.chartImages {
                let relative = "charts/\(chartID).\(format.rawValue)"
                try renderer.write(page.scene, to: try folder.path(relative), format: format, scale: options.pngScale)
                files.append(relative)
            }
            if let csv = page.csv {
                try folder.write(csv, to: "charts/\(chartID).csv")
                files.append("charts/\(chartID).csv")
            }
        }
        for exhibit in exhibits {
            for file in try exhibit.dataFiles(in: context) {
                try folder.write(file.text, to: file.name)
                files.append(file.name)
            }
        }
        timer.lap("render")
        let assembler = ReportAssembler(context: context, measurer: pango)
        try assembler.write(pages, to: try folder.path("report.pdf"))
        files.append("report.pdf")
        progress(ProgressStep(completed: chartPages.count + 1, total: chartPages.count + 1, item: "report.pdf"))
        timer.lap("report")
        if options.formats.includesDeck {
            var deck = try ReportDeck(context: context, inputs: manifest.inputs,
                                      template: try ReportDeck.template(options.template ?? context.theme.deckTemplate))
                .data(for: pages)
            if let update = options.update {
                let (merged, report) = try ReportDeck.update(update, with: deck, date: config.document.date)
                deck = merged
                try folder.write(report.text, to: ReportDeck.updateListName)
                files.append(ReportDeck.updateListName)
                for line in report.lines { logger.info("\(line)") }
            }
            try folder.write(deck, to: ReportDeck.fileName)
            files.append(ReportDeck.fileName)
            timer.lap("deck")
        }
        manifest.timings = timer.phases
        try folder.write(try manifest.encoded(), to: RunManifest.fileName)
        files.append(RunManifest.fileName)
        try folder.commit()
        logger.info("wrote \(files.count) files into \(target.path)")
        return RunSummary(folder: target.path, files: files)
    }

    /// Builds every exhibit's pages, then rebuilds the ones that print page numbers until
    /// the numbers they print are the pages' real numbers (a contents page that grows onto
    /// a second page moves everything after it, hence the loop; it settles in two passes
    /// unless a page count changes).
    static func buildPages(_ exhibits: [Exhibit], context: RunContext) throws -> [ReportPage] {
        var context = context
        // Each page carries the tables its exhibit reads, for the deck's provenance notes.
        func pages(of exhibit: Exhibit) throws -> [ReportPage] {
            try exhibit.pages(in: context).map { page in
                var page = page
                page.tableNames = exhibit.tables.map(\.name)
                return page
            }
        }
        var built = try exhibits.map { try pages(of: $0) }
        // The analyst's commentary goes between the exhibits (and may cite their pages).
        var commentary = try CommentaryPages.build(context)
        for _ in 0..<4 {
            let directory = pageDirectory(try CommentaryPages.insert(commentary, into: built.flatMap { $0 }))
            if directory == context.pageDirectory { break }
            context.pageDirectory = directory
            for (index, exhibit) in exhibits.enumerated() where exhibit.referencesPageNumbers {
                built[index] = try pages(of: exhibit)
            }
            commentary = try CommentaryPages.build(context)
        }
        return try CommentaryPages.insert(commentary, into: built.flatMap { $0 })
    }

    static func pageDirectory(_ pages: [ReportPage]) -> [PageDirectoryEntry] {
        pages.enumerated().compactMap { index, page in
            guard let id = page.exhibitID, !page.isContinuation else { return nil }
            return PageDirectoryEntry(exhibitID: id, title: page.title, pageNumber: index + 1)
        }
    }

    /// The manifest of a run, known once its forecasts are: every input with its digest
    /// (hashed from the bytes the checks read, so an input edited during the run is not
    /// recorded with a digest of a version that was not used) and the model of each series.
    /// The revisions page compares it with the previous edition's. The run adds the output
    /// formats and its timings at the end.
    static func manifest(config: ReportConfig, inputs: LoadedInputs, series: [RunContext.SeriesResult]) throws -> RunManifest {
        let configFolder = URL(fileURLWithPath: config.file).deletingLastPathComponent().standardizedFileURL.path
        var hashedInputs = try RunInputs.hashed(RunInputs.inputFiles(of: config), relativeTo: configFolder,
                                                bytesRead: inputs.bytesRead)
        for index in hashedInputs.indices {
            let role = hashedInputs[index].role
            if let result = series.first(where: { .series(id: $0.entry.id) == role }) {
                hashedInputs[index].vintage = result.series.vintage
            }
        }
        return RunManifest(
            tool: .init(name: ToolVersion.name, version: ToolVersion.current),
            inputs: hashedInputs,
            config: ResolvedConfig(config, formats: [], pngScale: 2),
            models: series.map { result in
                RunManifest.ChosenModel(series: result.entry.id, requested: result.entry.model.name,
                                        chosen: result.forecast.modelLabel,
                                        formula: result.forecast.modelDescription,
                                        selectionReason: result.forecast.fit?.selectionReason)
            },
            timings: [])
    }

    /// The context of a run of `config`, validated first (tests build pages this way).
    static func makeContext(config: ReportConfig, measurer: any TextMeasuring = PangoTextMeasurer(),
                            logger: Logger) throws -> RunContext {
        try makeContext(config: config, inputs: try RunValidation.validated(config), measurer: measurer, logger: logger)
    }

    /// The context from inputs `RunValidation` has read and checked: nothing is read again.
    static func makeContext(config: ReportConfig, inputs: LoadedInputs, measurer: any TextMeasuring,
                            logger: Logger) throws -> RunContext {
        var results: [RunContext.SeriesResult] = []
        for entry in config.series {
            logger.info("fitting \(entry.id) with \(entry.model.name)")
            guard let series = inputs.series[entry.id] else {
                throw Diagnostic(SourceLocation(file: entry.dataPath), "series `\(entry.id)` was not loaded",
                                 hint: "run `marketcast check` to see why")
            }
            for warning in series.warnings { logger.log(warning) }
            var forecast = try Forecaster.forecast(series, model: entry.model, horizon: config.horizon,
                                                   level: config.level)
            if let bounds = entry.bounds {
                forecast = try bounds.hold(forecast, of: series, hint: NaturalBounds.reportConfigHint)
            }
            for warning in forecast.warnings { logger.warning(concerningNoFile: "\(entry.id): \(warning)") }
            results.append(.init(entry: entry, series: series, forecast: forecast))
        }
        // The theme's warnings (old key spellings): `check` lists them with the other problems.
        for warning in inputs.themeWarnings { logger.log(warning) }
        var context = RunContext(config: config, strings: Strings(language: config.language),
                                 theme: inputs.theme ?? .standard, measurer: measurer, series: results)
        context.tables = inputs.tables ?? ExhibitTables()
        context.publisherForecasts = inputs.publisherForecasts
        context.csvTables = inputs.csvTables
        context.commentary = inputs.commentary
        context.previousEdition = inputs.previousEdition
        try ScenarioRun.fit(into: &context, logger: logger)
        context.manifest = try manifest(config: config, inputs: inputs, series: results)
        if let penetration = config.penetration, let indicators = inputs.indicators {
            logger.info("scoring industry penetration (\(penetration.settings.draws) weight draws)")
            context.penetration = PenetrationAnalysis(table: indicators, settings: penetration.settings)
        }
        return context
    }
}
