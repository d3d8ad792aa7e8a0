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
        let palette = theme.palette
        let gap = theme.spacing.labelGap
        let colors = palette.series.isEmpty ? [palette.actual] : palette.series
        func color(_ i: Int) -> Color { colors[i % colors.count] }
        let drawablePaths = paths.enumerated().filter { isDrawable($0.element) }
        let drawableBand = band.flatMap { isDrawable($0) ? $0 : nil }

        let actualFill = Fill.solid(palette.actual)
        let bandColor = color(0).withAlpha(0.14)
        var legend: [LegendEntry] = []
        // The entries that are no series of the native chart, which draws them as keys.
        var legendKeys: [NativeChart.LegendKey] = []
        if actuals.contains(where: { $0 != nil }) { legend.append(LegendEntry(swatch: .box(actualFill), text: actualLabel)) }
        let linkedFill = Fill.solid(palette.estimate), linkedStroke = Stroke(color: palette.actual, width: 1.2)
        if let linkedLegend, !linkedLegend.isEmpty, actuals.indices.contains(where: { linkedActuals.contains($0) && actuals[$0] != nil }) {
            legend.append(LegendEntry(swatch: .box(linkedFill), text: linkedLegend))
            legendKeys.append(.init(name: linkedLegend, swatch: .box(fill: palette.estimate, outline: linkedStroke)))
        }
        for (i, path) in drawablePaths {
            legend.append(LegendEntry(swatch: .line(lineStroke(color(i), theme)), text: path.label))
        }
        if let drawableBand { legend.append(LegendEntry(swatch: .box(.solid(bandColor)), text: drawableBand.label)) }
        let boundExtensionStroke = Stroke(color: palette.text, width: 1.2, dash: [3, 2])
        let hasBounds = actuals.indices.contains { lowerBoundActuals.contains($0) && actuals[$0] != nil }
        if hasBounds, let boundLegend, !boundLegend.isEmpty {
            legend.append(LegendEntry(swatch: .line(boundExtensionStroke), text: boundLegend))
            legendKeys.append(.init(name: boundLegend, swatch: .line(boundExtensionStroke)))
        }
        let blocks = PageBlockLayout.layout(
            PageBlockContent(title: title, subtitle: subtitle, unit: unitLabel, legend: legend, note: sourceNote),
            theme: theme, measurer: measurer, scene: &scene, problems: &problems)
        let body = blocks.body

        // Vertical scale over everything drawn.
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

        // End labels: "label value", measured before the gutter is sized.
        let endFont = theme.font(theme.fontSizes.valueLabel, weight: .bold)
        let endTexts = drawablePaths.map { "\($0.element.label) \(formatValue($0.element.values.last ?? 0))" }
        let endSizes = endTexts.map { measurer.measure($0, font: endFont, maxWidth: nil) }
        let markerRadius = 3.5
        let rightGutter = (endSizes.map(\.width).max() ?? 0) + markerRadius + 3 * gap
        let leftGutter = axis.gutterWidth(gap: gap)
        let categoryFont = theme.font(theme.fontSizes.axis)
        let categoryHeight = measurer.lineHeight(categoryFont)
        let plot = Rect(x: body.minX + leftGutter, y: body.minY + axis.overhang,
                        width: max(0, body.width - leftGutter - rightGutter),
                        height: max(0, body.height - axis.overhang - categoryHeight - gap))
        if plot.width < 100 || plot.height < 60 { problems.append("the plot is only \(PointsText.whole(plot.width, .towardZero))×\(PointsText.whole(plot.height, .towardZero)) pt; shorten the labels or the note") }

        let count = categories.count
        let slot = count > 0 ? plot.width / Double(count) : plot.width
        let barWidth = slot * theme.spacing.barFraction
        func centerX(_ i: Int) -> Double { plot.minX + slot * (Double(i) + 0.5) }
        func y(_ value: Double) -> Double { axis.y(value, in: plot) }

        _ = axis.draw(in: plot, gap: gap, theme: theme, into: &scene)

        // Band under everything else.
        var bandBounds: Rect?
        if let band = drawableBand {
            let xs = (0..<band.lower.count).map { centerX(band.startIndex + $0) }
            var elements: [PathElement] = [.move(Point(xs[0], y(band.upper[0])))]
            for k in 1..<max(xs.count, 1) where k < xs.count { elements.append(.line(Point(xs[k], y(band.upper[k])))) }
            for k in stride(from: xs.count - 1, through: 0, by: -1) { elements.append(.line(Point(xs[k], y(band.lower[k])))) }
            elements.append(.close)
            scene.add(.path(elements, fill: .solid(bandColor), stroke: nil), role: "band")
            let minY = band.upper.map(y).min() ?? plot.maxY, maxY = band.lower.map(y).max() ?? plot.maxY
            bandBounds = Rect(x: xs.first ?? 0, y: minY, width: (xs.last ?? 0) - (xs.first ?? 0), height: maxY - minY)
        }

        // Bars for actuals.
        var bars: [Rect] = []
        for (i, value) in actuals.prefix(count).enumerated() {
            guard let value, value.isFinite, value > 0 else { continue }
            let rect = Rect(x: centerX(i) - barWidth / 2, y: y(value), width: barWidth, height: plot.maxY - y(value))
            if linkedActuals.contains(i) {
                scene.add(.rect(rect, fill: linkedFill, stroke: linkedStroke, cornerRadius: 0), role: "bar-linked")
            } else {
                scene.add(.rect(rect, fill: actualFill, stroke: nil, cornerRadius: 0), role: "bar")
            }
            bars.append(rect)
            if lowerBoundActuals.contains(i) {
                // A published lower bound: the same marks as exhibit 1.
                LowerBoundMarks.draw(over: rect, upTo: max(plot.minY, rect.minY - 16), extensionStroke: boundExtensionStroke,
                                     chevronColor: palette.text, into: &scene)
            }
        }
        scene.add(.path([.move(Point(plot.minX, plot.maxY)), .line(Point(plot.maxX, plot.maxY))], fill: nil,
                        stroke: Stroke(color: palette.baseline, width: theme.lineWidths.baseline)), role: "baseline")

        // Category labels under the baseline.
        var categoryFrames: [Rect] = []
        for (i, label) in categories.enumerated() {
            let frame = measurer.frame(label, font: categoryFont, at: Point(0, plot.maxY + gap))
            let placed = Rect(x: centerX(i) - frame.width / 2, y: frame.y, width: frame.width, height: frame.height)
            scene.add(.text(TextBox(text: label, frame: placed, font: categoryFont, color: palette.text, alignment: .center)),
                      role: "category-label")
            categoryFrames.append(placed)
        }

        // Lines with markers.
        var geometries: [(points: [Point], color: Color)] = []
        for (i, path) in drawablePaths {
            let points = path.values.enumerated().map { Point(centerX(path.startIndex + $0.offset), y($0.element)) }
            let stroke = lineStroke(color(i), theme)
            var elements: [PathElement] = [.move(points[0])]
            for point in points.dropFirst() { elements.append(.line(point)) }
            scene.add(.path(elements, fill: nil, stroke: stroke), role: "scenario-line")
            // Markers on the forecast points (the first point is the actual bar's top).
            for point in points.dropFirst(points.count > 1 ? 1 : 0) {
                scene.add(.path(circle(point, radius: markerRadius), fill: .solid(.white),
                                stroke: Stroke(color: color(i), width: 1.6)), role: "scenario-marker")
            }
            geometries.append((points, color(i)))
        }

        // End labels: desired centre at the end point, pushed apart in value order.
        let endX = (geometries.map { $0.points.last?.x ?? plot.maxX }.max() ?? plot.maxX) + markerRadius + 2 * gap
        let desired = geometries.map { $0.points.last?.y ?? plot.midY }
        let heights = endSizes.map(\.height)
        let placedCenters = zip(LineEndLabels.spread(desired: desired, heights: heights, bounds: body.minY...plot.maxY,
                                                     separation: 2), heights).map { $0 + $1 / 2 }
        var results: [ScenarioChartLayout.PathGeometry] = []
        for (k, geometry) in geometries.enumerated() {
            let size = endSizes[k]
            let frame = Rect(x: endX, y: placedCenters[k] - size.height / 2, width: size.width, height: size.height)
            if let end = geometry.points.last, abs(frame.midY - end.y) > 1 {
                scene.add(.path([.move(Point(end.x + markerRadius + 1, end.y)), .line(Point(endX - 2, frame.midY))],
                                fill: nil, stroke: Stroke(color: geometry.color, width: 0.8)), role: "label-leader")
            }
            scene.add(.text(TextBox(text: endTexts[k], frame: frame, font: endFont, color: geometry.color)),
                      role: "end-label")
            results.append(.init(points: geometry.points, endLabel: frame, color: geometry.color))
        }
        if let maxX = results.map(\.endLabel.maxX).max(), maxX > theme.contentArea.maxX + 0.5 {
            problems.append("end labels run past the right margin; shorten the scenario labels")
        }
        var layout = ScenarioChartLayout(scene: scene, blocks: blocks, plotArea: plot, bars: bars,
                                         categoryLabels: categoryFrames, paths: results, bandBounds: bandBounds,
                                         problems: problems)
        layout.native = nativeChart(plot: plot, scale: axis.scale, barWidth: barWidth, axisFont: axisFont,
                                    bandColor: bandColor, colors: colors, legendKeys: legendKeys, theme: theme)
            .map(NativeContent.chart)
        return layout
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
