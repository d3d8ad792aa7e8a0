// Turns a MarketSizeChart into a scene. Space is computed from measured text, top down
// and bottom up: title, header and note first (PageBlocks), then the year-label row and
// the baseline, then the CAGR arrow band at the top of the plot, and the bar scale is
// whatever keeps every bar, whisker and value label below that band.

/// The scene plus the geometry tests and callers check.
public struct MarketSizeChartLayout: Sendable {
    /// The least height a positive bar is drawn with, in points: visible at slide size.
    public static let minimumBarHeight = 3.0
    public struct BarGeometry: Equatable, Sendable {
        public var rect: Rect
        public var isEstimate: Bool
        public var valueLabel: Rect
        public var yearLabel: Rect
        /// The whisker's bounding box (caps included), when an interval is drawn.
        public var interval: Rect?
        /// A year without a value: `rect` is empty (zero height on the baseline), nothing is
        /// filled, and `valueLabel` frames the missing mark.
        public var isMissing: Bool = false
        /// A lower bound's dashed open extension above the bar (the value goes on up), when drawn.
        public var boundExtension: Rect? = nil
        /// A whisker cut at the clip value: the label with its true upper end, above the arrow.
        public var clippedUpperLabel: Rect? = nil
    }

    public struct ArrowGeometry: Equatable, Sendable {
        /// Index into the chart's `cagrSpans`.
        public var spanIndex: Int
        /// Bottom of the start leg, over the span's first bar.
        public var start: Point
        /// Tip of the arrowhead, over the span's last bar.
        public var end: Point
        /// Height of the horizontal line.
        public var lineY: Double
        /// The rounded pill holding the label, centred on the line.
        public var label: Rect
        /// 0 is the tier nearest the bars.
        public var tier: Int
        /// Everything the arrow draws (legs, line, head, pill).
        public var bounds: Rect
    }

    public var scene: Scene
    public var blocks: PageBlocks
    /// Where bars grow: from the top of the arrow band down to the baseline, full width.
    public var plotArea: Rect
    public var baselineY: Double
    /// Scale: points of bar height per unit of value.
    public var pointsPerUnit: Double
    public var bars: [BarGeometry]
    public var arrows: [ArrowGeometry]
    public var valueLabelFont: FontSpec
    public var valueLabelsStaggered: Bool
    public var yearLabelFont: FontSpec
    /// Each drawn reference marker's bounding box, in `markers` order (undrawable ones skipped).
    public var markers: [Rect] = []
    /// Layout and specification problems (see `MarketSizeChart.problems`); empty when
    /// everything was drawn as specified.
    public var problems: [String]
    /// The bars as a native column chart pinned to this geometry (MarketSizeChartNative.swift).
    public var native: NativeContent? = nil
}

extension MarketSizeChart {
    public func layout(theme: Theme = .standard, measurer: TextMeasuring) -> MarketSizeChartLayout {
        var problems = self.problems
        var scene = Scene(size: theme.pageSize, background: theme.palette.background)
        let palette = theme.palette
        let spacing = theme.spacing
        let gap = spacing.labelGap

        let hasActual = bars.contains { !$0.isEstimate && !$0.isMissing }
        let hasEstimate = bars.contains { $0.isEstimate && !$0.isMissing }
        let actualFill = Fill.solid(palette.actual)
        let estimateFill = Fill.hatched(color: palette.estimateHatch, background: palette.estimate,
                                        spacing: theme.lineWidths.hatchSpacing, lineWidth: theme.lineWidths.hatch)
        var legendEntries: [LegendEntry] = []
        if hasActual && hasEstimate {
            legendEntries += [LegendEntry(swatch: .box(actualFill), text: legend.actual),
                              LegendEntry(swatch: .box(estimateFill), text: legend.estimate)]
        }
        let intervalStroke = Stroke(color: palette.interval, width: theme.lineWidths.interval)
        if let intervalText = legend.interval, !intervalText.isEmpty,
           bars.contains(where: { isDrawable($0.interval) != nil }) {
            legendEntries.append(LegendEntry(swatch: .whisker(intervalStroke), text: intervalText))
        }
        // A bounded figure is a published actual, so it keeps the actual fill (the legend's
        // swatch stays true); what marks it as inexact is its outline and, for a lower
        // bound, the dashed sides that run on above it.
        let boundFill = actualFill
        let boundStroke = Stroke(color: palette.text, width: 1.2)
        let boundExtensionStroke = Stroke(color: palette.text, width: 1.2, dash: [3, 2])
        if let boundText = boundLegend, !boundText.isEmpty, bars.contains(where: { $0.bound != nil && !$0.isMissing }) {
            legendEntries.append(LegendEntry(swatch: .line(boundExtensionStroke), text: boundText))
        }
        // A linked year is no published figure: the actual colour only as an outline.
        let linkedFill = Fill.solid(palette.estimate)
        let linkedStroke = Stroke(color: palette.actual, width: 1.2)
        if let linkedText = linkedLegend, !linkedText.isEmpty, bars.contains(where: { $0.isLinked && !$0.isMissing }) {
            legendEntries.append(LegendEntry(swatch: .box(linkedFill), text: linkedText))
        }
        let drawnMarkers = markers.filter(isDrawable)
        if let markerText = markerLegend, !markerText.isEmpty, !drawnMarkers.isEmpty {
            legendEntries.append(LegendEntry(swatch: .diamond(palette.accent), text: markerText))
        }
        let blocks = PageBlockLayout.layout(
            PageBlockContent(title: title, subtitle: subtitle, unit: unitLabel, legend: legendEntries, note: sourceNote),
            theme: theme, measurer: measurer, scene: &scene, problems: &problems)
        let body = blocks.body
        let xBounds = body.minX...body.maxX

        // Horizontal: one equal slot per bar, a missing year included, so equal steps on
        // the axis are equal steps in time.
        let count = bars.count
        let slot = count > 0 ? body.width / Double(count) : body.width
        let barWidth = slot * spacing.barFraction
        let centers = (0..<count).map { body.minX + slot * (Double($0) + 0.5) }

        // Labels in rows: year labels under the baseline, values above the bars.
        let yearFit = RowLabelFitting.fit(bars.map(\.label), centers: centers, bounds: xBounds,
                                          font: theme.font(theme.fontSizes.axis),
                                          minimumSize: theme.fontSizes.minimumValueLabel, theme: theme, measurer: measurer)
        let valueTexts = bars.map(valueText)
        let valueFit = RowLabelFitting.fit(valueTexts, centers: centers, bounds: xBounds,
                                           font: theme.font(theme.fontSizes.valueLabel),
                                           minimumSize: theme.fontSizes.minimumValueLabel, theme: theme, measurer: measurer)
        if !yearFit.fits { problems.append("year labels do not fit under \(count) bars even staggered at \(yearFit.font.size) pt") }
        // A missing year's mark is smaller than a value, and grey: it is not a number to read.
        let missingFont = theme.font(max(theme.fontSizes.minimumValueLabel, valueFit.font.size * 0.8))
        if !valueFit.fits { problems.append("value labels do not fit over \(count) bars even staggered at \(valueFit.font.size) pt") }
        let yearLine = yearFit.sizes.map(\.height).max() ?? measurer.lineHeight(yearFit.font)
        let valueLine = valueFit.sizes.map(\.height).max() ?? measurer.lineHeight(valueFit.font)
        let yearRow = yearFit.staggered ? 2 * yearLine + gap / 2 : yearLine
        let baselineY = body.maxY - yearRow - gap
        let plotArea = Rect(x: body.minX, y: body.minY, width: body.width, height: max(0, baselineY - body.minY))

        // CAGR arrows: horizontal plan and tiers, then the band they need at the top.
        let pillFont = theme.font(theme.fontSizes.cagrLabel, weight: .bold)
        let pillSizes = cagrSpans.map { span -> Size in
            let text = measurer.measure(span.label, font: pillFont, maxWidth: nil)
            return Size(width: text.width + 2 * spacing.pillPaddingX, height: text.height + 2 * spacing.pillPaddingY)
        }
        let planned = CAGRArrowPlacement.plan(spans: cagrSpans, drawable: isDrawable, centers: centers,
                                              barWidth: barWidth, pillSizes: pillSizes, bounds: xBounds)
        let tierCount = (planned.map(\.tier).max() ?? -1) + 1
        let pillHeight = planned.map(\.pillSize.height).max() ?? 0
        let bandHeight = tierCount == 0 ? 0
            : Double(tierCount) * pillHeight + Double(tierCount - 1) * spacing.arrowTierGap + spacing.minimumArrowLeg
        let labelsTopLimit = plotArea.minY + bandHeight

        // Vertical scale: the tallest stack (bar or whisker, gap, label, stagger) must end
        // at or below the arrow band. A whisker above the clip value counts only to it.
        let clipValue = whiskerClipValue
        let tops = bars.map { bar -> Double in
            if bar.isMissing { return 0 }
            let value = bar.value.isFinite ? max(bar.value, 0) : 0
            let upper = isDrawable(bar.interval).map { max($0.upper, 0) } ?? 0
            return max(value, clipValue.map { min(upper, $0) } ?? upper)
        }.enumerated().map { i, top in
            // A marker above its bar lifts the bar's value label over it too.
            max(top, drawnMarkers.filter { $0.bar == i }.map(\.value).max() ?? 0)
        }
        // A lower bound's open extension stands between the bar and its label, in points, so
        // that it reads as "and more" at any scale.
        let boundExtensionHeight = 16.0
        func hasExtension(_ i: Int) -> Bool { bars[i].bound == .lower && !bars[i].isMissing && !bars[i].isEstimate }
        // A cut whisker's label sits on its arrow, and the value label above that.
        let clipFont = theme.font(max(theme.fontSizes.minimumValueLabel, valueFit.font.size * 0.85))
        let clipSizes = bars.indices.map { i -> Size? in
            guard isWhiskerClipped(i), let interval = isDrawable(bars[i].interval) else { return nil }
            return measurer.measure(clippedUpperText(interval), font: clipFont, maxWidth: nil)
        }
        func labelRaise(_ i: Int) -> Double {
            (valueFit.staggered && i % 2 == 1 ? valueLine + gap / 2 : 0) + (hasExtension(i) ? boundExtensionHeight : 0)
                + (clipSizes[i].map { $0.height + gap / 2 } ?? 0)
        }
        var scale = Double.infinity
        for (i, top) in tops.enumerated() where top > 0 {
            let room = baselineY - labelsTopLimit - gap - valueLine - labelRaise(i)
            scale = min(scale, room / top)
        }
        if !scale.isFinite { scale = 0 }
        if scale <= 0 && tops.contains(where: { $0 > 0 }) {
            problems.append("no vertical room left for the bars; shorten the title or the note")
            scale = 0
        }
        func y(_ value: Double) -> Double { baselineY - max(value, 0) * scale }

        // Gridlines first, so everything else paints over them.
        if showsGridlines, let maxTop = tops.max(), maxTop > 0 {
            let ticks = NiceScale(minimum: 0, maximum: maxTop, targetTickCount: 5).ticks
            for tick in ticks where tick > 0 && y(tick) >= labelsTopLimit {
                scene.add(.path([.move(Point(plotArea.minX, y(tick))), .line(Point(plotArea.maxX, y(tick)))],
                                fill: nil, stroke: Stroke(color: palette.gridline, width: theme.lineWidths.gridline)),
                          role: "gridline")
            }
        }

        // Bars, whiskers, labels.
        var geometry: [MarketSizeChartLayout.BarGeometry] = []
        for (i, bar) in bars.enumerated() {
            let value = bar.value.isFinite && !bar.isMissing ? max(bar.value, 0) : 0
            // A positive value too small for the scale still shows as a bar (15 beside 2,514
            // would be a hairline): at least `minimumBarHeight`, its label carrying the value.
            let height = value > 0 ? max(baselineY - y(value), MarketSizeChartLayout.minimumBarHeight) : 0
            let rect = Rect(x: centers[i] - barWidth / 2, y: baselineY - height, width: barWidth, height: height)
            if bar.isMissing {
                // Nothing to fill: the slot keeps the year's place on the axis.
            } else if bar.isEstimate {
                scene.add(.rect(rect, fill: estimateFill, stroke: Stroke(color: palette.actual, width: 0.8),
                                cornerRadius: 0), role: "bar-estimate")
            } else if bar.isLinked {
                scene.add(.rect(rect, fill: linkedFill, stroke: linkedStroke, cornerRadius: 0), role: "bar-linked")
            } else if bar.bound != nil {
                scene.add(.rect(rect, fill: boundFill, stroke: boundStroke, cornerRadius: 0), role: "bar-bound")
            } else {
                scene.add(.rect(rect, fill: actualFill, stroke: nil, cornerRadius: 0), role: "bar")
            }
            var extensionFrame: Rect?
            if hasExtension(i) {
                // The sides go on up past the figure, dashed and open at the top.
                extensionFrame = LowerBoundMarks.draw(over: rect, upTo: rect.minY - boundExtensionHeight,
                                                      extensionStroke: boundExtensionStroke, chevronColor: palette.text,
                                                      into: &scene)
            }
            var whisker: Rect?
            var clipLabel: Rect?
            if !bar.isMissing, let interval = isDrawable(bar.interval) {
                let capHalf = barWidth * 0.18
                let x = centers[i], bottom = y(interval.lower)
                if let clipValue, let size = clipSizes[i] {
                    // Cut at the clip value: the line runs up into a filled arrowhead (no cap,
                    // which would read as the end), and the true upper end is written above it.
                    let top = y(clipValue), head = min(7, max(3, (bottom - top) / 3)), half = max(capHalf * 0.8, 3)
                    scene.add(.path([.move(Point(x, bottom)), .line(Point(x, top + head)),
                                     .move(Point(x - capHalf, bottom)), .line(Point(x + capHalf, bottom))],
                                    fill: nil, stroke: intervalStroke), role: "interval-clipped")
                    scene.add(.path([.move(Point(x - half, top + head)), .line(Point(x, top)), .line(Point(x + half, top + head)), .close],
                                    fill: .solid(palette.interval), stroke: nil), role: "interval-clip-arrow")
                    whisker = Rect(x: x - max(capHalf, half), y: top, width: 2 * max(capHalf, half), height: bottom - top)
                    let frame = Rect(x: x - size.width / 2, y: top - gap / 2 - size.height, width: size.width, height: size.height)
                    scene.add(.text(TextBox(text: clippedUpperText(interval), frame: frame, font: clipFont,
                                            color: palette.secondaryText, alignment: .center)), role: "interval-clip-label")
                    clipLabel = frame
                } else {
                    let top = y(interval.upper)
                    scene.add(.path(LegendLayout.whiskerPath(x: x, top: top, bottom: bottom, capHalfWidth: capHalf),
                                    fill: nil, stroke: intervalStroke), role: "interval")
                    whisker = Rect(x: x - capHalf, y: top, width: 2 * capHalf, height: bottom - top)
                }
            }
            let labelSize = bar.isMissing ? measurer.measure(valueTexts[i], font: missingFont, maxWidth: nil)
                : valueFit.sizes[i]
            let labelBottom = min(y(tops[i]), rect.minY) - gap - labelRaise(i)
            let valueFrame = Rect(x: centers[i] - labelSize.width / 2, y: labelBottom - labelSize.height,
                                  width: labelSize.width, height: labelSize.height)
            let yearSize = yearFit.sizes[i]
            let yearTop = baselineY + gap + (yearFit.staggered && i % 2 == 1 ? yearLine + gap / 2 : 0)
            let yearFrame = Rect(x: centers[i] - yearSize.width / 2, y: yearTop, width: yearSize.width, height: yearSize.height)
            geometry.append(.init(rect: rect, isEstimate: bar.isEstimate, valueLabel: valueFrame,
                                  yearLabel: yearFrame, interval: whisker, isMissing: bar.isMissing,
                                  boundExtension: extensionFrame, clippedUpperLabel: clipLabel))
        }
        if count > 0 {
            scene.add(.path([.move(Point(plotArea.minX, baselineY)), .line(Point(plotArea.maxX, baselineY))],
                            fill: nil, stroke: Stroke(color: palette.baseline, width: theme.lineWidths.baseline)),
                      role: "baseline")
        }
        for (i, bar) in geometry.enumerated() {
            if bar.isMissing {
                scene.add(.text(TextBox(text: valueTexts[i], frame: bar.valueLabel, font: missingFont,
                                        color: palette.secondaryText, alignment: .center)), role: "missing-label")
            } else {
                scene.add(.text(TextBox(text: valueTexts[i], frame: bar.valueLabel, font: valueFit.font,
                                        color: palette.text, alignment: .center)), role: "value-label")
            }
            scene.add(.text(TextBox(text: bars[i].label, frame: bar.yearLabel, font: yearFit.font,
                                    color: palette.text, alignment: .center)), role: "year-label")
        }

        // Markers: a diamond in the gap right of the bar, where no label or leg is drawn.
        var markerFrames: [Rect] = []
        let markerRadius = min(5, (slot - barWidth) / 4)
        var markersBeside: [Int: Int] = [:]
        for marker in drawnMarkers {
            // Several markers on one bar (e.g. two vintages of a forecast) stand side by side.
            let column = markersBeside[marker.bar, default: 0]
            markersBeside[marker.bar] = column + 1
            let center = Point(geometry[marker.bar].rect.maxX + 2 + markerRadius * (1 + 2.4 * Double(column)), y(marker.value))
            scene.add(.path(LegendLayout.diamondPath(center: center, radius: markerRadius), fill: .solid(palette.accent),
                            stroke: Stroke(color: palette.background, width: 0.8)), role: "marker")
            markerFrames.append(Rect(x: center.x - markerRadius, y: center.y - markerRadius,
                                     width: 2 * markerRadius, height: 2 * markerRadius))
        }

        // Arrows: line at its tier, legs down to just above the end bars' labels.
        var arrows: [MarketSizeChartLayout.ArrowGeometry] = []
        let headLength = 6.0, headHalfWidth = 3.5
        let arrowStroke = Stroke(color: palette.arrow, width: theme.lineWidths.arrow)
        for plan in planned {
            let span = cagrSpans[plan.spanIndex]
            let lineY = plotArea.minY + pillHeight / 2
                + Double(tierCount - 1 - plan.tier) * (pillHeight + spacing.arrowTierGap)
            let startBottom = geometry[span.from].valueLabel.minY - gap
            let tip = geometry[span.to].valueLabel.minY - gap
            scene.add(.path([.move(Point(plan.startX, startBottom)), .line(Point(plan.startX, lineY)),
                             .line(Point(plan.endX, lineY)), .line(Point(plan.endX, tip - headLength))],
                            fill: nil, stroke: arrowStroke), role: "cagr-arrow")
            scene.add(.path([.move(Point(plan.endX - headHalfWidth, tip - headLength)), .line(Point(plan.endX, tip)),
                             .line(Point(plan.endX + headHalfWidth, tip - headLength)), .close],
                            fill: .solid(palette.arrow), stroke: nil), role: "cagr-arrow")
            let pill = Rect(x: plan.pillCenterX - plan.pillSize.width / 2, y: lineY - plan.pillSize.height / 2,
                            width: plan.pillSize.width, height: plan.pillSize.height)
            scene.add(.rect(pill, fill: .solid(palette.accent), stroke: nil, cornerRadius: pill.height / 2),
                      role: "cagr-pill")
            let text = pill.insetBy(dx: spacing.pillPaddingX, dy: spacing.pillPaddingY)
            scene.add(.text(TextBox(text: span.label, frame: text, font: pillFont, color: palette.accentText,
                                    alignment: .center)), role: "cagr-label")
            let legs = Rect(x: plan.startX - headHalfWidth, y: lineY,
                            width: plan.endX - plan.startX + 2 * headHalfWidth, height: max(startBottom, tip) - lineY)
            arrows.append(.init(spanIndex: plan.spanIndex, start: Point(plan.startX, startBottom),
                                end: Point(plan.endX, tip), lineY: lineY, label: pill, tier: plan.tier,
                                bounds: legs.union(pill)))
        }

        var layout = MarketSizeChartLayout(scene: scene, blocks: blocks, plotArea: plotArea, baselineY: baselineY,
                                           pointsPerUnit: scale, bars: geometry, arrows: arrows,
                                           valueLabelFont: valueFit.font, valueLabelsStaggered: valueFit.staggered,
                                           yearLabelFont: yearFit.font, markers: markerFrames, problems: problems)
        layout.native = nativeChart(for: layout, theme: theme).map(NativeContent.chart)
        return layout
    }
}
