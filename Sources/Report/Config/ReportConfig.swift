import Charts
import Foundation
import Forecasting
import MarketData
// The catalog's model names, to refuse a misspelt model before any fitting starts.
import Numerics

/// report.yaml, resolved: every path absolute, every value checked. Paths in the file are
/// relative to the file's own folder so a config can be run from anywhere.
public struct ReportConfig: Sendable {
    public struct Document: Sendable {
        public var title: String
        public var author: String
        /// ISO date written into the PDF metadata in place of a timestamp.
        public var date: String
        /// The title in English, for `--lang en`; nil keeps `title`.
        public var titleEN: String? = nil
        /// Who publishes the report, for the title page (e.g. an analyst team).
        public var publisher: String? = nil
        public var publisherEN: String? = nil

        public func title(for language: DisplayLanguage) -> String {
            language == .en ? (titleEN ?? title) : title
        }
        public func publisher(for language: DisplayLanguage) -> String? {
            language == .en ? (publisherEN ?? publisher) : publisher
        }
    }

    public struct SeriesEntry: Sendable {
        public var id: String
        public var dataPath: String
        public var title: String
        /// Parsed once, where report.yaml is read; `exponential` when the entry names none.
        public var model: ModelSpec
        /// The chart kind, e.g. `market-size`.
        public var chart: ChartKind
        /// The stable file name under charts/, e.g. `market-size`; defaults to the id.
        public var chartID: String
        public var location: SourceLocation
        /// The title in English, for `--lang en`; nil keeps `title`.
        public var titleEN: String? = nil
        /// A note printed under the chart, e.g. how this series' definition differs.
        public var note: String? = nil
        public var noteEN: String? = nil
        /// Accepts missing years (a year the publisher never published).
        public var allowGaps: Bool = false
        /// The publisher's own forecasts as published at the time (year,value,unit,vintage,source).
        public var publisherForecastsPath: String? = nil
        /// `link: {method: growth, vintage: …}`: an older vintage whose year-on-year growth
        /// carries the series back before its first year (MarketSeries.linkedByGrowth).
        public var link: SeriesLink? = nil
        /// The range the series takes by its nature (`bounds: {floor: 0, ceiling: 100}` for
        /// a share in %): the forecast is held inside it, and the page says the bound is ours.
        public var bounds: NaturalBounds? = nil

        public func title(for language: DisplayLanguage) -> String {
            language == .en ? (titleEN ?? title) : title
        }
        public func note(for language: DisplayLanguage) -> String? {
            language == .en ? (noteEN ?? note) : note
        }
    }

    public var file: String
    public var quarter: String
    /// The year of the edition's quarter (2026 for 2026Q4): estimates of earlier years are
    /// estimates of the past, never labelled forecasts.
    public var editionYear: Int? { Int(quarter.prefix(4)) }
    public var horizon: Int
    public var language: DisplayLanguage
    public var level: Double
    public var document: Document
    public var series: [SeriesEntry]
    /// Every entry whose data file exists, including entries with other problems: what
    /// `marketcast check` validates when the config itself has errors.
    var seriesWithReadableData: [SeriesEntry] = []
    /// The theme file (absolute), when the config names one.
    public var themePath: String? = nil
    /// The theme file as messages name it: the config's folder as given plus the path the
    /// config writes (`themes/house.yaml` for `--config report.yaml`), like scenario files.
    public var themeDisplayName: String? = nil
    /// Data files of the exhibits that are not fitted series, by table name (absolute paths).
    public var tables: [String: String] = [:]
    /// The scenario files in `scenarios:` order, and the one the market-size chart shows.
    public var scenarios: [ScenarioConfig] = []
    public var baseScenario: String?
    public var backtest: BacktestSettings?
    /// The publishers' consensus scenario and its weight in the base case; nil without `consensus:`.
    public var consensus: ConsensusSettings?
    /// The industry penetration (推进程度) section; nil when the config has none.
    public var penetration: PenetrationConfig?
    /// The analyst's commentary pages, in `commentary:` order.
    public var commentary: [CommentaryConfig] = []
    /// The previous edition's run folder (`previous_edition:`, absolute), for the revisions page.
    public var previousEdition: String?
    var previousEditionLocation: SourceLocation?

    static let topLevelKeys = ["quarter", "horizon", "language", "level", "document", "series",
                               "scenarios", "base_scenario", "backtest", "consensus", "penetration", "theme", "tables", "commentary",
                               "previous_edition"]
    static let documentKeys = ["title", "author", "date", "title_en", "publisher", "publisher_en"]
    static let seriesKeys = ["id", "data", "title", "model", "chart", "chart_id", "title_en", "note", "note_en",
                             "allow_gaps", "publisher_forecasts", "bounds", "link"]
    /// The tables an exhibit can read; an exhibit whose table is not configured is left out.
    public static var tableNames: [String] { ExhibitTable.all.map(\.name) }
    /// The kinds a report series can be drawn as (`chart:`): the ones an exhibit draws for
    /// a series. The other kinds are drawn from tables, so a series naming one is an error.
    public static let seriesChartKinds: [ChartKind] = [.marketSize]
    public static var chartKinds: [String] { seriesChartKinds.map(\.rawValue) }

    public static func load(path: String) throws -> ReportConfig {
        try InputLimits.checkFileSize(path: path, file: path, limit: InputLimits.yamlFileBytes, what: "a report config")
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Diagnostic(SourceLocation(file: path), "cannot read the report config",
                             hint: "check the path given to --config (default: report.yaml in the current folder)")
        }
        let text = try TextDecoding.decode(data, file: path).text
        let root = try YAMLMapping.document(file: path, text: text)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try ReportConfig(root: root, folder: folder)
    }

    init(root: YAMLMapping, folder: String) throws {
        var problems = InputErrors()
        try self.init(root: root, folder: folder, problems: &problems)
        try problems.sortedByLocation().throwIfAny()
    }

    /// Reads every setting, recording each problem in `problems` instead of stopping at the
    /// first, so `marketcast check` can list them all. A setting with a problem gets a
    /// placeholder value; the config is only used when `problems` stays empty, except by
    /// checks that want the series entries that did parse.
    init(root: YAMLMapping, folder: String, problems: inout InputErrors) throws {
        file = root.file
        try problems.collect { try root.rejectUnknownKeys(allowed: Self.topLevelKeys, section: "the report config") }

        quarter = try problems.collect { () throws -> String in
            let quarterText = try root.requiredString("quarter", section: "the report config")
            guard Self.isQuarter(quarterText) else {
                throw Diagnostic(root.location(of: "quarter"), "`quarter` must look like 2026Q4, found `\(quarterText)`",
                                 hint: "write the year, a capital Q and the quarter number 1–4")
            }
            return quarterText
        } ?? "2000Q1"

        horizon = try problems.collect { () throws -> Int in
            guard let horizonValue = try root.int("horizon") else {
                throw Diagnostic(root.location, "the report config has no `horizon`",
                                 hint: "add `horizon: 2027`, the last year to forecast")
            }
            guard (1900...2200).contains(horizonValue) else {
                throw Diagnostic(root.location(of: "horizon"), "`horizon` must be a year between 1900 and 2200, found \(horizonValue)",
                                 hint: "write the last forecast year, e.g. 2027")
            }
            return horizonValue
        } ?? 2200 // the latest year a series may hold: a missing horizon is not reported again per series

        language = try problems.collect { () throws -> DisplayLanguage in
            let languageText = try root.string("language") ?? "zh"
            guard let parsedLanguage = DisplayLanguage(rawValue: languageText) else {
                let guess = Suggestions.closest(to: languageText, among: ["zh", "en"]).map { "did you mean `\($0)`? " } ?? ""
                throw Diagnostic(root.location(of: "language"), "`language` must be zh or en, found `\(languageText)`",
                                 hint: guess + "write `language: zh` or `language: en`")
            }
            return parsedLanguage
        } ?? .zh

        level = try problems.collect { () throws -> Double in
            let levelValue = try root.double("level") ?? 0.95
            guard levelValue > 0.5, levelValue < 1 else {
                throw Diagnostic(root.location(of: "level"), "`level` must lie between 0.5 and 1, found \(levelValue)",
                                 hint: "write the confidence level as a fraction, e.g. 0.95")
            }
            return levelValue
        } ?? 0.95

        document = try problems.collect { () throws -> Document in
            let documentMapping = try root.submapping("document")
            var documentProblems = InputErrors()
            try documentProblems.collect { try documentMapping?.rejectUnknownKeys(allowed: Self.documentKeys, section: "`document`") }
            let date = try documentProblems.collect { () throws -> String in
                let date = try documentMapping?.string("date") ?? "2000-01-01"
                guard Self.isISODate(date) else {
                    throw Diagnostic(documentMapping?.location(of: "date") ?? root.location,
                                     "`date` must be a date like 2026-11-29, found `\(date)`",
                                     hint: "write the report's date as YYYY-MM-DD")
                }
                return date
            }
            let title = try documentProblems.collect { try documentMapping?.string("title") ?? "marketcast report" }
            let author = try documentProblems.collect { try documentMapping?.string("author") ?? "marketcast" }
            let titleEN = try documentProblems.collect { try documentMapping?.string("title_en") } ?? nil
            let publisher = try documentProblems.collect { try documentMapping?.string("publisher") } ?? nil
            let publisherEN = try documentProblems.collect { try documentMapping?.string("publisher_en") } ?? nil
            try documentProblems.throwIfAny()
            return Document(title: title ?? "", author: author ?? "", date: date ?? "2000-01-01",
                            titleEN: titleEN, publisher: publisher, publisherEN: publisherEN)
        } ?? Document(title: "", author: "", date: "2000-01-01")

        themePath = try problems.collect { () throws -> String? in
            guard let theme = try root.string("theme") else { return nil }
            return try Self.resolve(theme, folder: folder, at: root.location(of: "theme"), what: "theme file")
        } ?? nil
        if themePath != nil, let theme = try? root.string("theme") {
            themeDisplayName = Self.displayName(theme, configFile: root.file)
        }
        tables = try problems.collect { () throws -> [String: String] in
            guard let tableMapping = try root.submapping("tables") else { return [:] }
            var tableProblems = InputErrors()
            var resolved: [String: String] = [:]
            try tableProblems.collect { try tableMapping.rejectUnknownKeys(allowed: Self.tableNames, section: "`tables`") }
            for (name, _) in tableMapping.keys where Self.tableNames.contains(name) {
                try tableProblems.collect {
                    guard let relative = try tableMapping.string(name) else { return }
                    resolved[name] = try Self.resolve(relative, folder: folder, at: tableMapping.location(of: name),
                                                      what: "table `\(name)`")
                }
            }
            try tableProblems.throwIfAny()
            return resolved
        } ?? [:]

        series = []
        let entries = try problems.collect { try root.mappings("series") } ?? nil
        if let entries, !entries.isEmpty {
            var seen: [String: SourceLocation] = [:]
            var usedChartIDs: [String: SourceLocation] = [:]
            for entry in entries {
                var entryProblems = InputErrors()
                let parsed = try Self.seriesEntry(entry, folder: folder, seen: &seen, usedChartIDs: &usedChartIDs,
                                                  problems: &entryProblems)
                if let parsed {
                    if entryProblems.isEmpty { series.append(parsed) }
                    seriesWithReadableData.append(parsed)
                }
                problems.append(contentsOf: entryProblems)
            }
        } else if root.node("series") == nil || entries != nil {
            problems.append(Diagnostic(root.location, "the report config lists no `series`",
                                       hint: "add a `series:` list with at least one entry (id, data, title, model, chart)"))
        }
        try problems.collect { try loadScenarios(root: root, folder: folder) }
        penetration = try problems.collect {
            try root.submapping("penetration").map { try PenetrationConfig(mapping: $0, folder: folder) }
        } ?? nil
        previousEdition = try problems.collect { () throws -> String? in
            guard let edition = try root.string("previous_edition") else { return nil }
            return try Self.resolve(edition, folder: folder, at: root.location(of: "previous_edition"),
                                    what: "previous edition folder")
        } ?? nil
        if root.node("previous_edition") != nil { previousEditionLocation = root.location(of: "previous_edition") }
        for entry in (try problems.collect { try root.mappings("commentary") } ?? nil) ?? [] {
            if let parsed = try problems.collect({ try CommentaryConfig(mapping: entry, folder: folder) }) {
                commentary.append(parsed)
            }
        }
    }

    /// One `series:` entry, with every problem in it recorded in `problems`. Returned
    /// whenever its id and data file could be read, with placeholders for settings that
    /// had problems, so that the data file is still checked.
    static func seriesEntry(_ entry: YAMLMapping, folder: String, seen: inout [String: SourceLocation],
                            usedChartIDs: inout [String: SourceLocation],
                            problems: inout InputErrors) throws -> SeriesEntry? {
        try problems.collect { try entry.rejectUnknownKeys(allowed: Self.seriesKeys, section: "a `series` entry") }
        guard let id = try problems.collect({ try entry.requiredString("id", section: "a `series` entry") }) else {
            return nil
        }
        if let first = seen[id] {
            problems.append(Diagnostic(entry.location(of: "id"), "series id `\(id)` is used twice (first at line \(first.line ?? 0))",
                                       hint: "give every series its own id"))
        } else {
            seen[id] = entry.location(of: "id")
        }
        let dataPath = try problems.collect { () throws -> String in
            let data = try entry.requiredString("data", section: "series `\(id)`")
            let dataPath = URL(fileURLWithPath: data, relativeTo: URL(fileURLWithPath: folder, isDirectory: true))
                .standardizedFileURL.path
            guard FileManager.default.fileExists(atPath: dataPath) else {
                throw Diagnostic(entry.location(of: "data"), "data file `\(data)` of series `\(id)` does not exist (looked at \(dataPath))",
                                 hint: "paths are relative to the config file's folder; check the spelling"
                                     + Self.nearbyFileSuggestion(for: dataPath))
            }
            return dataPath
        }
        let model = try problems.collect { () throws -> ModelSpec in
            guard let text = try entry.string("model") else { return Self.defaultModel }
            // Exactly as listed (report.yaml's names are the manifest's): `Logistic` is refused
            // with a hint, not read as `logistic`.
            guard Self.modelNames.contains(text), let model = ModelSpec(name: text) else {
                let (message, hint) = ModelSpec.unknownNameMessage(text)
                throw Diagnostic(entry.location(of: "model"), "\(message) for series `\(id)`", hint: hint)
            }
            return model
        }
        let chart = try problems.collect { () throws -> ChartKind in
            let text = try entry.string("chart") ?? ChartKind.marketSize.rawValue
            guard let chart = ChartKind(rawValue: text), Self.seriesChartKinds.contains(chart) else {
                let chart = text
                let guess = Suggestions.closest(to: chart, among: Self.chartKinds)
                throw Diagnostic(entry.location(of: "chart"), "unknown chart kind `\(chart)`",
                                 hint: (guess.map { "did you mean `\($0)`? " } ?? "")
                                     + "known kinds: \(Self.chartKinds.joined(separator: ", "))")
            }
            return chart
        }
        let chartID = try problems.collect { () throws -> String in
            let chartID = try entry.string("chart_id") ?? id
            guard Self.isFileSafe(chartID) else {
                throw Diagnostic(entry.location(of: entry.node("chart_id") == nil ? "id" : "chart_id"),
                                 "`\(chartID)` cannot name a chart file",
                                 hint: "use lower-case letters, digits and hyphens, e.g. market-size (or set `chart_id`)")
            }
            if let other = usedChartIDs[chartID] {
                throw Diagnostic(entry.location(of: "chart_id"),
                                 "chart id `\(chartID)` is used twice (first at line \(other.line ?? 0))",
                                 hint: "give every series its own `chart_id`")
            }
            usedChartIDs[chartID] = entry.location
            return chartID
        }
        let title = try problems.collect { try entry.string("title") ?? id }
        let titleEN = try problems.collect { try entry.string("title_en") } ?? nil
        let note = try problems.collect { try entry.string("note") } ?? nil
        let noteEN = try problems.collect { try entry.string("note_en") } ?? nil
        let allowGaps = try problems.collect { try entry.bool("allow_gaps") ?? false } ?? false
        let publisherForecasts = try problems.collect { () throws -> String? in
            guard let relative = try entry.string("publisher_forecasts") else { return nil }
            return try Self.resolve(relative, folder: folder, at: entry.location(of: "publisher_forecasts"),
                                    what: "publisher forecasts of series `\(id)`")
        } ?? nil
        let link = try problems.collect { () throws -> SeriesLink? in
            guard let mapping = try entry.submapping("link") else { return nil }
            try mapping.rejectUnknownKeys(allowed: SeriesLink.keys, section: "`link`")
            let method = try mapping.requiredString("method", section: "`link`")
            guard method == SeriesLink.growthMethod else {
                throw Diagnostic(mapping.location(of: "method"), "unknown link method `\(method)`",
                                 hint: "`growth`: the older vintage's year-on-year growth carries the series back (levels of two vintages are never spliced)")
            }
            let relative = try mapping.requiredString("vintage", section: "`link`")
            let path = try Self.resolve(relative, folder: folder, at: mapping.location(of: "vintage"),
                                        what: "older vintage of series `\(id)`")
            return SeriesLink(vintagePath: path, location: mapping.location)
        } ?? nil
        let bounds = try problems.collect { () throws -> NaturalBounds? in
            guard let mapping = try entry.submapping("bounds") else { return nil }
            try mapping.rejectUnknownKeys(allowed: ["floor", "ceiling"], section: "bounds of series `\(id)`")
            do {
                return try NaturalBounds(floor: try mapping.double("floor"), ceiling: try mapping.double("ceiling"))
            } catch let error as NaturalBoundsError {
                throw Diagnostic(entry.location(of: "bounds"), "bounds of series `\(id)`: \(error)",
                                 hint: "write e.g. `bounds: {floor: 0, ceiling: 100}` for a share in %")
            }
        } ?? nil
        guard let dataPath else { return nil }
        var result = SeriesEntry(id: id, dataPath: dataPath, title: title ?? id, model: model ?? Self.defaultModel,
                                 chart: chart ?? .marketSize, chartID: chartID ?? id, location: entry.location,
                                 titleEN: titleEN, note: note, noteEN: noteEN, allowGaps: allowGaps,
                                 publisherForecastsPath: publisherForecasts, bounds: bounds)
        result.link = link
        return result
    }

    /// `relative` resolved against the config's folder; an error at `location` when no file is there.
    static func resolve(_ relative: String, folder: String, at location: SourceLocation, what: String) throws -> String {
        let path = URL(fileURLWithPath: relative, relativeTo: URL(fileURLWithPath: folder, isDirectory: true))
            .standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw Diagnostic(location, "\(what) `\(relative)` does not exist (looked at \(path))",
                             hint: "paths are relative to the config file's folder; check the spelling"
                                 + Self.nearbyFileSuggestion(for: path))
        }
        return path
    }

    /// A path the config writes (relative to its folder), the way the analyst would type it
    /// from the current folder: messages about the file it names use this.
    static func displayName(_ relative: String, configFile: String) -> String {
        if relative.hasPrefix("/") { return relative }
        return ((configFile as NSString).deletingLastPathComponent as NSString).appendingPathComponent(relative)
    }

    /// The growth models a series may name: the catalog's, and `auto` to let the run choose.
    public static let modelNames = ModelSpec.names
    /// The model of a series whose entry names none.
    public static let defaultModel = ModelSpec.curve(.exponential)

    /// ` (did you mean x.csv?)` when a file with a close name sits in the same folder.
    static func nearbyFileSuggestion(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        guard let guess = Suggestions.closest(to: url.lastPathComponent, among: names) else { return "" }
        return "; did you mean `\(guess)`?"
    }

    static func isFileSafe(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            && !name.hasPrefix("-")
    }

    /// What is wrong with a quarter given to override the config's (`run --quarter`,
    /// `RunOptions.quarter`), nil when it is a quarter: the one check the command line (a
    /// usage error, before any file is read) and the run (for callers of the library) share.
    public static func quarterOverrideProblem(_ text: String) -> (message: String, hint: String)? {
        guard !isQuarter(text) else { return nil }
        return ("`\(text)` is not a quarter", "write the year, a capital Q and the quarter number, e.g. 2026Q4")
    }

    public static func isQuarter(_ text: String) -> Bool {
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

/// A series' opt-in link to an older vintage (`link:` under the series in report.yaml).
public struct SeriesLink: Sendable {
    static let keys = ["method", "vintage"]
    static let growthMethod = "growth"
    /// The older vintage's data file (absolute).
    public var vintagePath: String
    public var location: SourceLocation
}
