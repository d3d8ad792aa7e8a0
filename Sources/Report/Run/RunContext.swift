import Charts
import Forecasting
import MarketData
import Rendering

/// Everything an exhibit may read to build its pages: the resolved config, the words and
/// style of the report, the text measurer, and each series with its forecast, in config
/// order. Exhibits read it and never write back, so their order cannot change a result.
public struct RunContext {
    public struct SeriesResult {
        public var entry: ReportConfig.SeriesEntry
        public var series: MarketSeries
        public var forecast: SeriesForecast
    }

    public var config: ReportConfig
    public var strings: Strings
    public var theme: Theme
    /// Measures text for layout: Pango in a run (the renderer's own measurer, so layout and
    /// drawing agree), a fake in tests that lay exhibits out without fonts.
    public var measurer: any TextMeasuring
    public var series: [SeriesResult]
    /// The exhibit tables the config names, read once.
    var tables = ExhibitTables()
    /// Every CSV the checks parsed, by path (the methodology page lists each table's sources).
    var csvTables: [String: CSVTable] = [:]
    /// Each series' publisher forecasts (by series id), read once.
    var publisherForecasts: [String: [PublisherForecast]] = [:]
    /// The commentary files, by path, as `check` read them.
    var commentary: [String: CommentaryDocument] = [:]
    /// This run's manifest (without timings), once the forecasts are made.
    var manifest: RunManifest?
    /// The previous edition's forecasts and manifest (`previous_edition:`), as `check` read them.
    var previousEdition: RunForecasts?
    /// Where each exhibit starts in report.pdf, once the pages are known (see ReportRun's
    /// two passes); empty while the pages are first built.
    public var pageDirectory: [PageDirectoryEntry] = []

    public func pageNumber(of exhibitID: String) -> Int? {
        pageDirectory.first { $0.exhibitID == exhibitID }?.pageNumber
    }

    /// Each series' paths under the scenarios that cover it, series in config order.
    public var scenarios: [SeriesScenarios] = []
    /// The backtest of `backtest:` in report.yaml, for the methodology page; nil when not configured.
    public var backtest: BacktestReport?
    /// The industry penetration analysis, when the config has a `penetration:` section.
    public var penetration: PenetrationAnalysis? = nil

    public func result(for id: String) -> SeriesResult? {
        series.first { $0.entry.id == id }
    }
}

/// One exhibit's first page, as the contents page lists it.
public struct PageDirectoryEntry: Sendable, Equatable {
    public var exhibitID: String
    public var title: String
    /// 1-based, counting the title page.
    public var pageNumber: Int
}

/// A kind of exhibit: builds its pages from the run's context.
protocol Exhibit {
    func pages(in context: RunContext) throws -> [ReportPage]
    /// True when the pages print other pages' numbers (contents, key findings): they are
    /// built again once every page's number is known.
    var referencesPageNumbers: Bool { get }
    /// Data files the exhibit leaves in the run folder beside report.pdf, e.g.
    /// ("penetration.csv", text), in writing order.
    func dataFiles(in context: RunContext) throws -> [(name: String, text: String)]
    /// The exhibit tables it reads (from `ExhibitTable`); a test holds the union of every
    /// exhibit's tables equal to `ExhibitTable.all`, so no table is read for nothing.
    var tables: [AnyExhibitTableSpec] { get }
}

extension Exhibit {
    var referencesPageNumbers: Bool { false }
    func dataFiles(in context: RunContext) throws -> [(name: String, text: String)] { [] }
    var tables: [AnyExhibitTableSpec] { [] }
}

extension RunContext {
    /// A configured table's data cut-off for its page's note: the latest `published` among
    /// its rows (issue 20: every page that shows data says how recent it is); "" when the
    /// table has no such column or no dates.
    func tableCutoff(_ names: String...) -> String {
        var dates: [String] = []
        for name in names {
            guard let path = config.tables[name], let table = csvTables[path],
                  let column = table.optionalColumnIndex(named: "published") else { continue }
            dates += table.rows.map { $0[column].text.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        guard let latest = dates.max() else { return "" }
        return strings.localized("", " ") + strings.dataCutoff(latest)
    }
}
