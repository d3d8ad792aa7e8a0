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
        let style = BarStyle(theme: theme)
        let drawnMarkers = markers.filter(isDrawable)
        let blocks = PageBlockLayout.layout(
            PageBlockContent(title: title, subtitle: subtitle, unit: unitLabel,
                             legend: legendEntries(style: style, drawnMarkers: drawnMarkers, theme: theme),
                             note: sourceNote),
            theme: theme, measurer: measurer, scene: &scene, problems: &problems)
        let columns = planColumns(in: blocks.body, theme: theme, measurer: measurer, problems: &problems)
        let band = planArrowBand(columns, theme: theme, measurer: measurer)
        let scale = planScale(columns, labelsTopLimit: columns.plotArea.minY + band.height,
                              drawnMarkers: drawnMarkers, theme: theme, measurer: measurer, problems: &problems)
        addGridlines(columns, scale: scale, theme: theme, to: &scene)
        let geometry = addBars(columns, scale: scale, style: style, theme: theme, measurer: measurer, to: &scene)
        addBaselineAndLabels(columns, geometry: geometry, theme: theme, to: &scene)
        let markerFrames = addMarkers(drawnMarkers, columns: columns, geometry: geometry, scale: scale, theme: theme,
                                      to: &scene)
        let arrows = addArrows(band, plotTop: columns.plotArea.minY, geometry: geometry, theme: theme, to: &scene)
        var layout = MarketSizeChartLayout(scene: scene, blocks: blocks, plotArea: columns.plotArea,
                                           baselineY: columns.baselineY, pointsPerUnit: scale.pointsPerUnit,
                                           bars: geometry, arrows: arrows, valueLabelFont: columns.valueFit.font,
                                           valueLabelsStaggered: columns.valueFit.staggered,
                                           yearLabelFont: columns.yearFit.font, markers: markerFrames,
                                           problems: problems)
        layout.native = nativeChart(for: layout, theme: theme).map(NativeContent.chart)
        return layout
    }

    /// How each kind of bar is filled and outlined, shared by the bars and their legend.
    private struct BarStyle {
        var actualFill: Fill
        var estimateFill: Fill
        var intervalStroke: Stroke
        // A bounded figure is a published actual, so it keeps the actual fill (the legend's
        // swatch stays true); what marks it as inexact is its outline and, for a lower
        // bound, the dashed sides that run on above it.
        var boundFill: Fill
        var boundStroke: Stroke
        var boundExtensionStroke: Stroke
        // A linked year is no published figure: the actual colour only as an outline.
        var linkedFill: Fill
        var linkedStroke: Stroke

        init(theme: Theme) {
            let palette = theme.palette
            actualFill = .solid(palette.actual)
            estimateFill = .hatched(color: palette.estimateHatch, background: palette.estimate,
                                    spacing: theme.lineWidths.hatchSpacing, lineWidth: theme.lineWidths.hatch)
            intervalStroke = Stroke(color: palette.interval, width: theme.lineWidths.interval)
            boundFill = actualFill
            boundStroke = Stroke(color: palette.text, width: 1.2)
            boundExtensionStroke = Stroke(color: palette.text, width: 1.2, dash: [3, 2])
            linkedFill = .solid(palette.estimate)
            linkedStroke = Stroke(color: palette.actual, width: 1.2)
        }
    }

    /// One legend entry per kind of mark the chart draws: actual and estimate only when
    /// both are there, the others when their text is given and some bar shows them.
    private func legendEntries(style: BarStyle, drawnMarkers: [Marker], theme: Theme) -> [LegendEntry] {
        let hasActual = bars.contains { !$0.isEstimate && !$0.isMissing }
        let hasEstimate = bars.contains { $0.isEstimate && !$0.isMissing }
        var entries: [LegendEntry] = []
        if hasActual && hasEstimate {
            entries += [LegendEntry(swatch: .box(style.actualFill), text: legend.actual),
                        LegendEntry(swatch: .box(style.estimateFill), text: legend.estimate)]
        }
        if let intervalText = legend.interval, !intervalText.isEmpty,
           bars.contains(where: { isDrawable($0.interval) != nil }) {
            entries.append(LegendEntry(swatch: .whisker(style.intervalStroke), text: intervalText))
        }
        if let boundText = boundLegend, !boundText.isEmpty, bars.contains(where: { $0.bound != nil && !$0.isMissing }) {
            entries.append(LegendEntry(swatch: .line(style.boundExtensionStroke), text: boundText))
        }
        if let linkedText = linkedLegend, !linkedText.isEmpty, bars.contains(where: { $0.isLinked && !$0.isMissing }) {
            entries.append(LegendEntry(swatch: .box(style.linkedFill), text: linkedText))
        }
        if let markerText = markerLegend, !markerText.isEmpty, !drawnMarkers.isEmpty {
            entries.append(LegendEntry(swatch: .diamond(theme.palette.accent), text: markerText))
        }
        return entries
    }

    /// The bars' slots across the body, their fitted year and value label rows, and the
    /// baseline above the year row.
    private struct Columns {
        var xBounds: ClosedRange<Double>
        var slot: Double
        var barWidth: Double
        var centers: [Double]
        var yearFit: RowLabelFit
        var valueFit: RowLabelFit
        var valueTexts: [String]
        /// A missing year's mark.
        var missingFont: FontSpec
        var yearLine: Double
        var valueLine: Double
        var baselineY: Double
        var plotArea: Rect
    }

    /// Horizontal: one equal slot per bar, a missing year included, so equal steps on the
    /// axis are equal steps in time. Labels in rows: year labels under the baseline,
    /// values above the bars.
    private func planColumns(in body: Rect, theme: Theme, measurer: TextMeasuring,
                             problems: inout [String]) -> Columns {
        let gap = theme.spacing.labelGap
        let xBounds = body.minX...body.maxX
        let count = bars.count
        let slot = count > 0 ? body.width / Double(count) : body.width
        let centers = (0..<count).map { body.minX + slot * (Double($0) + 0.5) }
        let yearFit = RowLabelFitting.fit(bars.map(\.label), centers: centers, bounds: xBounds,
                                          font: theme.font(theme.fontSizes.axis),
                                          minimumSize: theme.fontSizes.minimumValueLabel, theme: theme, measurer: measurer)
        let valueTexts = bars.map(valueText)
        let valueFit = RowLabelFitting.fit(valueTexts, centers: centers, bounds: xBounds,
                                           font: theme.font(theme.fontSizes.valueLabel),
                                           minimumSize: theme.fontSizes.minimumValueLabel, theme: theme, measurer: measurer)
        if !yearFit.fits { problems.append("year labels do not fit under \(count) bars even staggered at \(yearFit.font.size) pt") }
        if !valueFit.fits { problems.append("value labels do not fit over \(count) bars even staggered at \(valueFit.font.size) pt") }
        let yearLine = yearFit.sizes.map(\.height).max() ?? measurer.lineHeight(yearFit.font)
        let valueLine = valueFit.sizes.map(\.height).max() ?? measurer.lineHeight(valueFit.font)
        let baselineY = body.maxY - yearFit.rowHeight(lineHeight: yearLine, gap: gap) - gap
        return Columns(xBounds: xBounds, slot: slot, barWidth: slot * theme.spacing.barFraction, centers: centers, yearFit: yearFit,
                       valueFit: valueFit, valueTexts: valueTexts,
                       // Smaller than a value, and grey: it is not a number to read.
                       missingFont: theme.font(max(theme.fontSizes.minimumValueLabel, valueFit.font.size * 0.8)),
                       yearLine: yearLine, valueLine: valueLine, baselineY: baselineY,
                       plotArea: Rect(x: body.minX, y: body.minY, width: body.width,
                                      height: max(0, baselineY - body.minY)))
    }

    /// The CAGR arrows planned across the bars in tiers, and the band they need at the
    /// top of the plot.
    private struct ArrowBand {
        var pillFont: FontSpec
        var planned: [PlannedArrow]
        var tierCount: Int
        var pillHeight: Double
        var height: Double
    }

    /// CAGR arrows: horizontal plan and tiers, then the band they need at the top.
    private func planArrowBand(_ columns: Columns, theme: Theme, measurer: TextMeasuring) -> ArrowBand {
        let spacing = theme.spacing
        let pillFont = theme.font(theme.fontSizes.cagrLabel, weight: .bold)
        let pillSizes = cagrSpans.map { span -> Size in
            let text = measurer.measure(span.label, font: pillFont, maxWidth: nil)
            return Size(width: text.width + 2 * spacing.pillPaddingX, height: text.height + 2 * spacing.pillPaddingY)
        }
        let planned = CAGRArrowPlacement.plan(spans: cagrSpans, drawable: isDrawable, centers: columns.centers,
                                              barWidth: columns.barWidth, pillSizes: pillSizes, bounds: columns.xBounds)
        let tierCount = (planned.map(\.tier).max() ?? -1) + 1
        let pillHeight = planned.map(\.pillSize.height).max() ?? 0
        let height = tierCount == 0 ? 0
            : Double(tierCount) * pillHeight + Double(tierCount - 1) * spacing.arrowTierGap + spacing.minimumArrowLeg
        return ArrowBand(pillFont: pillFont, planned: planned, tierCount: tierCount, pillHeight: pillHeight,
                         height: height)
    }

    /// The vertical scale and what stands over each bar.
    private struct BarScale {
        var baselineY: Double
        /// Points of bar height per unit of value.
        var pointsPerUnit: Double
        /// Per bar, the highest value drawn over it (bar, whisker up to the clip value, marker).
        var tops: [Double]
        /// Per bar, how far its value label is raised above the usual gap.
        var labelRaises: [Double]
        /// Per bar with a cut whisker, its label's size.
        var clipSizes: [Size?]
        var clipFont: FontSpec
        /// Where whiskers are cut (`MarketSizeChart.whiskerClipValue`).
        var clipValue: Double?
        /// Where the arrow band ends: no gridline above it.
        var labelsTopLimit: Double

        func y(_ value: Double) -> Double { baselineY - max(value, 0) * pointsPerUnit }
    }

    /// A lower bound's open extension stands between the bar and its label, in points, so
    /// that it reads as "and more" at any scale.
    private static var boundExtensionHeight: Double { 16.0 }

    private func hasBoundExtension(_ i: Int) -> Bool {
        bars[i].bound == .lower && !bars[i].isMissing && !bars[i].isEstimate
    }

    /// Vertical scale: the tallest stack (bar or whisker, gap, label, stagger) must end at
    /// or below the arrow band. A whisker above the clip value counts only to it.
    private func planScale(_ columns: Columns, labelsTopLimit: Double, drawnMarkers: [Marker], theme: Theme,
                           measurer: TextMeasuring, problems: inout [String]) -> BarScale {
        let gap = theme.spacing.labelGap
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
        // A cut whisker's label sits on its arrow, and the value label above that.
        let clipFont = theme.font(max(theme.fontSizes.minimumValueLabel, columns.valueFit.font.size * 0.85))
        let clipSizes = bars.indices.map { i -> Size? in
            guard isWhiskerClipped(i), let interval = isDrawable(bars[i].interval) else { return nil }
            return measurer.measure(clippedUpperText(interval), font: clipFont, maxWidth: nil)
        }
        let raises = bars.indices.map { i in
            (columns.valueFit.staggered && i % 2 == 1 ? columns.valueLine + gap / 2 : 0)
                + (hasBoundExtension(i) ? Self.boundExtensionHeight : 0)
                + (clipSizes[i].map { $0.height + gap / 2 } ?? 0)
        }
        var scale = Double.infinity
        for (i, top) in tops.enumerated() where top > 0 {
            let room = columns.baselineY - labelsTopLimit - gap - columns.valueLine - raises[i]
            scale = min(scale, room / top)
        }
        if !scale.isFinite { scale = 0 }
        if scale <= 0 && tops.contains(where: { $0 > 0 }) {
            problems.append("no vertical room left for the bars; shorten the title or the note")
            scale = 0
        }
        return BarScale(baselineY: columns.baselineY, pointsPerUnit: scale, tops: tops, labelRaises: raises,
                        clipSizes: clipSizes, clipFont: clipFont, clipValue: clipValue, labelsTopLimit: labelsTopLimit)
    }

    /// Gridlines first, so everything else paints over them.
    private func addGridlines(_ columns: Columns, scale: BarScale, theme: Theme, to scene: inout Scene) {
        guard showsGridlines, let maxTop = scale.tops.max(), maxTop > 0 else { return }
        let plotArea = columns.plotArea
        let ticks = NiceScale(minimum: 0, maximum: maxTop, targetTickCount: 5).ticks
        for tick in ticks where tick > 0 && scale.y(tick) >= scale.labelsTopLimit {
            scene.add(.path([.move(Point(plotArea.minX, scale.y(tick))), .line(Point(plotArea.maxX, scale.y(tick)))],
                            fill: nil, stroke: Stroke(color: theme.palette.gridline, width: theme.lineWidths.gridline)),
                      role: "gridline")
        }
    }

    /// Bars with their bound extensions and whiskers, and where each bar's value and year
    /// labels go (drawn afterwards, over the baseline).
    private func addBars(_ columns: Columns, scale: BarScale, style: BarStyle, theme: Theme, measurer: TextMeasuring,
                         to scene: inout Scene) -> [MarketSizeChartLayout.BarGeometry] {
        let palette = theme.palette
        let gap = theme.spacing.labelGap
        let (baselineY, barWidth, centers) = (columns.baselineY, columns.barWidth, columns.centers)
        let yearFrames = columns.yearFit.frames(centers: centers, below: baselineY, lineHeight: columns.yearLine,
                                                gap: gap)
        var geometry: [MarketSizeChartLayout.BarGeometry] = []
        for (i, bar) in bars.enumerated() {
            let value = bar.value.isFinite && !bar.isMissing ? max(bar.value, 0) : 0
            // A positive value too small for the scale still shows as a bar (15 beside 2,514
            // would be a hairline): at least `minimumBarHeight`, its label carrying the value.
            let height = value > 0 ? max(baselineY - scale.y(value), MarketSizeChartLayout.minimumBarHeight) : 0
            let rect = Rect(x: centers[i] - barWidth / 2, y: baselineY - height, width: barWidth, height: height)
            if bar.isMissing {
                // Nothing to fill: the slot keeps the year's place on the axis.
            } else if bar.isEstimate {
                scene.add(.rect(rect, fill: style.estimateFill, stroke: Stroke(color: palette.actual, width: 0.8),
                                cornerRadius: 0), role: "bar-estimate")
            } else if bar.isLinked {
                scene.add(.rect(rect, fill: style.linkedFill, stroke: style.linkedStroke, cornerRadius: 0), role: "bar-linked")
            } else if bar.bound != nil {
                scene.add(.rect(rect, fill: style.boundFill, stroke: style.boundStroke, cornerRadius: 0), role: "bar-bound")
            } else {
                scene.add(.rect(rect, fill: style.actualFill, stroke: nil, cornerRadius: 0), role: "bar")
            }
            var extensionFrame: Rect?
            if hasBoundExtension(i) {
                // The sides go on up past the figure, dashed and open at the top.
                extensionFrame = LowerBoundMarks.draw(over: rect, upTo: rect.minY - Self.boundExtensionHeight,
                                                      extensionStroke: style.boundExtensionStroke,
                                                      chevronColor: palette.text, into: &scene)
            }
            let whisker = bar.isMissing ? nil
                : addWhisker(i, columns: columns, scale: scale, style: style, theme: theme, to: &scene)
            let labelSize = bar.isMissing ? measurer.measure(columns.valueTexts[i], font: columns.missingFont, maxWidth: nil)
                : columns.valueFit.sizes[i]
            let labelBottom = min(scale.y(scale.tops[i]), rect.minY) - gap - scale.labelRaises[i]
            let valueFrame = Rect(x: centers[i] - labelSize.width / 2, y: labelBottom - labelSize.height,
                                  width: labelSize.width, height: labelSize.height)
            geometry.append(.init(rect: rect, isEstimate: bar.isEstimate, valueLabel: valueFrame,
                                  yearLabel: yearFrames[i], interval: whisker?.frame, isMissing: bar.isMissing,
                                  boundExtension: extensionFrame, clippedUpperLabel: whisker?.clipLabel))
        }
        return geometry
    }

    /// Bar `i`'s whisker, when its interval is drawable: its frame (caps included) and,
    /// when cut at the clip value, the frame of the label with its true upper end.
    private func addWhisker(_ i: Int, columns: Columns, scale: BarScale, style: BarStyle, theme: Theme,
                            to scene: inout Scene) -> (frame: Rect, clipLabel: Rect?)? {
        guard let interval = isDrawable(bars[i].interval) else { return nil }
        let palette = theme.palette
        let capHalf = columns.barWidth * 0.18
        let x = columns.centers[i], bottom = scale.y(interval.lower)
        guard let clipValue = scale.clipValue, let size = scale.clipSizes[i] else {
            let top = scale.y(interval.upper)
            scene.add(.path(LegendLayout.whiskerPath(x: x, top: top, bottom: bottom, capHalfWidth: capHalf),
                            fill: nil, stroke: style.intervalStroke), role: "interval")
            return (Rect(x: x - capHalf, y: top, width: 2 * capHalf, height: bottom - top), nil)
        }
        // Cut at the clip value: the line runs up into a filled arrowhead (no cap, which
        // would read as the end), and the true upper end is written above it.
        let top = scale.y(clipValue), head = min(7, max(3, (bottom - top) / 3)), half = max(capHalf * 0.8, 3)
        scene.add(.path([.move(Point(x, bottom)), .line(Point(x, top + head)),
                         .move(Point(x - capHalf, bottom)), .line(Point(x + capHalf, bottom))],
                        fill: nil, stroke: style.intervalStroke), role: "interval-clipped")
        scene.add(.path([.move(Point(x - half, top + head)), .line(Point(x, top)), .line(Point(x + half, top + head)), .close],
                        fill: .solid(palette.interval), stroke: nil), role: "interval-clip-arrow")
        let whisker = Rect(x: x - max(capHalf, half), y: top, width: 2 * max(capHalf, half), height: bottom - top)
        let gap = theme.spacing.labelGap
        let frame = Rect(x: x - size.width / 2, y: top - gap / 2 - size.height, width: size.width, height: size.height)
        scene.add(.text(TextBox(text: clippedUpperText(interval), frame: frame, font: scale.clipFont,
                                color: palette.secondaryText, alignment: .center)), role: "interval-clip-label")
        return (whisker, frame)
    }

    /// The baseline over the bars' feet, then every value (or missing mark) and year label.
    private func addBaselineAndLabels(_ columns: Columns, geometry: [MarketSizeChartLayout.BarGeometry], theme: Theme,
                                      to scene: inout Scene) {
        let palette = theme.palette
        if !bars.isEmpty {
            scene.add(.path([.move(Point(columns.plotArea.minX, columns.baselineY)),
                             .line(Point(columns.plotArea.maxX, columns.baselineY))],
                            fill: nil, stroke: Stroke(color: palette.baseline, width: theme.lineWidths.baseline)),
                      role: "baseline")
        }
        for (i, bar) in geometry.enumerated() {
            if bar.isMissing {
                scene.add(.text(TextBox(text: columns.valueTexts[i], frame: bar.valueLabel, font: columns.missingFont,
                                        color: palette.secondaryText, alignment: .center)), role: "missing-label")
            } else {
                scene.add(.text(TextBox(text: columns.valueTexts[i], frame: bar.valueLabel, font: columns.valueFit.font,
                                        color: palette.text, alignment: .center)), role: "value-label")
            }
            scene.add(.text(TextBox(text: bars[i].label, frame: bar.yearLabel, font: columns.yearFit.font,
                                    color: palette.text, alignment: .center)), role: "year-label")
        }
    }

    /// Markers: a diamond in the gap right of the bar, where no label or leg is drawn.
    private func addMarkers(_ drawnMarkers: [Marker], columns: Columns, geometry: [MarketSizeChartLayout.BarGeometry],
                            scale: BarScale, theme: Theme, to scene: inout Scene) -> [Rect] {
        var markerFrames: [Rect] = []
        let markerRadius = min(5, (columns.slot - columns.barWidth) / 4)
        var markersBeside: [Int: Int] = [:]
        for marker in drawnMarkers {
            // Several markers on one bar (e.g. two vintages of a forecast) stand side by side.
            let column = markersBeside[marker.bar, default: 0]
            markersBeside[marker.bar] = column + 1
            let center = Point(geometry[marker.bar].rect.maxX + 2 + markerRadius * (1 + 2.4 * Double(column)),
                               scale.y(marker.value))
            scene.add(.path(LegendLayout.diamondPath(center: center, radius: markerRadius),
                            fill: .solid(theme.palette.accent), stroke: Stroke(color: theme.palette.background, width: 0.8)),
                      role: "marker")
            markerFrames.append(Rect(x: center.x - markerRadius, y: center.y - markerRadius,
                                     width: 2 * markerRadius, height: 2 * markerRadius))
        }
        return markerFrames
    }

    /// Arrows: line at its tier, legs down to just above the end bars' labels.
    private func addArrows(_ band: ArrowBand, plotTop: Double, geometry: [MarketSizeChartLayout.BarGeometry],
                           theme: Theme, to scene: inout Scene) -> [MarketSizeChartLayout.ArrowGeometry] {
        let palette = theme.palette, spacing = theme.spacing
        let gap = spacing.labelGap
        var arrows: [MarketSizeChartLayout.ArrowGeometry] = []
        let headLength = 6.0, headHalfWidth = 3.5
        let arrowStroke = Stroke(color: palette.arrow, width: theme.lineWidths.arrow)
        for plan in band.planned {
            let span = cagrSpans[plan.spanIndex]
            let lineY = plotTop + band.pillHeight / 2
                + Double(band.tierCount - 1 - plan.tier) * (band.pillHeight + spacing.arrowTierGap)
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
            scene.add(.text(TextBox(text: span.label, frame: text, font: band.pillFont, color: palette.accentText,
                                    alignment: .center)), role: "cagr-label")
            let legs = Rect(x: plan.startX - headHalfWidth, y: lineY,
                            width: plan.endX - plan.startX + 2 * headHalfWidth, height: max(startBottom, tip) - lineY)
            arrows.append(.init(spanIndex: plan.spanIndex, start: Point(plan.startX, startBottom),
                                end: Point(plan.endX, tip), lineY: lineY, label: pill, tier: plan.tier,
                                bounds: legs.union(pill)))
        }
        return arrows
    }
}
