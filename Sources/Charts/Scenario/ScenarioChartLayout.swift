// Lays out a ScenarioChart: PageBlocks for title, unit, legend and note; a value axis on
// the left; a gutter on the right as wide as the widest end label; bars, band and lines
// in between. End labels start at their path's last value and are pushed apart vertically
// (keeping their order) when they would touch, then kept inside the plot (LineEndLabels).
import MarketData

public struct ScenarioChartLayout: Sendable {
    public struct PathGeometry: Equatable, Sendable {
        public var points: [Point]
        public var endLabel: Rect
        public var color: Color
    }

    public var scene: Scene
    public var blocks: PageBlocks
    public var plotArea: Rect
    public var bars: [Rect]
    public var categoryLabels: [Rect]
    /// Drawable paths, in the specification's order (undrawable ones are absent).
    public var paths: [PathGeometry]
    public var bandBounds: Rect?
    public var problems: [String]
    /// Bars, paths and band as one native chart (ScenarioChartNative.swift).
    public var native: NativeContent? = nil
}

extension ScenarioChart {
    public func layout(theme: Theme = .standard, measurer: TextMeasuring) -> ScenarioChartLayout {
        var problems = self.problems
        var scene = Scene(size: theme.pageSize, background: theme.palette.background)
        let style = ScenarioStyle(theme: theme)
        let legend = legendEntries(style: style, theme: theme)
        let blocks = PageBlockLayout.layout(
            PageBlockContent(title: title, subtitle: subtitle, unit: unitLabel,
                             legend: legend.entries, note: sourceNote),
            theme: theme, measurer: measurer, scene: &scene, problems: &problems)
        let frame = planPlot(in: blocks.body, theme: theme, measurer: measurer, problems: &problems)
        _ = frame.axis.draw(in: frame.plot, gap: theme.spacing.labelGap, theme: theme, into: &scene)
        let bandBounds = addBand(frame, style: style, to: &scene)
        let bars = addBars(frame, style: style, theme: theme, to: &scene)
        let categoryFrames = addCategoryLabels(frame, theme: theme, measurer: measurer, to: &scene)
        let lines = addLines(frame, style: style, theme: theme, to: &scene)
        let results = addEndLabels(lines, frame: frame, body: blocks.body, theme: theme, to: &scene)
        if let maxX = results.map(\.endLabel.maxX).max(), maxX > theme.contentArea.maxX + 0.5 {
            problems.append("end labels run past the right margin; shorten the scenario labels")
        }
        var layout = ScenarioChartLayout(scene: scene, blocks: blocks, plotArea: frame.plot, bars: bars,
                                         categoryLabels: categoryFrames, paths: results, bandBounds: bandBounds,
                                         problems: problems)
        layout.native = nativeChart(plot: frame.plot, scale: frame.axis.scale, barWidth: frame.barWidth,
                                    axisFont: frame.axisFont, bandColor: style.bandColor, colors: style.colors,
                                    legendKeys: legend.nativeKeys, theme: theme).map(NativeContent.chart)
        return layout
    }

    /// How actuals, paths and the band are drawn, shared by the marks and their legend.
    private struct ScenarioStyle {
        var colors: [Color]
        var actualFill: Fill
        var bandColor: Color
        var linkedFill: Fill
        var linkedColor: Color
        var linkedStroke: Stroke
        var boundExtensionStroke: Stroke

        init(theme: Theme) {
            let palette = theme.palette
            colors = palette.series.isEmpty ? [palette.actual] : palette.series
            actualFill = .solid(palette.actual)
            bandColor = colors[0].withAlpha(0.14)
            linkedColor = palette.estimate
            linkedFill = .solid(palette.estimate)
            linkedStroke = Stroke(color: palette.actual, width: 1.2)
            boundExtensionStroke = Stroke(color: palette.text, width: 1.2, dash: [3, 2])
        }

        /// Path `i`'s colour: the series colours in turn.
        func color(_ i: Int) -> Color { colors[i % colors.count] }
    }

    private var drawablePaths: [(offset: Int, element: Path)] { paths.enumerated().filter { isDrawable($0.element) } }
    private var drawableBand: Band? { band.flatMap { isDrawable($0) ? $0 : nil } }

    /// Actuals, linked years, each drawable path, the band and lower bounds, each when drawn.
    private func legendEntries(style: ScenarioStyle, theme: Theme) -> (entries: [LegendEntry], nativeKeys: [NativeChart.LegendKey]) {
        var legend: [LegendEntry] = []
        // The entries that are no series of the native chart, which draws them as keys.
        var legendKeys: [NativeChart.LegendKey] = []
        if actuals.contains(where: { $0 != nil }) { legend.append(LegendEntry(swatch: .box(style.actualFill), text: actualLabel)) }
        if let linkedLegend, !linkedLegend.isEmpty, actuals.indices.contains(where: { linkedActuals.contains($0) && actuals[$0] != nil }) {
            legend.append(LegendEntry(swatch: .box(style.linkedFill), text: linkedLegend))
            legendKeys.append(.init(name: linkedLegend, swatch: .box(fill: style.linkedColor, outline: style.linkedStroke)))
        }
        for (i, path) in drawablePaths {
            legend.append(LegendEntry(swatch: .line(lineStroke(style.color(i), theme)), text: path.label))
        }
        if let drawableBand { legend.append(LegendEntry(swatch: .box(.solid(style.bandColor)), text: drawableBand.label)) }
        let hasBounds = actuals.indices.contains { lowerBoundActuals.contains($0) && actuals[$0] != nil }
        if hasBounds, let boundLegend, !boundLegend.isEmpty {
            legend.append(LegendEntry(swatch: .line(style.boundExtensionStroke), text: boundLegend))
            legendKeys.append(.init(name: boundLegend, swatch: .line(style.boundExtensionStroke)))
        }
        return (legend, legendKeys)
    }

    /// The value axis, the plot between its gutter and the end labels' gutter, and the
    /// category slots across the plot.
    private struct PlotFrame {
        var axis: ValueAxis
        var axisFont: FontSpec
        var plot: Rect
        var slot: Double
        var barWidth: Double
        var categoryFont: FontSpec
        var endFont: FontSpec
        /// "label value" per drawable path, and its measured size.
        var endTexts: [String]
        var endSizes: [Size]
        static let markerRadius = 3.5
        var markerRadius: Double { Self.markerRadius }

        func centerX(_ i: Int) -> Double { plot.minX + slot * (Double(i) + 0.5) }
        func y(_ value: Double) -> Double { axis.y(value, in: plot) }
    }

    /// Vertical scale over everything drawn; end labels measured before the right gutter
    /// is sized.
    private func planPlot(in body: Rect, theme: Theme, measurer: TextMeasuring, problems: inout [String]) -> PlotFrame {
        let gap = theme.spacing.labelGap
        let drawablePaths = self.drawablePaths
        var top = 0.0
        for case let value? in actuals where value.isFinite { top = max(top, value) }
        for (_, path) in drawablePaths { top = max(top, path.values.max() ?? 0) }
        if let drawableBand { top = max(top, drawableBand.upper.max() ?? 0) }
        let axisFont = theme.font(theme.fontSizes.axis)
        // Tick labels carry the decimals their nice step needs (250, not 250.0), whatever
        // the decimals of the value labels.
        let tickDecimals = NumberFormat.commonDecimals(for: NiceScale(minimum: 0, maximum: top > 0 ? top : 1).ticks,
                                                       maximum: 3)
        let axis = ValueAxis(minimum: 0, maximum: top > 0 ? top : 1, formatter: formatAxis ?? ValueFormat.groupedDecimal(decimals: tickDecimals),
                             font: axisFont, measurer: measurer)
        let endFont = theme.font(theme.fontSizes.valueLabel, weight: .bold)
        let endTexts = drawablePaths.map { "\($0.element.label) \(formatValue($0.element.values.last ?? 0))" }
        let endSizes = endTexts.map { measurer.measure($0, font: endFont, maxWidth: nil) }
        let rightGutter = (endSizes.map(\.width).max() ?? 0) + PlotFrame.markerRadius + 3 * gap
        let leftGutter = axis.gutterWidth(gap: gap)
        let categoryFont = theme.font(theme.fontSizes.axis)
        let categoryHeight = measurer.lineHeight(categoryFont)
        let plot = Rect(x: body.minX + leftGutter, y: body.minY + axis.overhang,
                        width: max(0, body.width - leftGutter - rightGutter),
                        height: max(0, body.height - axis.overhang - categoryHeight - gap))
        if plot.width < 100 || plot.height < 60 { problems.append("the plot is only \(PointsText.whole(plot.width, .towardZero))×\(PointsText.whole(plot.height, .towardZero)) pt; shorten the labels or the note") }
        let count = categories.count
        let slot = count > 0 ? plot.width / Double(count) : plot.width
        return PlotFrame(axis: axis, axisFont: axisFont, plot: plot, slot: slot,
                         barWidth: slot * theme.spacing.barFraction, categoryFont: categoryFont, endFont: endFont,
                         endTexts: endTexts, endSizes: endSizes)
    }

    /// The band, under everything else; gives its bounds.
    private func addBand(_ frame: PlotFrame, style: ScenarioStyle, to scene: inout Scene) -> Rect? {
        guard let band = drawableBand else { return nil }
        let y = frame.y
        let xs = (0..<band.lower.count).map { frame.centerX(band.startIndex + $0) }
        var elements: [PathElement] = [.move(Point(xs[0], y(band.upper[0])))]
        for k in 1..<max(xs.count, 1) where k < xs.count { elements.append(.line(Point(xs[k], y(band.upper[k])))) }
        for k in stride(from: xs.count - 1, through: 0, by: -1) { elements.append(.line(Point(xs[k], y(band.lower[k])))) }
        elements.append(.close)
        scene.add(.path(elements, fill: .solid(style.bandColor), stroke: nil), role: "band")
        let minY = band.upper.map(y).min() ?? frame.plot.maxY, maxY = band.lower.map(y).max() ?? frame.plot.maxY
        return Rect(x: xs.first ?? 0, y: minY, width: (xs.last ?? 0) - (xs.first ?? 0), height: maxY - minY)
    }

    /// Bars for actuals (linked years outlined, lower bounds marked as in exhibit 1), then
    /// the baseline.
    private func addBars(_ frame: PlotFrame, style: ScenarioStyle, theme: Theme, to scene: inout Scene) -> [Rect] {
        let plot = frame.plot
        var bars: [Rect] = []
        for (i, value) in actuals.prefix(categories.count).enumerated() {
            guard let value, value.isFinite, value > 0 else { continue }
            let rect = Rect(x: frame.centerX(i) - frame.barWidth / 2, y: frame.y(value), width: frame.barWidth,
                            height: plot.maxY - frame.y(value))
            if linkedActuals.contains(i) {
                scene.add(.rect(rect, fill: style.linkedFill, stroke: style.linkedStroke, cornerRadius: 0), role: "bar-linked")
            } else {
                scene.add(.rect(rect, fill: style.actualFill, stroke: nil, cornerRadius: 0), role: "bar")
            }
            bars.append(rect)
            if lowerBoundActuals.contains(i) {
                LowerBoundMarks.draw(over: rect, upTo: max(plot.minY, rect.minY - 16),
                                     extensionStroke: style.boundExtensionStroke, chevronColor: theme.palette.text,
                                     into: &scene)
            }
        }
        scene.add(.path([.move(Point(plot.minX, plot.maxY)), .line(Point(plot.maxX, plot.maxY))], fill: nil,
                        stroke: Stroke(color: theme.palette.baseline, width: theme.lineWidths.baseline)), role: "baseline")
        return bars
    }

    /// Category labels under the baseline, centred on their slots.
    private func addCategoryLabels(_ frame: PlotFrame, theme: Theme, measurer: TextMeasuring,
                                   to scene: inout Scene) -> [Rect] {
        var categoryFrames: [Rect] = []
        for (i, label) in categories.enumerated() {
            let measured = measurer.frame(label, font: frame.categoryFont,
                                          at: Point(0, frame.plot.maxY + theme.spacing.labelGap))
            let placed = Rect(x: frame.centerX(i) - measured.width / 2, y: measured.y, width: measured.width,
                              height: measured.height)
            scene.add(.text(TextBox(text: label, frame: placed, font: frame.categoryFont, color: theme.palette.text,
                                    alignment: .center)), role: "category-label")
            categoryFrames.append(placed)
        }
        return categoryFrames
    }

    /// Lines with markers on the forecast points (the first point is the actual bar's
    /// top); gives each drawable path's points and colour.
    private func addLines(_ frame: PlotFrame, style: ScenarioStyle, theme: Theme,
                          to scene: inout Scene) -> [(points: [Point], color: Color)] {
        var geometries: [(points: [Point], color: Color)] = []
        for (i, path) in drawablePaths {
            let points = path.values.enumerated().map { Point(frame.centerX(path.startIndex + $0.offset), frame.y($0.element)) }
            let stroke = lineStroke(style.color(i), theme)
            var elements: [PathElement] = [.move(points[0])]
            for point in points.dropFirst() { elements.append(.line(point)) }
            scene.add(.path(elements, fill: nil, stroke: stroke), role: "scenario-line")
            for point in points.dropFirst(points.count > 1 ? 1 : 0) {
                scene.add(.path(circle(point, radius: frame.markerRadius), fill: .solid(.white),
                                stroke: Stroke(color: style.color(i), width: 1.6)), role: "scenario-marker")
            }
            geometries.append((points, style.color(i)))
        }
        return geometries
    }

    /// End labels: desired centre at the end point, pushed apart in value order, with a
    /// leader when a label had to move.
    private func addEndLabels(_ lines: [(points: [Point], color: Color)], frame: PlotFrame, body: Rect, theme: Theme,
                              to scene: inout Scene) -> [ScenarioChartLayout.PathGeometry] {
        let plot = frame.plot, markerRadius = frame.markerRadius
        let endX = (lines.map { $0.points.last?.x ?? plot.maxX }.max() ?? plot.maxX) + markerRadius
            + 2 * theme.spacing.labelGap
        let desired = lines.map { $0.points.last?.y ?? plot.midY }
        let heights = frame.endSizes.map(\.height)
        let placedCenters = zip(LineEndLabels.spread(desired: desired, heights: heights, bounds: body.minY...plot.maxY,
                                                     separation: 2), heights).map { $0 + $1 / 2 }
        var results: [ScenarioChartLayout.PathGeometry] = []
        for (k, line) in lines.enumerated() {
            let size = frame.endSizes[k]
            let label = Rect(x: endX, y: placedCenters[k] - size.height / 2, width: size.width, height: size.height)
            if let end = line.points.last, abs(label.midY - end.y) > 1 {
                scene.add(.path([.move(Point(end.x + markerRadius + 1, end.y)), .line(Point(endX - 2, label.midY))],
                                fill: nil, stroke: Stroke(color: line.color, width: 0.8)), role: "label-leader")
            }
            scene.add(.text(TextBox(text: frame.endTexts[k], frame: label, font: frame.endFont, color: line.color)),
                      role: "end-label")
            results.append(.init(points: line.points, endLabel: label, color: line.color))
        }
        return results
    }

    private func lineStroke(_ color: Color, _ theme: Theme) -> Stroke {
        Stroke(color: color, width: theme.lineWidths.series, dash: [6, 3])
    }

    private func circle(_ c: Point, radius r: Double) -> [PathElement] {
        let k = 0.5523 * r  // cubic Bézier approximation of a quarter circle
        return [.move(Point(c.x + r, c.y)),
                .curve(Point(c.x + r, c.y + k), Point(c.x + k, c.y + r), Point(c.x, c.y + r)),
                .curve(Point(c.x - k, c.y + r), Point(c.x - r, c.y + k), Point(c.x - r, c.y)),
                .curve(Point(c.x - r, c.y - k), Point(c.x - k, c.y - r), Point(c.x, c.y - r)),
                .curve(Point(c.x + k, c.y - r), Point(c.x + r, c.y - k), Point(c.x + r, c.y)), .close]
    }
}
