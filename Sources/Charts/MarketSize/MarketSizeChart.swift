// The consulting-report market-size chart: one bar per year, actuals solid, estimates
// lighter and hatched, values above the bars, CAGR bracket-arrows above everything.
// This file is the specification a caller fills in; MarketSizeChartLayout.swift turns it
// into a scene.

import MarketData

public struct MarketSizeChart: Sendable {
    /// An uncertainty interval drawn as a whisker on a bar (typically an estimate).
    public struct Interval: Equatable, Sendable {
        public var lower: Double
        public var upper: Double
        public init(lower: Double, upper: Double) { self.lower = lower; self.upper = upper }
    }

    public struct Bar: Equatable, Sendable {
        /// The category label under the bar, e.g. "2024" or "2025E".
        public var label: String
        public var value: Double
        public var isEstimate: Bool
        public var interval: Interval?
        /// Set for a year with no value (e.g. "未发布", not published): the year keeps its
        /// own slot, so the axis stays true to time, and this mark stands where the value
        /// would be. No bar is drawn and `value` is ignored.
        public var missingMark: String?
        public var isMissing: Bool { missingMark != nil }
        /// Set when the published figure is only a bound: the label says so ("超过9,000",
        /// ">9,000") and the bar is drawn outlined, open upward for a lower bound, so the
        /// reader never takes it for an exact figure.
        public var bound: ObservationBound?
        /// Set for a year carried back by an older vintage's growth (`link: growth`): no
        /// published figure, so it is drawn light with an outline and has its own legend entry.
        public var isLinked: Bool = false
        public init(label: String, value: Double, isEstimate: Bool = false,
                    interval: (lower: Double, upper: Double)? = nil, bound: ObservationBound? = nil) {
            self.label = label; self.value = value; self.isEstimate = isEstimate
            self.interval = interval.map { Interval(lower: $0.lower, upper: $0.upper) }
            self.bound = bound
        }

        /// An empty slot for a year without a value, labelled `label` under the axis and
        /// `mark` above it.
        public static func missing(label: String, mark: String) -> Bar {
            var bar = Bar(label: label, value: .nan)
            bar.missingMark = mark
            return bar
        }
    }

    /// A compound-annual-growth arrow from bar `from` to bar `to` (indices into `bars`).
    public struct CAGRSpan: Equatable, Sendable {
        public var from: Int
        public var to: Int
        public var rate: Double
        /// The text in the pill, e.g. "CAGR 18.0%".
        public var label: String
        /// The words before the rate when the label is they and the rate as a percentage with
        /// one decimal ("CAGR ", "CAGR ≥"); nil for a label in other words. The deck rebuilds
        /// such a label from a workbook cell, so it follows "Edit Data".
        public var prefix: String?
        /// `label` defaults to "CAGR " and the rate as a percentage with one decimal.
        public init(from: Int, to: Int, rate: Double, label: String? = nil) {
            self.from = from; self.to = to; self.rate = rate
            self.label = label ?? "CAGR " + NumberFormat.percent(rate)
            self.prefix = label == nil ? "CAGR " : nil
        }
        /// The label `prefix` and the rate as a percentage with one decimal.
        public init(from: Int, to: Int, rate: Double, prefix: String) {
            self.from = from; self.to = to; self.rate = rate
            self.label = prefix + NumberFormat.percent(rate)
            self.prefix = prefix
        }
    }

    /// Legend texts. Actual and estimate appear only when the chart has both kinds of
    /// bar; `interval` (e.g. "95%置信区间") only when a whisker is drawn.
    public struct LegendLabels: Equatable, Sendable {
        public var actual: String
        public var estimate: String
        public var interval: String?
        public init(actual: String, estimate: String, interval: String? = nil) {
            self.actual = actual; self.estimate = estimate; self.interval = interval
        }
        public static let chinese = LegendLabels(actual: "实际值", estimate: "预测值（E）", interval: "预测区间")
        public static let english = LegendLabels(actual: "Actual", estimate: "Estimate (E)", interval: "Forecast interval")
    }

    /// A reference value beside a bar, e.g. the publisher's own forecast at the time: a
    /// diamond just right of the bar at its value. It is never a bar, so it cannot be read
    /// as this tool's actual or estimate.
    public struct Marker: Equatable, Sendable {
        /// Index into `bars`.
        public var bar: Int
        public var value: Double
        public init(bar: Int, value: Double) { self.bar = bar; self.value = value }
    }

    public var title: String
    public var subtitle: String?
    /// Shown at the top left of the plot, e.g. "单位：亿元".
    public var unitLabel: String
    public var bars: [Bar]
    public var cagrSpans: [CAGRSpan]
    public var legend: LegendLabels
    /// Sources and method; wraps to the page width.
    public var sourceNote: String
    /// Light horizontal gridlines at nice values behind the bars.
    public var showsGridlines: Bool
    public var formatValue: ValueFormatter
    /// The same format as an Excel number format code, for editable exports (data labels
    /// and the embedded workbook); set it with `formatValue`.
    public var numberFormatCode: String = "#,##0"
    /// What a bounded bar's label starts with, per kind of bound: ">" / "<" by default;
    /// Chinese pages say "超过" / "不足".
    public var boundPrefixes: [ObservationBound: String] = [.lower: ">", .upper: "<"]
    /// Legend text for bounded bars (e.g. "下限值：实际值超过所示值"); the entry appears only
    /// when a bar has a bound.
    public var boundLegend: String? = nil
    /// Legend text for linked bars (e.g. "按旧版增速回推"); the entry appears only when a bar is linked.
    public var linkedLegend: String? = nil
    /// Reference markers and their legend text (e.g. "出版方当时的预测"); none by default.
    public var markers: [Marker] = []
    public var markerLegend: String? = nil
    /// How far a whisker may rise, as a multiple of the tallest bar or marker; nil lets the
    /// scale hold every whisker whole. An interval far above every bar (a short series' wide
    /// interval) would otherwise squash the bars into slivers, so above the ceiling the
    /// whisker is cut and ends in an arrow labelled with its true upper end: never cut silently.
    public var whiskerCeiling: Double? = nil
    /// What precedes a cut whisker's upper end in its label, e.g. "上限 " or "upper ".
    public var clippedUpperPrefix: String = "↑"

    public init(title: String, subtitle: String? = nil, unitLabel: String, bars: [Bar],
                cagrSpans: [CAGRSpan] = [], legend: LegendLabels = .chinese, sourceNote: String = "",
                showsGridlines: Bool = false,
                formatValue: @escaping ValueFormatter = ValueFormat.groupedDecimal(decimals: 0)) {
        self.title = title; self.subtitle = subtitle; self.unitLabel = unitLabel; self.bars = bars
        self.cagrSpans = cagrSpans; self.legend = legend; self.sourceNote = sourceNote
        self.showsGridlines = showsGridlines; self.formatValue = formatValue
    }

    /// What is wrong with the specification, in words an analyst can act on; empty when
    /// it can be drawn as intended. `layout` never traps on these: it skips or clamps the
    /// offending part and repeats the problem in `MarketSizeChartLayout.problems`.
    public var problems: [String] {
        var found: [String] = []
        if !bars.contains(where: { !$0.isMissing }) { found.append("the chart has no bars; give at least one year with a value") }
        for (i, bar) in bars.enumerated() where !bar.isMissing {
            if !bar.value.isFinite {
                found.append("bar \(i + 1) (\(bar.label)) has no finite value; it is drawn empty")
            } else if bar.value < 0 {
                found.append("bar \(i + 1) (\(bar.label)) is negative (\(bar.value)); a market size chart starts at zero, so it is drawn empty")
            }
            if let interval = bar.interval,
               !(interval.lower.isFinite && interval.upper.isFinite && interval.lower <= interval.upper) {
                found.append("bar \(i + 1) (\(bar.label)) has an interval [\(interval.lower), \(interval.upper)] that is not lower ≤ upper; it is not drawn")
            }
        }
        for (k, marker) in markers.enumerated() where !isDrawable(marker) {
            found.append("marker \(k + 1) points at bar \(marker.bar + 1) of \(bars.count) with value \(marker.value); it needs an existing bar that has a value, and a finite value ≥ 0, so it is not drawn")
        }
        for (k, span) in cagrSpans.enumerated() where !isDrawable(span) {
            found.append("CAGR span \(k + 1) (\(span.label)) runs from bar \(span.from + 1) to bar \(span.to + 1) of \(bars.count); it needs 1 ≤ from < to ≤ \(bars.count) and is not drawn")
        }
        return found
    }

    /// The value at which whiskers are cut (whiskerCeiling × the tallest bar or marker), nil
    /// when none is: no ceiling, an unusable ceiling (not finite or below 1), or no positive bar.
    public var whiskerClipValue: Double? {
        guard let ceiling = whiskerCeiling, ceiling.isFinite, ceiling >= 1 else { return nil }
        let heights = bars.filter { !$0.isMissing && $0.value.isFinite }.map(\.value)
            + markers.filter(isDrawable).map(\.value)
        guard let tallest = heights.max(), tallest > 0 else { return nil }
        return ceiling * tallest
    }

    /// Whether bar `i`'s drawable interval rises above the clip value, so its whisker is cut.
    public func isWhiskerClipped(_ i: Int) -> Bool {
        guard bars.indices.contains(i), !bars[i].isMissing, let clip = whiskerClipValue,
              let interval = isDrawable(bars[i].interval) else { return false }
        return interval.upper > clip
    }

    /// The label of a cut whisker: its true upper end.
    public func clippedUpperText(_ interval: Interval) -> String {
        clippedUpperPrefix + formatValue(interval.upper)
    }

    /// The text above bar `bar`: its value, after the bound's prefix when it has one.
    public func valueText(_ bar: Bar) -> String {
        if let mark = bar.missingMark { return mark }
        guard bar.value.isFinite else { return "–" }
        let number = formatValue(bar.value)
        guard let bound = bar.bound else { return number }
        return (boundPrefixes[bound] ?? "") + number
    }

    func isDrawable(_ marker: Marker) -> Bool {
        bars.indices.contains(marker.bar) && marker.value.isFinite && marker.value >= 0 && !bars[marker.bar].isMissing
    }

    func isDrawable(_ span: CAGRSpan) -> Bool {
        span.from >= 0 && span.to < bars.count && span.from < span.to
    }

    func isDrawable(_ interval: Interval?) -> Interval? {
        guard let interval, interval.lower.isFinite, interval.upper.isFinite, interval.lower <= interval.upper
        else { return nil }
        return interval
    }
}
