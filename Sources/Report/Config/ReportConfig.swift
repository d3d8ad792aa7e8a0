import Foundation
import MarketData

/// report.yaml, resolved: every path absolute, every value checked. Paths in the file are
/// relative to the file's own folder so a config can be run from anywhere.
public struct ReportConfig: Sendable {
    public struct Document: Sendable {
        public var title: String
        public var author: String
        /// ISO date written into the PDF metadata in place of a timestamp.
        public var date: String
    }

    public struct SeriesEntry: Sendable {
        public var id: String
        public var dataPath: String
        public var title: String
        public var model: String
        /// The chart kind, e.g. `market-size`.
        public var chart: String
        /// The stable file name under charts/, e.g. `market-size`; defaults to the id.
        public var chartID: String
        public var location: SourceLocation
    }

    public var file: String
    public var quarter: String
    public var horizon: Int
    public var language: DisplayLanguage
    public var level: Double
    public var document: Document
    public var series: [SeriesEntry]
    /// The scenario files in `scenarios:` order, and the one the market-size chart shows.
    public var scenarios: [ScenarioConfig] = []
    public var baseScenario: String?
    public var backtest: BacktestSettings?
    /// The industry penetration (推进程度) section; nil when the config has none.
    public var penetration: PenetrationConfig?

    static let topLevelKeys = ["quarter", "horizon", "language", "level", "document", "series",
                               "scenarios", "base_scenario", "backtest", "penetration"]
    static let documentKeys = ["title", "author", "date"]
    static let seriesKeys = ["id", "data", "title", "model", "chart", "chart_id"]
    public static let chartKinds = ["market-size"]

    public static func load(path: String) throws -> ReportConfig {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError(SourceLocation(file: path), "cannot read the report config",
                             hint: "check the path given to --config (default: report.yaml in the current folder)")
        }
        let text = try TextDecoding.decode(data, file: path).text
        let root = try YAMLMapping.document(file: path, text: text)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try ReportConfig(root: root, folder: folder)
    }

    init(root: YAMLMapping, folder: String) throws {
        try root.rejectUnknownKeys(allowed: Self.topLevelKeys, section: "the report config")
        file = root.file

        let quarterText = try root.requiredString("quarter", section: "the report config")
        guard Self.isQuarter(quarterText) else {
            throw InputError(root.location(of: "quarter"), "`quarter` must look like 2026Q4, found `\(quarterText)`",
                             hint: "write the year, a capital Q and the quarter number 1–4")
        }
        quarter = quarterText

        guard let horizonValue = try root.int("horizon") else {
            throw InputError(root.location, "the report config has no `horizon`",
                             hint: "add `horizon: 2027`, the last year to forecast")
        }
        guard (1900...2200).contains(horizonValue) else {
            throw InputError(root.location(of: "horizon"), "`horizon` must be a year between 1900 and 2200, found \(horizonValue)",
                             hint: "write the last forecast year, e.g. 2027")
        }
        horizon = horizonValue

        let languageText = try root.string("language") ?? "zh"
        guard let parsedLanguage = DisplayLanguage(rawValue: languageText) else {
            throw InputError(root.location(of: "language"), "`language` must be zh or en, found `\(languageText)`",
                             hint: "write `language: zh` or `language: en`")
        }
        language = parsedLanguage

        let levelValue = try root.double("level") ?? 0.95
        guard levelValue > 0.5, levelValue < 1 else {
            throw InputError(root.location(of: "level"), "`level` must lie between 0.5 and 1, found \(levelValue)",
                             hint: "write the confidence level as a fraction, e.g. 0.95")
        }
        level = levelValue

        let documentMapping = try root.submapping("document")
        try documentMapping?.rejectUnknownKeys(allowed: Self.documentKeys, section: "`document`")
        let date = try documentMapping?.string("date") ?? "2000-01-01"
        guard Self.isISODate(date) else {
            throw InputError(documentMapping?.location(of: "date") ?? root.location, "`date` must be a date like 2026-11-29, found `\(date)`",
                             hint: "write the report's date as YYYY-MM-DD")
        }
        document = Document(title: try documentMapping?.string("title") ?? "marketcast report",
                            author: try documentMapping?.string("author") ?? "marketcast",
                            date: date)

        guard let entries = try root.mappings("series"), !entries.isEmpty else {
            throw InputError(root.location, "the report config lists no `series`",
                             hint: "add a `series:` list with at least one entry (id, data, title, model, chart)")
        }
        var seen: [String: SourceLocation] = [:]
        var usedChartIDs: [String: SourceLocation] = [:]
        series = try entries.map { entry in
            try entry.rejectUnknownKeys(allowed: Self.seriesKeys, section: "a `series` entry")
            let id = try entry.requiredString("id", section: "a `series` entry")
            if let first = seen[id] {
                throw InputError(entry.location(of: "id"), "series id `\(id)` is used twice (first at line \(first.line ?? 0))",
                                 hint: "give every series its own id")
            }
            seen[id] = entry.location(of: "id")
            let data = try entry.requiredString("data", section: "series `\(id)`")
            let dataPath = URL(fileURLWithPath: data, relativeTo: URL(fileURLWithPath: folder, isDirectory: true))
                .standardizedFileURL.path
            guard FileManager.default.fileExists(atPath: dataPath) else {
                throw InputError(entry.location(of: "data"), "data file `\(data)` of series `\(id)` does not exist (looked at \(dataPath))",
                                 hint: "paths are relative to the config file's folder; check the spelling")
            }
            let chart = try entry.string("chart") ?? "market-size"
            guard Self.chartKinds.contains(chart) else {
                let guess = Suggestions.closest(to: chart, among: Self.chartKinds)
                throw InputError(entry.location(of: "chart"), "unknown chart kind `\(chart)`",
                                 hint: (guess.map { "did you mean `\($0)`? " } ?? "")
                                     + "known kinds: \(Self.chartKinds.joined(separator: ", "))")
            }
            let chartID = try entry.string("chart_id") ?? id
            guard Self.isFileSafe(chartID) else {
                throw InputError(entry.location(of: entry.node("chart_id") == nil ? "id" : "chart_id"),
                                 "`\(chartID)` cannot name a chart file",
                                 hint: "use lower-case letters, digits and hyphens, e.g. market-size (or set `chart_id`)")
            }
            if let other = usedChartIDs[chartID] {
                throw InputError(entry.location(of: "chart_id"),
                                 "chart id `\(chartID)` is used twice (first at line \(other.line ?? 0))",
                                 hint: "give every series its own `chart_id`")
            }
            usedChartIDs[chartID] = entry.location
            return SeriesEntry(id: id, dataPath: dataPath, title: try entry.string("title") ?? id,
                               model: try entry.string("model") ?? "exponential", chart: chart,
                               chartID: chartID,
                               location: entry.location)
        }
        try loadScenarios(root: root, folder: folder)
        penetration = try root.submapping("penetration").map { try PenetrationConfig(mapping: $0, folder: folder) }
    }

    static func isFileSafe(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            && !name.hasPrefix("-")
    }

    static func isQuarter(_ text: String) -> Bool {
        let parts = text.split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, Int(parts[0]) != nil,
              let q = Int(parts[1]), (1...4).contains(q), parts[1].count == 1 else { return false }
        return true
    }

    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              Int(parts[0]) != nil, let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
