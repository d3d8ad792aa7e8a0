// The scenario chart: the published actuals as bars, then one line per scenario (dashed,
// with markers, as estimates are drawn) from the last actual to the horizon, the base
// scenario's interval as a light band, and each scenario's value at the horizon labelled
// at the right end. This file is the specification; ScenarioChartLayout.swift draws it.

public struct ScenarioChart: Sendable {
    /// One scenario's path: values for the categories from `startIndex` on (the first is
    /// normally the last actual, so the line leaves from the top of its bar).
    public struct Path: Equatable, Sendable {
        /// Shown in the legend and before the end value, e.g. "乐观情景".
        public var label: String
        public var startIndex: Int
        public var values: [Double]
        public init(label: String, startIndex: Int, values: [Double]) {
            self.label = label; self.startIndex = startIndex; self.values = values
        }
    }

    /// The band: lower and upper for the categories from `startIndex` on.
    public struct Band: Equatable, Sendable {
        public var label: String
        public var startIndex: Int
        public var lower: [Double]
        public var upper: [Double]
        public init(label: String, startIndex: Int, lower: [Double], upper: [Double]) {
            self.label = label; self.startIndex = startIndex; self.lower = lower; self.upper = upper
        }
    }

    public var title: String
    public var subtitle: String?
    public var unitLabel: String
    /// Category labels along the bottom, e.g. "2019" … "2027E".
    public var categories: [String]
    /// Actual values per category (nil where the year is a forecast).
    public var actuals: [Double?]
    public var actualLabel: String
    public var paths: [Path]
    public var band: Band?
    public var sourceNote: String
    public var formatValue: ValueFormatter
    /// `formatValue` as a spreadsheet number format, for editable exports.
    public var numberFormatCode: String = "#,##0"
    /// The y axis' tick labels; nil prints grouped numbers with the decimals the ticks need.
    public var formatAxis: ValueFormatter? = nil
    /// Indices of actuals that are published lower bounds: drawn as the market-size chart
    /// draws them (dashed sides open at the top, a chevron), with `boundLegend` in the legend.
    public var lowerBoundActuals: Set<Int> = []
    public var boundLegend: String? = nil
    /// Indices of `actuals` carried back by an older vintage's growth (`link: growth`): drawn
    /// light with an outline, as the market-size chart draws them, under `linkedLegend`.
    public var linkedActuals: Set<Int> = []
    public var linkedLegend: String? = nil

    public init(title: String, subtitle: String? = nil, unitLabel: String, categories: [String], actuals: [Double?],
                actualLabel: String, paths: [Path], band: Band? = nil, sourceNote: String = "",
                formatValue: @escaping ValueFormatter = ValueFormat.groupedDecimal(decimals: 0)) {
        self.title = title; self.subtitle = subtitle; self.unitLabel = unitLabel; self.categories = categories
        self.actuals = actuals; self.actualLabel = actualLabel; self.paths = paths; self.band = band
        self.sourceNote = sourceNote; self.formatValue = formatValue
    }

    /// What cannot be drawn as specified; layout skips those parts and repeats these.
    public var problems: [String] {
        var found: [String] = []
        if categories.isEmpty { found.append("the chart has no categories") }
        if actuals.count != categories.count {
            found.append("\(actuals.count) actual values for \(categories.count) categories; the extra or missing ones are not drawn")
        }
        for path in paths where !fits(path.startIndex, path.values.count) || path.values.contains(where: { !$0.isFinite }) {
            found.append("scenario path \(path.label) runs outside the \(categories.count) categories or has a non-finite value; it is not drawn")
        }
        if let band, !isDrawable(band) {
            found.append("the band \(band.label) runs outside the categories or has lower > upper; it is not drawn")
        }
        return found
    }

    func fits(_ start: Int, _ count: Int) -> Bool {
        start >= 0 && count >= 1 && start + count <= categories.count
    }

    func isDrawable(_ path: Path) -> Bool {
        fits(path.startIndex, path.values.count) && path.values.allSatisfy { $0.isFinite }
    }

    func isDrawable(_ band: Band) -> Bool {
        fits(band.startIndex, band.lower.count) && band.lower.count == band.upper.count
            && zip(band.lower, band.upper).allSatisfy { $0.isFinite && $1.isFinite && $0 <= $1 }
    }
}
