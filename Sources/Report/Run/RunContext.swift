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
    public var measurer: PangoTextMeasurer
    public var series: [SeriesResult]
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

/// A kind of exhibit: builds its pages from the run's context.
protocol Exhibit {
    func pages(in context: RunContext) throws -> [ReportPage]
    /// Data files the exhibit leaves in the run folder beside report.pdf, e.g.
    /// ("penetration.csv", text), in writing order.
    func dataFiles(in context: RunContext) throws -> [(name: String, text: String)]
}

extension Exhibit {
    func dataFiles(in context: RunContext) throws -> [(name: String, text: String)] { [] }
}
