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

/// One `marketcast run`: config → series → forecasts → charts and report, written into a
/// staged folder that replaces `output/<quarter>/` only when everything succeeded.
public enum ReportRun {
    public static func run(_ options: RunOptions, logger: Logger) throws -> RunSummary {
        var config = try ReportConfig.load(path: options.configPath)
        if let quarter = options.quarter { config.quarter = quarter }
        if let language = options.language { config.language = language }
        let strings = Strings(language: config.language)
        let theme = Theme.standard
        let measurer = PangoTextMeasurer()

        let target = URL(fileURLWithPath: options.outputRoot).appendingPathComponent(config.quarter)
        let folder = try StagedFolder(target: target)
        var files: [String] = []
        let pdf = try PDFDocumentWriter(path: try folder.path("report.pdf"), pageSize: theme.pageSize,
                                        metadata: PDFMetadata(title: config.document.title,
                                                              author: config.document.author,
                                                              date: config.document.date))

        for entry in config.series {
            logger.info("fitting \(entry.id) with \(entry.model)")
            let series = try SeriesLoader.load(path: entry.dataPath, id: entry.id)
            let forecast = try Forecaster.forecast(series, model: entry.model, horizon: config.horizon,
                                                   level: config.level)
            for warning in forecast.warnings { logger.warning("\(entry.id): \(warning)") }

            let page = MarketSizePage(entry: entry, series: series, forecast: forecast, strings: strings)
            let layout = page.chart.layout(theme: theme, measurer: measurer)
            let base = "charts/\(entry.chart)"
            for format in options.formats {
                let relative = "\(base).\(format.rawValue)"
                try SceneRenderer().write(layout.scene, to: try folder.path(relative), format: format,
                                          scale: options.pngScale)
                files.append(relative)
            }
            try folder.write(page.csv(), to: "\(base).csv")
            files.append("\(base).csv")
            try pdf.addPage(layout.scene, bookmark: page.title)
        }
        try pdf.finish()
        files.append("report.pdf")
        try folder.commit()
        logger.info("wrote \(files.count) files into \(target.path)")
        return RunSummary(folder: target.path, files: files)
    }
}
