// A monthly (or any categorical) series as a line: missing points are gaps, never zeros
// or silent interpolation; milestones are marked on the line and labelled in a strip
// above the plot so their labels cannot collide with the series.

public struct LineChart: Sendable {
    public struct DataPoint: Equatable, Sendable {
        /// The category under the axis, e.g. "2023-01".
        public var label: String
        /// nil when the value is missing in the sources.
        public var value: Double?
        public init(label: String, value: Double?) { self.label = label; self.value = value }
    }

    public struct Milestone: Equatable, Sendable {
        /// Index into `points`.
        public var index: Int
        public var label: String
        public init(index: Int, label: String) { self.index = index; self.label = label }
    }

    public var title: String
    public var subtitle: String?
    public var unitLabel: String
    public var points: [DataPoint]
    public var milestones: [Milestone]
    /// Written at each missing point, e.g. "无数据"; nil leaves the gap unlabelled.
    public var missingLabel: String?
    public var sourceNote: String
    /// Formats the axis tick values.
    public var formatValue: ValueFormatter

    public init(title: String, subtitle: String? = nil, unitLabel: String, points: [DataPoint],
                milestones: [Milestone] = [], missingLabel: String? = "无数据", sourceNote: String = "",
                formatValue: @escaping ValueFormatter = ValueFormat.groupedDecimal(decimals: 0)) {
        self.title = title; self.subtitle = subtitle; self.unitLabel = unitLabel; self.points = points
        self.milestones = milestones; self.missingLabel = missingLabel; self.sourceNote = sourceNote
        self.formatValue = formatValue
    }

    /// What cannot be drawn as specified; `layout` skips those parts and repeats these.
    public var problems: [String] {
        var found: [String] = []
        if !points.contains(where: { $0.value?.isFinite ?? false }) {
            found.append("the line chart has no values to draw")
        }
        for (i, point) in points.enumerated() where point.value.map({ !$0.isFinite }) ?? false {
            found.append("point \(i + 1) (\(point.label)) is not a finite number; it is drawn as a gap")
        }
        for milestone in milestones where !(points.indices.contains(milestone.index)) {
            found.append("milestone \"\(milestone.label)\" points at \(milestone.index + 1) of \(points.count) points; it is not drawn")
        }
        return found
    }

    /// Runs of consecutive present values, as indices: the parts of the line.
    public var segments: [[Int]] {
        var runs: [[Int]] = []
        var current: [Int] = []
        for (i, point) in points.enumerated() {
            if let value = point.value, value.isFinite {
                current.append(i)
            } else if !current.isEmpty {
                runs.append(current); current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}

public struct LineChartLayout: Sendable {
    public var scene: Scene
    public var blocks: PageBlocks
    public var plotArea: Rect
    public var scale: NiceScale
    /// Position of each point; nil where the value is missing.
    public var positions: [Point?]
    /// The drawn polylines, one per run of present values.
    public var segments: [[Point]]
    public var tickLabels: [Rect]
    public var categoryLabels: [Rect]
    public var gapLabels: [Rect]
    public var milestoneLabels: [Rect]
    /// Where each drawn milestone's leader meets its point (or the axis, if the point is missing).
    public var milestoneAnchors: [Point]
    public var problems: [String]
}

extension LineChart {
    public func layout(theme: Theme = .standard, measurer: TextMeasuring) -> LineChartLayout {
        var problems = self.problems
        var scene = Scene(size: theme.pageSize, background: theme.palette.background)
        let palette = theme.palette
        let gap = theme.spacing.labelGap
        let blocks = PageBlockLayout.layout(
            PageBlockContent(title: title, subtitle: subtitle, unit: unitLabel, legend: [], note: sourceNote),
            theme: theme, measurer: measurer, scene: &scene, problems: &problems)
        let body = blocks.body

        let values = points.compactMap { $0.value }.filter(\.isFinite)
        let axis = ValueAxis(minimum: min(0, values.min() ?? 0), maximum: values.max() ?? 1,
                             formatter: formatValue, font: theme.font(theme.fontSizes.axis), measurer: measurer)
        let plotLeft = body.minX + axis.gutterWidth(gap: gap * 2)

        // Milestone labels: a strip at the top of the body, wrapped to at most a quarter of the width.
        let drawable = milestones.filter { points.indices.contains($0.index) }
        let annotationFont = theme.font(theme.fontSizes.annotation)
        let labelMaxWidth = (body.maxX - plotLeft) / 4
        let milestoneSizes = drawable.map { measurer.measure($0.label, font: annotationFont, maxWidth: labelMaxWidth) }
        let stripHeight = (milestoneSizes.map(\.height).max() ?? 0)
        let plotTopMin = body.minY + (drawable.isEmpty ? axis.overhang : stripHeight + gap * 3)

        // Category labels under the plot, fitted like the bar chart's years.
        let count = max(points.count, 1)
        let slotWidth = (body.maxX - plotLeft) / Double(count)
        let centers = points.indices.map { plotLeft + slotWidth * (Double($0) + 0.5) }
        let categoryFit = RowLabelFitting.fit(points.map(\.label), centers: centers, bounds: body.minX...body.maxX,
                                              font: theme.font(theme.fontSizes.axis),
                                              minimumSize: theme.fontSizes.minimumValueLabel, theme: theme, measurer: measurer)
        if !categoryFit.fits { problems.append("category labels do not fit under \(points.count) points even staggered") }
        let lineHeight = categoryFit.sizes.map(\.height).max() ?? 0
        let rowHeight = categoryFit.staggered ? 2 * lineHeight + gap / 2 : lineHeight
        let plotBottom = body.maxY - rowHeight - gap
        let plot = Rect(x: plotLeft, y: plotTopMin, width: body.maxX - plotLeft, height: max(0, plotBottom - plotTopMin))

        let tickFrames = axis.draw(in: plot, gap: gap * 2, theme: theme, into: &scene)
        scene.add(.path([.move(Point(plot.minX, plot.maxY)), .line(Point(plot.maxX, plot.maxY))], fill: nil,
                        stroke: Stroke(color: palette.baseline, width: theme.lineWidths.baseline)), role: "baseline")

        var categoryFrames: [Rect] = []
        for (i, point) in points.enumerated() {
            let size = categoryFit.sizes[i]
            let top = plot.maxY + gap + (categoryFit.staggered && i % 2 == 1 ? lineHeight + gap / 2 : 0)
            let frame = Rect(x: centers[i] - size.width / 2, y: top, width: size.width, height: size.height)
            scene.add(.text(TextBox(text: point.label, frame: frame, font: categoryFit.font, color: palette.text,
                                    alignment: .center)), role: "category-label")
            categoryFrames.append(frame)
        }

        // The series: one path per run, markers on every present point.
        let positions: [Point?] = points.enumerated().map { i, point in
            guard let value = point.value, value.isFinite else { return nil }
            return Point(centers[i], axis.y(value, in: plot))
        }
        let lineColor = palette.series.first ?? palette.actual
        var drawnSegments: [[Point]] = []
        for run in segments {
            let path = run.compactMap { positions[$0] }
            drawnSegments.append(path)
            guard let first = path.first else { continue }
            if path.count > 1 {
                scene.add(.path([.move(first)] + path.dropFirst().map { .line($0) }, fill: nil,
                                stroke: Stroke(color: lineColor, width: theme.lineWidths.series)), role: "series-line")
            }
        }
        let markerRadius = theme.lineWidths.series * 1.6
        for position in positions.compactMap({ $0 }) {
            scene.add(.rect(Rect(x: position.x - markerRadius, y: position.y - markerRadius,
                                 width: 2 * markerRadius, height: 2 * markerRadius),
                            fill: .solid(palette.background), stroke: Stroke(color: lineColor, width: theme.lineWidths.series * 0.7),
                            cornerRadius: markerRadius), role: "series-point")
        }

        // Gaps say so, in small grey type just above the axis.
        var gapFrames: [Rect] = []
        if let missingLabel, !missingLabel.isEmpty {
            let font = theme.font(theme.fontSizes.minimumValueLabel + 1)
            for (i, position) in positions.enumerated() where position == nil {
                let frame = measurer.frame(missingLabel, font: font, centeredAt: centers[i], bottom: plot.maxY - gap)
                scene.add(.text(TextBox(text: missingLabel, frame: frame, font: font, color: palette.note,
                                        alignment: .center)), role: "gap-label")
                gapFrames.append(frame)
            }
        }

        // Milestones: labels in the strip, left to right without overlap, a dashed leader to
        // the point and a ring around it.
        var milestoneFrames: [Rect] = []
        var anchors: [Point] = []
        var nextFreeX = body.minX
        let order = drawable.indices.sorted { (drawable[$0].index, $0) < (drawable[$1].index, $1) }
        for k in order {
            let milestone = drawable[k]
            let size = milestoneSizes[k]
            let x = centers[milestone.index]
            var left = min(max(x - size.width / 2, nextFreeX, plot.minX), body.maxX - size.width - 1)
            if left < nextFreeX - 1e-9 {
                problems.append("milestone \"\(milestone.label)\" has no room beside the others; shorten the labels")
                left = nextFreeX
            }
            // One point of slack so the renderer breaks the lines where the measurer did.
            let frame = Rect(x: left, y: body.minY, width: size.width + 1, height: size.height)
            nextFreeX = frame.maxX + theme.spacing.labelSeparation
            let anchor = positions[milestone.index] ?? Point(x, plot.maxY)
            let leaderTop = frame.maxY + gap
            let ringRadius = markerRadius * 2
            scene.add(.path([.move(Point(x, leaderTop)), .line(Point(x, anchor.y - ringRadius))], fill: nil,
                            stroke: Stroke(color: palette.accent, width: 1, dash: [3, 2])), role: "milestone")
            scene.add(.rect(Rect(x: anchor.x - ringRadius, y: anchor.y - ringRadius, width: 2 * ringRadius,
                                 height: 2 * ringRadius),
                            fill: nil, stroke: Stroke(color: palette.accent, width: 1.6), cornerRadius: ringRadius),
                      role: "milestone")
            scene.add(.text(TextBox(text: milestone.label, frame: frame, font: annotationFont, color: palette.accent,
                                    alignment: frame.midX < x - 1 ? .right : (frame.midX > x + 1 ? .left : .center),
                                    wraps: true)), role: "milestone-label")
            milestoneFrames.append(frame)
            anchors.append(anchor)
        }

        return LineChartLayout(scene: scene, blocks: blocks, plotArea: plot, scale: axis.scale, positions: positions,
                               segments: drawnSegments, tickLabels: tickFrames, categoryLabels: categoryFrames,
                               gapLabels: gapFrames, milestoneLabels: milestoneFrames, milestoneAnchors: anchors,
                               problems: problems)
    }
}
