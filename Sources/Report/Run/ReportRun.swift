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
    public var formats: [OutputFormat]
    /// PNG pixels per point: 2 gives 1920×1080 for the 960×540 pt page.
    public var pngScale: Double

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
        TitlePageExhibit(), ContentsExhibit(), KeyFindingsExhibit(),
        MarketSizeExhibit(),  // 1 market size, 2 large-model market: every `market-size` series in config order
        ScenarioExhibit(),    // the scenario paths behind exhibit 1
        ChatGPTVisitsExhibit(), ModelReleasesExhibit(), AIStagesExhibit(),
        PenetrationExhibit(),  // 6 industry penetration
        VendorLandscapeExhibit(), VendorBenchmarksExhibit(), ComputeExhibit(), CaseResultsExhibit(),
        IndustryApplicationsExhibit(), MethodologyExhibit(),
    ]

    public static func run(_ options: RunOptions, logger: Logger,
                           progress: ProgressHandler = Progress.silent) throws -> RunSummary {
        var timer = PhaseTimer()
        var config = try ReportConfig.load(path: options.configPath)
        if let quarter = options.quarter {
            guard ReportConfig.isQuarter(quarter) else {
                throw InputError(SourceLocation(file: "--quarter"), "`\(quarter)` is not a quarter",
                                 hint: "write the year, a capital Q and the quarter number, e.g. 2026Q4")
            }
            config.quarter = quarter
        }
        if let language = options.language { config.language = language }
        // Every problem in every data file at once, before any fitting.
        try RunValidation.fileProblems(of: config).throwIfAny()

        let context = try makeContext(config: config, logger: logger)
        timer.lap("fit")
        let pages = try buildPages(exhibits, context: context)
        ReportPage.logProblems(of: pages, to: logger)
        timer.lap("layout")
        // Hashed right after reading, before the slow rendering, to narrow the window in
        // which an edited input could be recorded with a digest of a version not used.
        let configFolder = URL(fileURLWithPath: config.file).deletingLastPathComponent().standardizedFileURL.path
        let inputs = try RunInputs.hashed(RunInputs.inputFiles(of: config), relativeTo: configFolder)

        let target = URL(fileURLWithPath: options.outputRoot).appendingPathComponent(config.quarter)
        let folder = try StagedFolder(target: target)
        var files: [String] = []
        let renderer = SceneRenderer(measurer: context.measurer)
        let chartPages = pages.filter { $0.chartID != nil }
        for (index, page) in chartPages.enumerated() {
            guard let chartID = page.chartID else { continue }
            defer { progress(ProgressStep(completed: index + 1, total: chartPages.count + 1, item: chartID)) }
            for format in options.formats {
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
        try ReportAssembler(context: context).write(pages, to: try folder.path("report.pdf"))
        files.append("report.pdf")
        progress(ProgressStep(completed: chartPages.count + 1, total: chartPages.count + 1, item: "report.pdf"))
        timer.lap("report")
        let manifest = RunManifest(
            tool: .init(name: ToolVersion.name, version: ToolVersion.current),
            inputs: inputs,
            config: ResolvedConfig(config, formats: options.formats.map(\.rawValue), pngScale: options.pngScale),
            models: context.series.map { result in
                RunManifest.ChosenModel(series: result.entry.id, requested: result.entry.model,
                                        chosen: result.forecast.modelName, formula: result.forecast.modelDescription,
                                        selectionReason: result.forecast.fit?.selectionReason)
            },
            timings: timer.phases)
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
        var built = try exhibits.map { try $0.pages(in: context) }
        for _ in 0..<4 {
            let directory = pageDirectory(built.flatMap { $0 })
            if directory == context.pageDirectory { break }
            context.pageDirectory = directory
            for (index, exhibit) in exhibits.enumerated() where exhibit.referencesPageNumbers {
                built[index] = try exhibit.pages(in: context)
            }
        }
        return built.flatMap { $0 }
    }

    static func pageDirectory(_ pages: [ReportPage]) -> [PageDirectoryEntry] {
        pages.enumerated().compactMap { index, page in
            guard let id = page.exhibitID, !page.isContinuation else { return nil }
            return PageDirectoryEntry(exhibitID: id, title: page.title, pageNumber: index + 1)
        }
    }

    static func makeContext(config: ReportConfig, logger: Logger) throws -> RunContext {
        var results: [RunContext.SeriesResult] = []
        for entry in config.series {
            logger.info("fitting \(entry.id) with \(entry.model)")
            let series = try SeriesLoader.load(path: entry.dataPath, id: entry.id, allowGaps: entry.allowGaps)
            for warning in series.warnings { logger.warning("\(warning)") }
            let forecast = try Forecaster.forecast(series, model: entry.model, horizon: config.horizon,
                                                   level: config.level)
            for warning in forecast.warnings { logger.warning("\(entry.id): \(warning)") }
            results.append(.init(entry: entry, series: series, forecast: forecast))
        }
        var theme = Theme.standard
        if let path = config.themePath {
            let file = try ThemeFile.load(path: path, displayName: config.themeDisplayName)
            for warning in file.warnings { logger.warning("\(warning)") }
            theme = file.theme
        }
        var context = RunContext(config: config, strings: Strings(language: config.language), theme: theme,
                                 measurer: PangoTextMeasurer(), series: results)
        context.tables = try ExhibitTables.load(config, language: config.language)
        try ScenarioRun.fit(into: &context, logger: logger)
        if let penetration = config.penetration {
            logger.info("scoring industry penetration (\(penetration.settings.draws) weight draws)")
            context.penetration = try penetration.analyse()
        }
        return context
    }
}
