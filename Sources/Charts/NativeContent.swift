// What an editable exporter (the PowerPoint deck) draws as a native object instead of the
// scene's shapes: a chart whose numbers live in the file ("Edit Data" opens them) or a
// table whose cells can be retyped. A layout that can say this fills `native`; the scene
// stays the truth for PNG, SVG and PDF, and the exporter leaves out the scene items whose
// roles the native object replaces and draws everything else (title, legend, note, bound
// marks) as shapes at the same coordinates. Geometry is in page points, like the scene.

public enum NativeContent: Equatable, Sendable {
    case chart(NativeChart)
    case table(NativeTable)

    /// Scene roles the native object draws itself.
    public var replacedRoles: Set<String> {
        switch self {
        case .chart(let chart): return chart.replacedRoles
        case .table(let table): return table.replacedRoles
        }
    }
}

/// A chart as data plus the geometry that pins it to the scene: the exporter sets the plot
/// area and the value axis exactly, so shapes drawn over it (bound marks) land where the
/// scene put them.
public struct NativeChart: Equatable, Sendable {
    /// The OOXML plot the chart is (`c:barChart`, `c:lineChart`, `c:bubbleChart`): how
    /// PowerPoint draws the data, not which of this module's charts it came from (a
    /// scenario chart is columns, as the market-size chart is; see `ChartKind`).
    public enum PlotType: Equatable, Sendable {
        /// Vertical bars, one category per slot.
        case columns
        /// Horizontal bars; categories run top to bottom as listed.
        case horizontalBars
        /// Lines over categories; a nil value is a gap.
        case lines
        /// Bubbles at (x, y) with an area-proportional size.
        case bubbles
    }

    public struct Series: Equatable, Sendable {
        public var name: String
        /// One per category (nil = no value: an empty category or a gap in a line).
        public var values: [Double?]
        public var color: Color
        /// Points drawn with the estimate pattern (forecast bars), by index.
        public var estimatePoints: Set<Int> = []
        /// The interval around each value, drawn as custom error bars (nil = none at that point).
        public var lower: [Double?]? = nil
        public var upper: [Double?]? = nil
        /// Points whose interval keeps its ends in the data but gets no error bar, because the
        /// scene draws that whisker itself (cut at the plot, with an arrow and its value).
        public var errorBarsDrawnAsShapes: Set<Int> = []
        /// Bubbles: x values and sizes, one per point.
        public var xValues: [Double]? = nil
        public var sizes: [Double]? = nil
        /// Lines: dashed stroke (a scenario path, a projection).
        public var dashed: Bool = false
        public var lineWidth: Double = 2
        /// Per-point data labels' extra lift, in points (a label pushed above a whisker).
        public var labelLift: [Double]? = nil
        /// In a bar chart: drawn as a line over the bars (a scenario path over the actuals).
        public var asLine: Bool = false
        /// Lines: a ring on every point.
        public var markers: Bool = false
        /// Points in another colour than the series' (a highlighted bar or bubble), by index.
        public var pointColors: [Int: Color] = [:]
        /// Points drawn with an outline (a published bound), by index.
        public var pointOutlines: [Int: Stroke] = [:]
        /// Points whose data label is a published bound: the bound's words ("超过") before the
        /// value, by index. The deck keeps the words in a workbook cell and the label reads
        /// the cell, so the words and the value both follow "Edit Data".
        public var boundLabels: [Int: BoundLabel] = [:]
        /// Points whose data label has its own colour (a highlighted bar's accent score), by index.
        public var pointLabelColors: [Int: Color] = [:]

        public init(name: String, values: [Double?], color: Color) {
            self.name = name; self.values = values; self.color = color
        }
    }

    /// A bound's label: its words and the text the scene draws (the words, then the value
    /// in the chart's number format).
    public struct BoundLabel: Equatable, Sendable {
        public var words: String
        public var text: String
        public init(words: String, text: String) { self.words = words; self.text = text }
    }

    /// A compound-growth pill over the chart (a CAGR arrow's label), as the deck shows it: a
    /// data label reading a workbook cell whose formula is the growth of the two bars'
    /// values, so "Edit Data" recomputes it.
    public struct GrowthLabel: Equatable, Sendable {
        /// The categories the growth runs between (indices into `categories`).
        public var from: Int
        public var to: Int
        public var rate: Double
        /// The words before the rate ("CAGR ", "CAGR ≥") when the label is these and the rate
        /// as a percentage with one decimal (`NumberFormat.percent`); nil for a label in other
        /// words, which the workbook then holds as it is.
        public var prefix: String?
        /// The label as the scene draws it.
        public var text: String
        /// The pill's centre on the page, its fill, its text's colour and size, and the room
        /// between its text and its edge (left and right, top and bottom).
        public var center: Point
        public var fill: Color
        public var textColor: Color
        public var fontSize: Double
        public var padding: Size
        public init(from: Int, to: Int, rate: Double, prefix: String?, text: String, center: Point, fill: Color,
                    textColor: Color, fontSize: Double, padding: Size) {
            self.from = from; self.to = to; self.rate = rate; self.prefix = prefix; self.text = text
            self.center = center; self.fill = fill; self.textColor = textColor; self.fontSize = fontSize
            self.padding = padding
        }
    }

    /// How the chart draws its CAGR arrows (one per growth label, over the label's span):
    /// as line series whose heights are workbook formulas of the bars, so "Edit Data" moves
    /// them with the bars. The pills, centred on their arrows, follow too.
    public struct GrowthArrows: Equatable, Sendable {
        public var stroke: Stroke
        /// Per category, in axis units: how far above its value the top of what is drawn
        /// over the bar reaches (its value label, lifted over a whisker or a bound's mark),
        /// as the bar moves with its value. An empty category: where a label would reach.
        public var labelRise: [Double]
        /// The highest value something drawn over the bars as a shape reaches, which stays
        /// where it is when the data change (a publisher's forecast diamond, a whisker cut
        /// at the clip value and its label, a bound's open end); the arrows keep above it
        /// too. Nil when there is none.
        public var fixedTop: Double?
        public init(stroke: Stroke, labelRise: [Double], fixedTop: Double? = nil) {
            self.stroke = stroke; self.labelRise = labelRise; self.fixedTop = fixedTop
        }
    }

    /// A legend entry for what the chart draws as a style of some points or as shapes, not
    /// as a series (linked years: light bars with an outline; a bound's dashed open end): the
    /// deck writes it as a series without values, so the native legend shows its swatch.
    public struct LegendKey: Equatable, Sendable {
        public enum Swatch: Equatable, Sendable {
            case box(fill: Color, outline: Stroke?)
            case line(Stroke)
        }
        public var name: String
        public var swatch: Swatch
        public init(name: String, swatch: Swatch) { self.name = name; self.swatch = swatch }
    }

    /// A shaded range behind everything (a scenario band): lower and upper per category.
    public struct Band: Equatable, Sendable {
        public var name: String
        public var lower: [Double?]
        public var upper: [Double?]
        public var color: Color
        public init(name: String, lower: [Double?], upper: [Double?], color: Color) {
            self.name = name; self.lower = lower; self.upper = upper; self.color = color
        }
    }

    public var plotType: PlotType
    public var band: Band? = nil
    /// Column charts: the CAGR pills, drawn as data labels of the chart (in place of the
    /// scene's "cagr-pill" and "cagr-label" items, which `replacedRoles` then holds).
    public var growthLabels: [GrowthLabel] = []
    /// Column charts with growth labels: their arrows as series of the chart (in place of the
    /// scene's "cagr-arrow" items); nil leaves the arrows to the scene.
    public var growthArrows: GrowthArrows? = nil
    /// Tick spacing of a shown value axis (and of the x axis of bubbles); nil lets the reader choose.
    public var valueStep: Double? = nil
    public var xStep: Double? = nil
    /// Bubbles: the largest bubble's radius as a fraction of the plot's shorter side.
    public var largestBubbleRadius: Double = 0.125
    /// The chart object on the page.
    public var frame: Rect
    /// The inner plot area (inside the axes) on the page.
    public var plot: Rect
    public var categories: [String]
    public var series: [Series]
    /// The value axis is pinned to exactly this range.
    public var valueMinimum: Double
    public var valueMaximum: Double
    /// Set by the exporter: the scene roles drawn as shapes over the plot that need the
    /// value axis pinned to exactly `valueMinimum…valueMaximum` (bound marks, cut whiskers,
    /// end labels; and the CAGR arrows, whose rises above the labels are in these units);
    /// nil when nothing over the plot depends on it, and the maximum is left to the reader
    /// (a value typed above it in "Edit Data" then still fits).
    public var axisPinnedFor: [String]? = nil
    /// The chart draws its own legend (every entry is one of its series or its band) in
    /// place of the scene's "legend" items, where the scene put them.
    public var nativeLegend: Bool = false
    /// With a native legend: its entries for what is not a series, in the scene legend's order.
    public var legendKeys: [LegendKey] = []
    /// Set by the exporter: the legend's place on the page (the scene legend's bounds).
    public var legendFrame: Rect? = nil
    public var legendFontSize: Double = 11
    /// Bubbles: what the x values and the sizes measure, the workbook's column headers.
    public var xTitle: String? = nil
    public var sizeTitle: String? = nil
    /// Bubbles: the x axis range.
    public var xMinimum: Double = 0
    public var xMaximum: Double = 1
    /// An Excel number format code for data labels and the workbook, e.g. "#,##0.0".
    public var numberFormat: String
    public var showsDataLabels: Bool
    public var showsValueAxis: Bool = false
    public var showsGridlines: Bool = false
    /// Bars: the gap between bars as a percentage of a bar's width (PowerPoint's gap width).
    public var gapWidth: Int = 50
    public var fontFamily: String
    public var labelFontSize: Double
    /// Data labels set in bold, as the scene sets its scores.
    public var labelBold: Bool = false
    public var axisFontSize: Double
    public var textColor: Color
    public var axisColor: Color
    /// The fill behind estimate bars and the pattern's line colour.
    public var estimateBackground: Color
    public var estimatePattern: Color
    public var replacedRoles: Set<String>

    public init(plotType: PlotType, frame: Rect, plot: Rect, categories: [String], series: [Series],
                valueMinimum: Double, valueMaximum: Double, numberFormat: String, showsDataLabels: Bool,
                fontFamily: String, labelFontSize: Double, axisFontSize: Double, textColor: Color,
                axisColor: Color, estimateBackground: Color, estimatePattern: Color, replacedRoles: Set<String>) {
        self.plotType = plotType; self.frame = frame; self.plot = plot; self.categories = categories; self.series = series
        self.valueMinimum = valueMinimum; self.valueMaximum = valueMaximum; self.numberFormat = numberFormat
        self.showsDataLabels = showsDataLabels; self.fontFamily = fontFamily; self.labelFontSize = labelFontSize
        self.axisFontSize = axisFontSize; self.textColor = textColor; self.axisColor = axisColor
        self.estimateBackground = estimateBackground; self.estimatePattern = estimatePattern
        self.replacedRoles = replacedRoles
    }
}

/// A table: column widths, row heights and each cell's text and style, as laid out.
public struct NativeTable: Equatable, Sendable {
    public struct Cell: Equatable, Sendable {
        public var text: String
        public var bold: Bool
        public var fill: Color?
        public var color: Color
        public var alignment: TextAlignment
        /// The cell's type size when it differs from the table's.
        public var size: Double?
        /// The page (1-based) the cell's text refers to: the deck makes it a link to that slide.
        public var linkedPage: Int? = nil
        public init(text: String, bold: Bool, fill: Color?, color: Color, alignment: TextAlignment, size: Double? = nil) {
            self.text = text; self.bold = bold; self.fill = fill; self.color = color; self.alignment = alignment
            self.size = size
        }
    }
    public struct Row: Equatable, Sendable {
        public var height: Double
        public var cells: [Cell]
        public init(height: Double, cells: [Cell]) { self.height = height; self.cells = cells }
    }

    public var frame: Rect
    public var columnWidths: [Double]
    public var rows: [Row]
    public var fontFamily: String
    public var fontSize: Double
    /// Space between a cell's edges and its text, left and right, in points.
    public var horizontalPadding: Double = 6
    public var replacedRoles: Set<String>

    public init(frame: Rect, columnWidths: [Double], rows: [Row], fontFamily: String, fontSize: Double,
                replacedRoles: Set<String>) {
        self.frame = frame; self.columnWidths = columnWidths; self.rows = rows; self.fontFamily = fontFamily
        self.fontSize = fontSize; self.replacedRoles = replacedRoles
    }
}
