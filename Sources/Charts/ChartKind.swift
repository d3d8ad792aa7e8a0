/// A kind of chart as a user names it: `chart:` under a report series in report.yaml, and
/// `marketcast-bench render --chart`. The raw value is the name typed; code switches on the
/// case, never on the text. Each kind is one folder of this module (its specification,
/// layout and native form); a kind no one names (the scenario chart, the bubble matrix) is
/// drawn by its exhibit without a case here. Who reads a name says which kinds it takes
/// (the report config: `ReportConfig.seriesChartKinds`).
public enum ChartKind: String, CaseIterable, Sendable, Equatable {
    /// Bars of actuals and forecasts with CAGR arrows (MarketSize/; exhibits 1 and 2).
    case marketSize = "market-size"
    /// A line over categories with an optional milestone (LineChart/).
    case line
    /// Ranked horizontal bars (HorizontalBar/).
    case horizontalBars = "horizontal-bars"
    /// The rank-stability heatmap (RankHeatmap/).
    case heatmap
}
