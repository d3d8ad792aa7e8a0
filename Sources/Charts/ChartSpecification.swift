/// What every chart kind offers a page, so a page (and a future exporter) can take any of
/// them alike: a chart specification checks itself (`problems`: empty series, labels that
/// do not match) and lays itself out on a page for a theme and a text measurer. A new chart
/// kind conforms both its specification and its layout (see docs/architecture.md).
public protocol ChartSpecification: Sendable {
    associatedtype Layout: ChartLayout
    /// What is wrong with the specification itself, before any layout.
    var problems: [String] { get }
    func layout(theme: Theme, measurer: TextMeasuring) -> Layout
}

/// A laid-out chart: the scene to draw (items with their roles) and every problem found
/// laying it out (a label that does not fit, a value off the axis).
public protocol ChartLayout: Sendable {
    var scene: Scene { get }
    var problems: [String] { get }
    /// The chart as a native object for editable exports (a PowerPoint chart or table), when
    /// the kind has one; nil draws the scene's shapes.
    var native: NativeContent? { get }
}

extension ChartLayout {
    public var native: NativeContent? { nil }
}

extension MarketSizeChart: ChartSpecification {}
extension MarketSizeChartLayout: ChartLayout {}
extension LineChart: ChartSpecification {}
extension LineChartLayout: ChartLayout {}
extension HorizontalBarChart: ChartSpecification {}
extension HorizontalBarChartLayout: ChartLayout {}
extension ScenarioChart: ChartSpecification {}
extension ScenarioChartLayout: ChartLayout {}
extension BubbleMatrix: ChartSpecification {}
extension BubbleMatrixLayout: ChartLayout {}
extension RankStabilityHeatmap: ChartSpecification {}
extension RankStabilityHeatmapLayout: ChartLayout {}
extension Timeline: ChartSpecification {}
extension TimelineLayout: ChartLayout {}
extension StageDiagram: ChartSpecification {}
extension StageDiagramLayout: ChartLayout {}
extension FigureTiles: ChartSpecification {}
extension FigureTilesLayout: ChartLayout {}
