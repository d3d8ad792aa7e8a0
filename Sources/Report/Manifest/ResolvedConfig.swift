import Foundation

/// report.yaml as the run used it: defaults filled in, command-line overrides applied and
/// paths relative to the config's folder. Sections added to report.yaml add their fields here.
public struct ResolvedConfig: Codable, Sendable, Equatable {
    public struct Document: Codable, Sendable, Equatable {
        public var title: String
        public var author: String
        public var date: String
    }

    public struct Series: Codable, Sendable, Equatable {
        public var id: String
        public var data: String
        public var title: String
        public var model: String
        public var chart: String
        public var chartID: String
        /// The publishers' consensus's weight in the base case against the trend's 1
        /// (`consensus: base_weight`); absent when the consensus does not cover the series.
        public var consensusWeight: Double? = nil
        /// The older vintage linked by growth (`link:`), relative to the config's folder.
        public var linkedVintage: String? = nil
    }

    /// nil for a batch, which has no quarter.
    public var quarter: String?
    /// nil for a batch without --horizon: each series five years past its last actual.
    public var horizon: Int?
    public var language: String
    public var level: Double
    /// nil for a batch, which writes no report.
    public var document: Document?
    public var series: [Series]
    /// The `OutputFormat` names, as written: kept as text so that a manifest of an older
    /// edition with another list still reads.
    public var formats: [String]
    public var pngScale: Double

    init(quarter: String?, horizon: Int?, language: String, level: Double, document: Document?, series: [Series],
         formats: [OutputFormat], pngScale: Double) {
        self.quarter = quarter; self.horizon = horizon; self.language = language; self.level = level
        self.document = document; self.series = series; self.formats = formats.map(\.rawValue); self.pngScale = pngScale
    }

    init(_ config: ReportConfig, formats: [OutputFormat], pngScale: Double) {
        let folder = URL(fileURLWithPath: config.file).deletingLastPathComponent().standardizedFileURL.path
        quarter = config.quarter
        horizon = config.horizon
        language = config.language.rawValue
        level = config.level
        document = Document(title: config.document.title, author: config.document.author, date: config.document.date)
        series = config.series.map { entry in
            var series = Series(id: entry.id, data: RunInputs.relative(entry.dataPath, to: folder), title: entry.title,
                                model: entry.model.name, chart: entry.chart.rawValue, chartID: entry.chartID)
            if let consensus = config.consensus, consensus.seriesID == entry.id { series.consensusWeight = consensus.baseWeight }
            series.linkedVintage = entry.link.map { RunInputs.relative($0.vintagePath, to: folder) }
            return series
        }
        self.formats = formats.map(\.rawValue)
        self.pngScale = pngScale
    }
}
