// A ranking as horizontal bars: category labels in a left column sized from the measured
// text, bars from a common zero line, the score just past each bar's end. Used for the
// industry penetration (推进程度) ranking.

public struct HorizontalBarChart: Sendable {
    public struct Item: Equatable, Sendable {
        public var label: String
        public var value: Double
        /// Drawn in the accent colour, e.g. the leaders the text talks about.
        public var isHighlighted: Bool
        public init(label: String, value: Double, isHighlighted: Bool = false) {
            self.label = label; self.value = value; self.isHighlighted = isHighlighted
        }
    }

    public var title: String
    public var subtitle: String?
    public var unitLabel: String
    /// Top to bottom, in the order given (the caller ranks them).
    public var items: [Item]
    public var sourceNote: String
    public var formatValue: ValueFormatter
    /// `formatValue` as a spreadsheet number format, for editable exports.
    public var numberFormatCode: String = "#,##0"
    /// What the highlight colour means (e.g. "排名前二"), shown as a legend entry when an
    /// item is highlighted; a highlight nobody explains is not drawn without one.
    public var highlightLegend: String? = nil

    public init(title: String, subtitle: String? = nil, unitLabel: String, items: [Item], sourceNote: String = "",
                formatValue: @escaping ValueFormatter = ValueFormat.groupedDecimal(decimals: 1)) {
        self.title = title; self.subtitle = subtitle; self.unitLabel = unitLabel; self.items = items
        self.sourceNote = sourceNote; self.formatValue = formatValue
    }

    public var problems: [String] {
        var found: [String] = []
        if items.isEmpty { found.append("the ranking has no items") }
        for (i, item) in items.enumerated() where !(item.value.isFinite && item.value >= 0) {
            found.append("item \(i + 1) (\(item.label)) has value \(item.value); a ranking bar needs a finite value ≥ 0, so it is drawn empty")
        }
        if items.contains(where: \.isHighlighted) && (highlightLegend ?? "").isEmpty {
            found.append("highlighted bars have no legend saying why; set highlightLegend")
        }
        return found
    }
}

public struct HorizontalBarChartLayout: Sendable {
    public struct Row: Equatable, Sendable {
        public var bar: Rect
        public var label: Rect
        public var scoreLabel: Rect
    }
    public var scene: Scene
    public var blocks: PageBlocks
    public var plotArea: Rect
    /// The zero line's x.
    public var zeroX: Double
    public var pointsPerUnit: Double
    public var rows: [Row]
    public var labelFont: FontSpec
    public var problems: [String]
    /// The bars as a native bar chart (HorizontalBarChartNative.swift).
    public var native: NativeContent? = nil
}

extension HorizontalBarChart {
    /// The highlight's meaning, and then the plain bars', when some bar is highlighted.
    func legend(_ palette: Theme.Palette) -> [LegendEntry] {
        guard let text = highlightLegend, !text.isEmpty, items.contains(where: \.isHighlighted) else { return [] }
        return [LegendEntry(swatch: .box(.solid(palette.accent)), text: text)]
    }

    public func layout(theme: Theme = .standard, measurer: TextMeasuring) -> HorizontalBarChartLayout {
        var problems = self.problems
        var scene = Scene(size: theme.pageSize, background: theme.palette.background)
        let palette = theme.palette
        let gap = theme.spacing.labelGap
        let blocks = PageBlockLayout.layout(
            PageBlockContent(title: title, subtitle: subtitle, unit: unitLabel, legend: legend(palette), note: sourceNote),
            theme: theme, measurer: measurer, scene: &scene, problems: &problems)
        let body = blocks.body
        let count = max(items.count, 1)
        let rowHeight = body.height / Double(count)

        // Category column: at most a third of the width; shrink the type until every label
        // fits its row, wrapping inside the column when a label is longer than it.
        let columnLimit = body.width / 3
        let labelFit = LargestFittingSize(from: theme.fontSizes.axis, floor: theme.fontSizes.minimumValueLabel,
                                          measure: { size in
            items.map { measurer.measure($0.label, font: theme.font(size), maxWidth: columnLimit) }
        }, fits: { $0.allSatisfy { $0.height <= rowHeight - 2 } })
        if !labelFit.fits { problems.append("category labels are taller than their rows even at \(labelFit.size) pt; use fewer items or shorter labels") }
        let labelFont = theme.font(labelFit.size)
        let labelSizes = labelFit.measured
        let scoreFont = theme.font(min(theme.fontSizes.valueLabel, labelFont.size + 1), weight: .bold)
        let scores = items.map { $0.value.isFinite ? formatValue($0.value) : "–" }
        let scoreSizes = scores.map { measurer.measure($0, font: scoreFont, maxWidth: nil) }

        let columnWidth = labelSizes.map(\.width).max() ?? 0
        let zeroX = body.minX + columnWidth + 2 * gap
        let widestScore = scoreSizes.map(\.width).max() ?? 0
        let barRoom = body.maxX - zeroX - gap - widestScore
        let maxValue = items.map { $0.value.isFinite ? max($0.value, 0) : 0 }.max() ?? 0
        var scale = maxValue > 0 ? barRoom / maxValue : 0
        if barRoom <= 0 {
            problems.append("no room for bars beside the labels; shorten the labels")
            scale = 0
        }
        let thickness = min(rowHeight * 0.62, 26)
        let plot = Rect(x: zeroX, y: body.minY, width: max(0, body.maxX - zeroX), height: body.height)

        var rows: [HorizontalBarChartLayout.Row] = []
        for (i, item) in items.enumerated() {
            let centerY = body.minY + rowHeight * (Double(i) + 0.5)
            let value = item.value.isFinite ? max(item.value, 0) : 0
            let bar = Rect(x: zeroX, y: centerY - thickness / 2, width: value * scale, height: thickness)
            scene.add(.rect(bar, fill: .solid(item.isHighlighted ? palette.accent : palette.actual), stroke: nil,
                            cornerRadius: 0), role: "bar")
            // A label that needed wrapping gets the whole column, so the renderer breaks
            // its lines where the measurer did.
            let wraps = measurer.measure(item.label, font: labelFont, maxWidth: nil).width > columnLimit
            let labelSize = labelSizes[i]
            let labelWidth = wraps ? columnWidth : labelSize.width
            let label = Rect(x: zeroX - 2 * gap - labelWidth, y: centerY - labelSize.height / 2,
                             width: labelWidth, height: labelSize.height)
            scene.add(.text(TextBox(text: item.label, frame: label, font: labelFont, color: palette.text,
                                    alignment: .right, wraps: wraps)), role: "category-label")
            let scoreSize = scoreSizes[i]
            let score = Rect(x: bar.maxX + gap, y: centerY - scoreSize.height / 2,
                             width: scoreSize.width, height: scoreSize.height)
            scene.add(.text(TextBox(text: scores[i], frame: score, font: scoreFont,
                                    color: item.isHighlighted ? palette.accent : palette.text)), role: "score-label")
            rows.append(.init(bar: bar, label: label, scoreLabel: score))
        }
        if !items.isEmpty {
            scene.add(.path([.move(Point(zeroX, body.minY)), .line(Point(zeroX, body.maxY))], fill: nil,
                            stroke: Stroke(color: palette.baseline, width: theme.lineWidths.baseline)), role: "baseline")
        }
        var layout = HorizontalBarChartLayout(scene: scene, blocks: blocks, plotArea: plot, zeroX: zeroX,
                                              pointsPerUnit: scale, rows: rows, labelFont: labelFont, problems: problems)
        layout.native = nativeChart(for: layout, scoreFont: scoreFont, theme: theme).map(NativeContent.chart)
        return layout
    }
}
