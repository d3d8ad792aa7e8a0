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
    static let exhibits: [Exhibit] = [MarketSizeExhibit(), ScenarioExhibit(), PenetrationExhibit()]

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
        var pages: [ReportPage] = []
        for exhibit in exhibits { pages += try exhibit.pages(in: context) }
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

    static func makeContext(config: ReportConfig, logger: Logger) throws -> RunContext {
        var results: [RunContext.SeriesResult] = []
        for entry in config.series {
            logger.info("fitting \(entry.id) with \(entry.model)")
            let series = try SeriesLoader.load(path: entry.dataPath, id: entry.id)
            for warning in series.warnings { logger.warning("\(warning)") }
            let forecast = try Forecaster.forecast(series, model: entry.model, horizon: config.horizon,
                                                   level: config.level)
            for warning in forecast.warnings { logger.warning("\(entry.id): \(warning)") }
            results.append(.init(entry: entry, series: series, forecast: forecast))
        }
        var context = RunContext(config: config, strings: Strings(language: config.language), theme: .standard,
                                 measurer: PangoTextMeasurer(), series: results)
        try ScenarioRun.fit(into: &context, logger: logger)
        if let penetration = config.penetration {
            logger.info("scoring industry penetration (\(penetration.settings.draws) weight draws)")
            context.penetration = try penetration.analyse()
        }
        return context
    }
}
