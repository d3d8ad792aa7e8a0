// Series over categories (months, years) as lines: missing values are gaps, never zeros
// or silent interpolation; milestones are marked on their point and labelled in a strip
// above the plot, so labels cannot collide with any line. One series needs no legend;
// several get one in the header row, estimated series dashed.

public struct LineChart: Sendable {
    /// One category and its value, for the single-series initialiser.
    public struct DataPoint: Equatable, Sendable {
        public var label: String
        /// nil when the value is missing in the sources.
        public var value: Double?
        public init(label: String, value: Double?) { self.label = label; self.value = value }
    }

    public struct Series: Equatable, Sendable {
        public var name: String
        /// One per category; nil where the sources have no value.
        public var values: [Double?]
        /// Projections are dashed so they never read as observations.
        public var isEstimate: Bool
        public init(name: String, values: [Double?], isEstimate: Bool = false) {
            self.name = name; self.values = values; self.isEstimate = isEstimate
        }
    }

    public struct Milestone: Equatable, Sendable {
        /// Index into `categories`.
        public var index: Int
        public var label: String
        /// Index into `series`: whose point the marker sits on.
        public var series: Int
        public init(index: Int, label: String, series: Int = 0) {
            self.index = index; self.label = label; self.series = series
        }
    }

    public var title: String
    public var subtitle: String?
    public var unitLabel: String
    /// The labels under the axis, e.g. "2023-01".
    public var categories: [String]
    public var series: [Series]
    public var milestones: [Milestone]
    /// Written where every series is missing, e.g. "无数据"; nil leaves gaps unlabelled.
    public var missingLabel: String?
    public var sourceNote: String
    /// Formats the axis tick values.
    public var formatValue: ValueFormatter
    /// `formatValue` as a spreadsheet number format, for editable exports.
    public var numberFormatCode: String = "#,##0"
    /// Names each series beside its last point instead of in a legend (for many series).
    public var labelsAtLineEnds: Bool

    public init(title: String, subtitle: String? = nil, unitLabel: String, categories: [String], series: [Series],
                milestones: [Milestone] = [], missingLabel: String? = "无数据", sourceNote: String = "",
                formatValue: @escaping ValueFormatter = ValueFormat.groupedDecimal(decimals: 0),
                labelsAtLineEnds: Bool = false) {
        self.title = title; self.subtitle = subtitle; self.unitLabel = unitLabel; self.categories = categories
        self.series = series; self.milestones = milestones; self.missingLabel = missingLabel
        self.sourceNote = sourceNote; self.formatValue = formatValue; self.labelsAtLineEnds = labelsAtLineEnds
    }

    /// A single series given as labelled points.
    public init(title: String, subtitle: String? = nil, unitLabel: String, points: [DataPoint], seriesName: String = "",
                milestones: [Milestone] = [], missingLabel: String? = "无数据", sourceNote: String = "",
                formatValue: @escaping ValueFormatter = ValueFormat.groupedDecimal(decimals: 0)) {
        self.init(title: title, subtitle: subtitle, unitLabel: unitLabel, categories: points.map(\.label),
                  series: [Series(name: seriesName, values: points.map(\.value))], milestones: milestones,
                  missingLabel: missingLabel, sourceNote: sourceNote, formatValue: formatValue)
    }

    /// What cannot be drawn as specified; `layout` skips those parts and repeats these.
    public var problems: [String] {
        var found: [String] = []
        if !series.contains(where: { $0.values.contains { $0?.isFinite ?? false } }) {
            found.append("the line chart has no values to draw")
        }
        for (s, line) in series.enumerated() {
            let name = line.name.isEmpty ? "series \(s + 1)" : "series \(s + 1) (\(line.name))"
            if line.values.count != categories.count {
                found.append("\(name) has \(line.values.count) values for \(categories.count) categories; give one value (or an empty cell) per category")
            }
            for (i, value) in line.values.enumerated() where value.map({ !$0.isFinite }) ?? false {
                let category = i < categories.count ? categories[i] : "#\(i + 1)"
                found.append("\(name) at \(category) is not a finite number; it is drawn as a gap")
            }
        }
        for milestone in milestones where !isDrawable(milestone) {
            found.append("milestone \"\(milestone.label)\" points at category \(milestone.index + 1) of series \(milestone.series + 1); there are \(categories.count) categories and \(series.count) series, so it is not drawn")
        }
        return found
    }

    /// The value of series `s` at category `i`, when present and finite.
    func value(_ s: Int, _ i: Int) -> Double? {
        guard series.indices.contains(s), series[s].values.indices.contains(i), i < categories.count,
              let value = series[s].values[i], value.isFinite else { return nil }
        return value
    }

    func isDrawable(_ milestone: Milestone) -> Bool {
        categories.indices.contains(milestone.index) && series.indices.contains(milestone.series)
    }

    /// Runs of consecutive present values of series `s`, as category indices: the parts
    /// of its line.
    public func segments(ofSeries s: Int) -> [[Int]] {
        var runs: [[Int]] = []
        var current: [Int] = []
        for i in categories.indices {
            if value(s, i) != nil {
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
    public struct SeriesGeometry: Equatable, Sendable {
        /// Position of each category's point; nil where the value is missing.
        public var positions: [Point?]
        /// The drawn polylines, one per run of present values (a one-point run is a marker only).
        public var segments: [[Point]]
    }
    public var scene: Scene
    public var blocks: PageBlocks
    public var plotArea: Rect
    public var scale: NiceScale
    public var series: [SeriesGeometry]
    public var tickLabels: [Rect]
    public var categoryLabels: [Rect]
    public var gapLabels: [Rect]
    public var milestoneLabels: [Rect]
    /// Where each drawn milestone's leader meets its point (or the axis, if the point is missing).
    public var milestoneAnchors: [Point]
    public var problems: [String]
    /// With `labelsAtLineEnds`: each series' name frame (nil for a series with no values).
    public var endLabels: [Rect?] = []
    /// The lines as a native line chart (LineChartNative.swift).
    public var native: NativeContent? = nil
}

extension LineChart {
    public func layout(theme: Theme = .standard, measurer: TextMeasuring) -> LineChartLayout {
        var problems = self.problems
        var scene = Scene(size: theme.pageSize, background: theme.palette.background)
        let legend = series.count > 1 && !labelsAtLineEnds
            ? series.indices.map { LegendEntry(swatch: .line(stroke($0, theme: theme)), text: series[$0].name) } : []
        let blocks = PageBlockLayout.layout(
            PageBlockContent(title: title, subtitle: subtitle, unit: unitLabel, legend: legend, note: sourceNote),
            theme: theme, measurer: measurer, scene: &scene, problems: &problems)
        let frame = planPlot(in: blocks.body, theme: theme, measurer: measurer, problems: &problems)
        let gap = theme.spacing.labelGap
        let tickFrames = frame.axis.draw(in: frame.plot, gap: gap * 2, theme: theme, into: &scene)
        scene.add(.path([.move(Point(frame.plot.minX, frame.plot.maxY)), .line(Point(frame.plot.maxX, frame.plot.maxY))],
                        fill: nil, stroke: Stroke(color: theme.palette.baseline, width: theme.lineWidths.baseline)),
                  role: "baseline")
        let categoryFrames = frame.categoryFit.frames(centers: frame.centers, below: frame.plot.maxY,
                                                      lineHeight: frame.categoryLine, gap: gap)
        for (i, category) in categories.enumerated() {
            scene.add(.text(TextBox(text: category, frame: categoryFrames[i], font: frame.categoryFit.font,
                                    color: theme.palette.text, alignment: .center)), role: "category-label")
        }
        let geometry = addSeries(frame, theme: theme, to: &scene)
        let gapFrames = addGapLabels(frame, theme: theme, measurer: measurer, to: &scene)
        let milestones = addMilestones(frame, geometry: geometry, theme: theme, to: &scene, problems: &problems)
        var layout = LineChartLayout(scene: scene, blocks: blocks, plotArea: frame.plot, scale: frame.axis.scale,
                                     series: geometry, tickLabels: tickFrames, categoryLabels: categoryFrames,
                                     gapLabels: gapFrames, milestoneLabels: milestones.labels,
                                     milestoneAnchors: milestones.anchors, problems: problems)
        if labelsAtLineEnds {
            placeEndLabels(sizes: frame.endSizes, font: frame.endFont, theme: theme, colors: Self.colors(theme),
                           into: &layout)
        }
        layout.native = nativeChart(for: layout, axisFont: frame.categoryFit.font, markers: frame.drawsMarkers,
                                    theme: theme).map(NativeContent.chart)
        return layout
    }

    /// The series colours in turn (the actual colour when the theme has none).
    private static func colors(_ theme: Theme) -> [Color] {
        theme.palette.series.isEmpty ? [theme.palette.actual] : theme.palette.series
    }

    /// Series `s`'s line: its colour, dashed when it is an estimate.
    private func stroke(_ s: Int, theme: Theme) -> Stroke {
        let colors = Self.colors(theme)
        return Stroke(color: colors[s % colors.count], width: theme.lineWidths.series,
                      dash: series[s].isEstimate ? [6, 4] : [])
    }

    /// The value axis, the plot between its gutter and the end labels, the milestone strip
    /// above and the fitted category row below.
    private struct PlotFrame {
        var body: Rect
        var axis: ValueAxis
        var plot: Rect
        var centers: [Double]
        var categoryFit: RowLabelFit
        var categoryLine: Double
        var endFont: FontSpec
        /// With `labelsAtLineEnds`, each series name's size; else empty.
        var endSizes: [Size]
        var milestones: [Milestone]
        var milestoneSizes: [Size]
        var annotationFont: FontSpec
        /// Markers on every present point while they stay legible.
        var drawsMarkers: Bool
        var markerRadius: Double
    }

    private func planPlot(in body: Rect, theme: Theme, measurer: TextMeasuring, problems: inout [String]) -> PlotFrame {
        let gap = theme.spacing.labelGap
        let values = series.indices.flatMap { s in categories.indices.compactMap { value(s, $0) } }
        let axis = ValueAxis(minimum: min(0, values.min() ?? 0), maximum: values.max() ?? 1,
                             formatter: formatValue, font: theme.font(theme.fontSizes.axis), measurer: measurer)
        let plotLeft = body.minX + axis.gutterWidth(gap: gap * 2)
        let endFont = theme.font(theme.fontSizes.annotation)
        let endSizes = labelsAtLineEnds ? series.map { measurer.measure($0.name, font: endFont, maxWidth: nil) } : []
        let plotRight = body.maxX - (endSizes.isEmpty ? 0 : (endSizes.map(\.width).max() ?? 0) + 3 * gap)

        // Milestone labels: a strip at the top of the body, wrapped to at most a quarter of the width.
        let drawable = milestones.filter(isDrawable)
        let annotationFont = theme.font(theme.fontSizes.annotation)
        let labelMaxWidth = (plotRight - plotLeft) / 4
        let milestoneSizes = drawable.map { measurer.measure($0.label, font: annotationFont, maxWidth: labelMaxWidth) }
        let stripHeight = milestoneSizes.map(\.height).max() ?? 0
        let plotTop = body.minY + (drawable.isEmpty ? axis.overhang : stripHeight + gap * 3)

        // Category labels under the plot, fitted like the bar chart's years.
        let slotWidth = (plotRight - plotLeft) / Double(max(categories.count, 1))
        let centers = categories.indices.map { plotLeft + slotWidth * (Double($0) + 0.5) }
        let categoryFit = RowLabelFitting.fit(categories, centers: centers, bounds: body.minX...max(body.minX, plotRight),
                                              font: theme.font(theme.fontSizes.axis),
                                              minimumSize: theme.fontSizes.minimumValueLabel, theme: theme, measurer: measurer)
        if !categoryFit.fits { problems.append("category labels do not fit under \(categories.count) points even staggered") }
        let lineHeight = categoryFit.sizes.map(\.height).max() ?? 0
        let plotBottom = body.maxY - categoryFit.rowHeight(lineHeight: lineHeight, gap: gap) - gap
        let plot = Rect(x: plotLeft, y: plotTop, width: max(0, plotRight - plotLeft), height: max(0, plotBottom - plotTop))
        return PlotFrame(body: body, axis: axis, plot: plot, centers: centers, categoryFit: categoryFit, categoryLine: lineHeight,
                         endFont: endFont, endSizes: endSizes, milestones: drawable, milestoneSizes: milestoneSizes,
                         annotationFont: annotationFont, drawsMarkers: categories.count <= 24,
                         markerRadius: theme.lineWidths.series * 1.6)
    }

    /// Lines: one path per run of present values; markers on every present point while
    /// they stay legible, and always on a point that stands alone.
    private func addSeries(_ frame: PlotFrame, theme: Theme, to scene: inout Scene) -> [LineChartLayout.SeriesGeometry] {
        let colors = Self.colors(theme)
        let markerRadius = frame.markerRadius
        var geometry: [LineChartLayout.SeriesGeometry] = []
        for s in series.indices {
            let positions: [Point?] = categories.indices.map { i in
                value(s, i).map { Point(frame.centers[i], frame.axis.y($0, in: frame.plot)) }
            }
            var runs: [[Point]] = []
            for run in segments(ofSeries: s) {
                let path = run.compactMap { positions[$0] }
                runs.append(path)
                if let first = path.first, path.count > 1 {
                    scene.add(.path([.move(first)] + path.dropFirst().map { .line($0) }, fill: nil,
                                    stroke: stroke(s, theme: theme)), role: "series-line")
                }
            }
            for position in positions.compactMap({ $0 }) where frame.drawsMarkers || runs.contains(where: { $0 == [position] }) {
                scene.add(.rect(Rect(x: position.x - markerRadius, y: position.y - markerRadius,
                                     width: 2 * markerRadius, height: 2 * markerRadius),
                                fill: .solid(theme.palette.background),
                                stroke: Stroke(color: colors[s % colors.count], width: theme.lineWidths.series * 0.7),
                                cornerRadius: markerRadius), role: "series-point")
            }
            geometry.append(.init(positions: positions, segments: runs))
        }
        return geometry
    }

    /// Where no series has a value, say so in small grey type just above the axis.
    private func addGapLabels(_ frame: PlotFrame, theme: Theme, measurer: TextMeasuring,
                              to scene: inout Scene) -> [Rect] {
        guard let missingLabel, !missingLabel.isEmpty, !series.isEmpty else { return [] }
        var gapFrames: [Rect] = []
        let font = theme.font(theme.fontSizes.minimumValueLabel + 1)
        for i in categories.indices where series.indices.allSatisfy({ value($0, i) == nil }) {
            let label = measurer.frame(missingLabel, font: font, centeredAt: frame.centers[i],
                                       bottom: frame.plot.maxY - theme.spacing.labelGap)
            scene.add(.text(TextBox(text: missingLabel, frame: label, font: font, color: theme.palette.note,
                                    alignment: .center)), role: "gap-label")
            gapFrames.append(label)
        }
        return gapFrames
    }

    /// Milestones: labels in the strip, left to right without overlap, a dashed leader
    /// down to the point and a ring around it. Gives the labels' frames and where each
    /// leader meets its point (or the axis, if the point is missing).
    private func addMilestones(_ frame: PlotFrame, geometry: [LineChartLayout.SeriesGeometry], theme: Theme,
                               to scene: inout Scene, problems: inout [String]) -> (labels: [Rect], anchors: [Point]) {
        let palette = theme.palette, gap = theme.spacing.labelGap
        let (body, plot, drawable) = (frame.body, frame.plot, frame.milestones)
        var milestoneFrames: [Rect] = []
        var anchors: [Point] = []
        var nextFreeX = body.minX
        let order = drawable.indices.sorted { (drawable[$0].index, $0) < (drawable[$1].index, $1) }
        for k in order {
            let milestone = drawable[k]
            let size = frame.milestoneSizes[k]
            let x = frame.centers[milestone.index]
            // One point of slack so the renderer breaks the lines where the measurer did.
            let width = size.width + 1
            var left = min(max(x - width / 2, nextFreeX, plot.minX), body.maxX - width)
            if left < nextFreeX - 1e-9 {
                problems.append("milestone \"\(milestone.label)\" has no room beside the others; shorten the labels")
                left = nextFreeX
            }
            let label = Rect(x: left, y: body.minY, width: width, height: size.height)
            nextFreeX = label.maxX + theme.spacing.labelSeparation
            let anchor = geometry[milestone.series].positions[milestone.index] ?? Point(x, plot.maxY)
            let ringRadius = frame.markerRadius * 2
            scene.add(.path([.move(Point(x, label.maxY + gap)), .line(Point(x, anchor.y - ringRadius))], fill: nil,
                            stroke: Stroke(color: palette.accent, width: 1, dash: [3, 2])), role: "milestone")
            scene.add(.rect(Rect(x: anchor.x - ringRadius, y: anchor.y - ringRadius, width: 2 * ringRadius,
                                 height: 2 * ringRadius),
                            fill: nil, stroke: Stroke(color: palette.accent, width: 1.6), cornerRadius: ringRadius),
                      role: "milestone")
            scene.add(.text(TextBox(text: milestone.label, frame: label, font: frame.annotationFont, color: palette.accent,
                                    alignment: label.midX < x - 1 ? .right : (label.midX > x + 1 ? .left : .center),
                                    wraps: true)), role: "milestone-label")
            milestoneFrames.append(label)
            anchors.append(anchor)
        }
        return (milestoneFrames, anchors)
    }

    /// Series names right of the plot, level with each line's last point where they fit,
    /// with a short leader when a label had to move.
    private func placeEndLabels(sizes: [Size], font: FontSpec, theme: Theme, colors: [Color],
                                into layout: inout LineChartLayout) {
        let gap = theme.spacing.labelGap
        let ends: [Point?] = layout.series.map { $0.positions.last(where: { $0 != nil }) ?? nil }
        let present = series.indices.filter { ends[$0] != nil }
        let tops = LineEndLabels.spread(desired: present.compactMap { ends[$0]?.y }, heights: present.map { sizes[$0].height },
                                        bounds: layout.blocks.body.minY...layout.blocks.body.maxY,
                                        separation: theme.spacing.minimumLabelSeparation)
        let needed = present.map { sizes[$0].height + theme.spacing.minimumLabelSeparation }.reduce(0, +)
        if needed > layout.blocks.body.height + theme.spacing.minimumLabelSeparation {
            layout.problems.append("\(present.count) line-end labels need \(PointsText.whole(needed)) pt but the chart is \(PointsText.whole(layout.blocks.body.height)) pt tall; use a legend or fewer series")
        }
        var frames = [Rect?](repeating: nil, count: series.count)
        for (k, s) in present.enumerated() {
            guard let end = ends[s] else { continue }
            let frame = Rect(x: layout.plotArea.maxX + 3 * gap, y: tops[k], width: sizes[s].width, height: sizes[s].height)
            let color = colors[s % colors.count]
            layout.scene.add(.path([.move(Point(end.x + gap, end.y)), .line(Point(frame.minX - gap / 2, frame.midY))],
                                   fill: nil, stroke: Stroke(color: color, width: 0.8)), role: "end-leader")
            layout.scene.add(.text(TextBox(text: series[s].name, frame: frame, font: font, color: color)), role: "end-label")
            frames[s] = frame
        }
        layout.endLabels = frames
    }
}
