// Layout of the bubble matrix: a value axis at the left (ValueAxis), a nice x axis below,
// bubbles by area, then labels. Label placement tries eight positions touching the
// bubble (right, left, above, below, then the diagonals), then the same directions at
// growing distances with a leader line, and takes the first position that stays in the
// plot and clears every bubble and every label already placed. Bubbles are labelled
// largest first, so the biggest, most crowded ones get the closest spots.

import Foundation
import MarketData

public struct BubbleMatrixLayout: Sendable {
    public var scene: Scene
    public var blocks: PageBlocks
    public var plotArea: Rect
    public var xScale: NiceScale
    public var yScale: NiceScale
    /// One per bubble in spec order; nil when not drawable.
    public var circles: [Circle?]
    /// One per bubble in spec order; nil when not drawable or no free position was found.
    public var labels: [Rect?]
    /// Whether each label needed a leader line.
    public var hasLeader: [Bool]
    public var problems: [String]
    /// Each size-key entry (reference bubble and its value), largest first.
    public var sizeKey: [Rect] = []
    /// The bubbles as a native bubble chart (BubbleMatrixNative.swift).
    public var native: NativeContent? = nil
}

extension BubbleMatrix {
    public func layout(theme: Theme = .standard, measurer: TextMeasuring) -> BubbleMatrixLayout {
        var problems = self.problems
        var scene = Scene(size: theme.pageSize, background: theme.palette.background)
        let bubbleColor = Self.bubbleColor(theme)
        let legend = sizeLegend.map { [LegendEntry(swatch: .box(.solid(bubbleColor)), text: $0)] } ?? []
        let blocks = PageBlockLayout.layout(
            PageBlockContent(title: title, subtitle: subtitle, unit: unitLabel, legend: legend, note: sourceNote),
            theme: theme, measurer: measurer, scene: &scene, problems: &problems)
        let frame = planPlot(in: blocks.body, theme: theme, measurer: measurer)
        addAxes(frame, theme: theme, to: &scene)
        let circles = addBubbles(frame, theme: theme, to: &scene)
        let placement = addLabels(circles: circles, plot: frame.plot, theme: theme, measurer: measurer, to: &scene,
                                  problems: &problems)
        let keyFrames = addSizeKey(frame, theme: theme, measurer: measurer, to: &scene)
        if let last = keyFrames.last, last.maxY > frame.plot.maxY + 0.5 {
            problems.append("the bubble size key is taller than the plot; use a smaller maximum bubble")
        }
        var layout = BubbleMatrixLayout(scene: scene, blocks: blocks, plotArea: frame.plot, xScale: frame.xScale,
                                        yScale: frame.yAxis.scale, circles: circles, labels: placement.frames,
                                        hasLeader: placement.hasLeader, problems: problems)
        layout.sizeKey = keyFrames
        layout.native = nativeChart(for: layout, axisFont: frame.axisFont, bubbleColor: bubbleColor, theme: theme)
            .map(NativeContent.chart)
        return layout
    }

    /// Bubbles in the actual colour, see-through where they overlap.
    private static func bubbleColor(_ theme: Theme) -> Color { theme.palette.actual.withAlpha(0.55) }

    /// Both axes, the plot between them and the size key, and what the key shows.
    private struct PlotFrame {
        var axisFont: FontSpec
        var yAxis: ValueAxis
        var xScale: NiceScale
        var xLabels: [String]
        var xSizes: [Size]
        var xTitleSize: Size
        var xRowHeight: Double
        var plot: Rect
        var keyValues: [Double]
        var keyTexts: [String]
        var keyFont: FontSpec
        /// The key's largest bubble's radius, estimated before the plot is sized.
        var roughRadius: Double
        /// The largest bubble's size and radius: area ∝ size.
        var maxSize: Double
        var maxRadius: Double

        func px(_ x: Double) -> Double {
            let span = xScale.upper - xScale.lower
            return span > 0 ? plot.minX + (x - xScale.lower) / span * plot.width : plot.minX
        }

        /// The radius of a bubble of `size`: its area goes with the size.
        func radius(_ size: Double) -> Double {
            maxSize > 0 ? maxRadius * (size / maxSize).squareRoot() : maxRadius / 2
        }
    }

    private func planPlot(in body: Rect, theme: Theme, measurer: TextMeasuring) -> PlotFrame {
        let gap = theme.spacing.labelGap
        let drawable = bubbles.filter(isDrawable)
        let axisFont = theme.font(theme.fontSizes.axis)
        // Headroom beyond the largest values, so the bubbles there stay inside the plot.
        let headroom = 2.5 * maximumRadiusFraction
        let yLow = min(0, drawable.map(\.y).min() ?? 0), yHigh = drawable.map(\.y).max() ?? 1
        let xLow = min(0, drawable.map(\.x).min() ?? 0), xHigh = drawable.map(\.x).max() ?? 1
        let yAxis = ValueAxis(minimum: yLow, maximum: yHigh + (yHigh - yLow) * headroom,
                              formatter: formatY, font: axisFont, measurer: measurer)
        let xScale = NiceScale(minimum: xLow, maximum: xHigh, headroom: headroom)
        let xLabels = xScale.ticks.map(formatX)
        let xSizes = xLabels.map { measurer.measure($0, font: axisFont, maxWidth: nil) }
        let xTitleSize = measurer.measure(xAxisTitle, font: axisFont, maxWidth: nil)
        let xRowHeight = xSizes.map(\.height).max() ?? 0
        let plotLeft = body.minX + yAxis.gutterWidth(gap: 2 * gap)
        let plotBottom = body.maxY - xRowHeight - gap - xTitleSize.height - gap
        let plotTop = body.minY + yAxis.overhang
        // The size key stands right of the plot: reference bubbles with their values, as
        // wide as the largest bubble and its label.
        let keyValues = BubbleSizeKey.values(drawable.map(\.size))
        let keyDecimals = NumberFormat.commonDecimals(for: keyValues)
        let keyTexts = keyValues.map { NumberFormat.grouped($0, decimals: keyDecimals) }
        let keyFont = theme.font(theme.fontSizes.annotation)
        let keyTextWidth = keyTexts.map { measurer.measure($0, font: keyFont, maxWidth: nil).width }.max() ?? 0
        let roughRadius = min(body.maxX - plotLeft, plotBottom - plotTop) * maximumRadiusFraction
        let keyWidth = keyValues.isEmpty ? 0 : 2 * roughRadius + gap + keyTextWidth + 2 * gap
        let plotRight = body.maxX - max((xSizes.last?.width ?? 0) / 2, keyWidth)
        let plot = Rect(x: plotLeft, y: plotTop, width: max(0, plotRight - plotLeft), height: max(0, plotBottom - plotTop))
        return PlotFrame(axisFont: axisFont, yAxis: yAxis, xScale: xScale, xLabels: xLabels, xSizes: xSizes,
                         xTitleSize: xTitleSize, xRowHeight: xRowHeight, plot: plot, keyValues: keyValues,
                         keyTexts: keyTexts, keyFont: keyFont, roughRadius: roughRadius,
                         maxSize: drawable.map(\.size).max() ?? 0,
                         maxRadius: min(plot.width, plot.height) * maximumRadiusFraction)
    }

    /// The value axis at the left; the x axis below with its gridlines, tick labels and
    /// title; the baseline.
    private func addAxes(_ frame: PlotFrame, theme: Theme, to scene: inout Scene) {
        let palette = theme.palette, gap = theme.spacing.labelGap
        let plot = frame.plot
        _ = frame.yAxis.draw(in: plot, gap: 2 * gap, theme: theme, into: &scene)
        for (i, tick) in frame.xScale.ticks.enumerated() {
            let x = frame.px(tick)
            if i > 0 {
                scene.add(.path([.move(Point(x, plot.minY)), .line(Point(x, plot.maxY))], fill: nil,
                                stroke: Stroke(color: palette.gridline, width: theme.lineWidths.gridline)), role: "gridline")
            }
            let size = frame.xSizes[i]
            scene.add(.text(TextBox(text: frame.xLabels[i], frame: Rect(x: x - size.width / 2, y: plot.maxY + gap,
                                                                        width: size.width, height: size.height),
                                    font: frame.axisFont, color: palette.secondaryText, alignment: .center)),
                      role: "tick-label")
        }
        let titleSize = frame.xTitleSize
        scene.add(.text(TextBox(text: xAxisTitle, frame: Rect(x: plot.maxX - titleSize.width,
                                                               y: plot.maxY + gap + frame.xRowHeight + gap,
                                                               width: titleSize.width, height: titleSize.height),
                                font: frame.axisFont, color: palette.secondaryText, alignment: .right)), role: "axis-title")
        scene.add(.path([.move(Point(plot.minX, plot.maxY)), .line(Point(plot.maxX, plot.maxY))], fill: nil,
                        stroke: Stroke(color: palette.baseline, width: theme.lineWidths.baseline)), role: "baseline")
    }

    /// Bubbles: area ∝ size, so the radius goes with its square root. One circle per
    /// bubble in spec order, nil where it is not drawable.
    private func addBubbles(_ frame: PlotFrame, theme: Theme, to scene: inout Scene) -> [Circle?] {
        let palette = theme.palette
        let circles: [Circle?] = bubbles.map { bubble in
            guard isDrawable(bubble) else { return nil }
            return Circle(center: Point(frame.px(bubble.x), frame.yAxis.y(bubble.y, in: frame.plot)),
                          radius: max(frame.radius(bubble.size), 2))
        }
        for (i, circle) in circles.enumerated() {
            guard let circle else { continue }
            let color = bubbles[i].isHighlighted ? palette.accent.withAlpha(0.6) : Self.bubbleColor(theme)
            scene.add(.rect(Rect(x: circle.center.x - circle.radius, y: circle.center.y - circle.radius,
                                 width: 2 * circle.radius, height: 2 * circle.radius),
                            fill: .solid(color), stroke: Stroke(color: palette.background, width: 1),
                            cornerRadius: circle.radius), role: "bubble")
        }
        return circles
    }

    /// Labels where BubbleLabelPlacement finds room, with a leader from the bubble's edge
    /// when a label stands off it.
    private func addLabels(circles: [Circle?], plot: Rect, theme: Theme, measurer: TextMeasuring, to scene: inout Scene,
                           problems: inout [String]) -> (frames: [Rect?], hasLeader: [Bool]) {
        let palette = theme.palette
        let labelFont = theme.font(theme.fontSizes.annotation)
        let sizes = bubbles.map { measurer.measure($0.label, font: labelFont, maxWidth: nil) }
        let placement = BubbleLabelPlacement.place(sizes: sizes, circles: circles, bounds: plot,
                                                   gap: theme.spacing.labelGap,
                                                   separation: theme.spacing.minimumLabelSeparation)
        for (i, frame) in placement.frames.enumerated() {
            guard let circle = circles[i] else { continue }
            guard let frame else {
                problems.append("no free place for the label of \(bubbles[i].label); shorten labels or use fewer bubbles")
                continue
            }
            if placement.hasLeader[i] {
                let target = Point(min(max(circle.center.x, frame.minX), frame.maxX),
                                   min(max(circle.center.y, frame.minY), frame.maxY))
                let dx = target.x - circle.center.x, dy = target.y - circle.center.y
                let length = (dx * dx + dy * dy).squareRoot()
                if length > circle.radius {
                    let start = Point(circle.center.x + dx / length * circle.radius, circle.center.y + dy / length * circle.radius)
                    scene.add(.path([.move(start), .line(target)], fill: nil,
                                    stroke: Stroke(color: palette.secondaryText, width: 0.8)), role: "leader")
                }
            }
            scene.add(.text(TextBox(text: bubbles[i].label, frame: frame, font: labelFont, color: palette.text)),
                      role: "bubble-label")
        }
        return placement
    }

    /// The key: largest reference bubble on top, each with its value to the right. Gives
    /// each entry's frame.
    private func addSizeKey(_ frame: PlotFrame, theme: Theme, measurer: TextMeasuring, to scene: inout Scene) -> [Rect] {
        let palette = theme.palette, gap = theme.spacing.labelGap
        let roughRadius = frame.roughRadius
        var keyFrames: [Rect] = []
        var keyTop = frame.plot.minY
        for (k, value) in frame.keyValues.enumerated() {
            let radius = frame.maxSize > 0 ? max(2, frame.radius(value)) : frame.maxRadius / 2
            let centerX = frame.plot.maxX + 2 * gap + roughRadius
            let circle = Rect(x: centerX - radius, y: keyTop, width: 2 * radius, height: 2 * radius)
            scene.add(.rect(circle, fill: .solid(Self.bubbleColor(theme)), stroke: Stroke(color: palette.background, width: 1),
                            cornerRadius: radius), role: "size-key")
            let textSize = measurer.measure(frame.keyTexts[k], font: frame.keyFont, maxWidth: nil)
            let text = Rect(x: centerX + roughRadius + gap, y: circle.midY - textSize.height / 2,
                            width: textSize.width, height: textSize.height)
            scene.add(.text(TextBox(text: frame.keyTexts[k], frame: text, font: frame.keyFont, color: palette.secondaryText)),
                      role: "size-key-label")
            keyFrames.append(circle.union(text))
            keyTop = max(circle.maxY, text.maxY) + gap
        }
        return keyFrames
    }
}

/// The label search on its own, so it can be tested without a page.
enum BubbleLabelPlacement {
    /// Unit directions in preference order: right, left, above, below, then diagonals.
    static let directions: [(Double, Double)] = [(1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (1, 1), (-1, -1), (-1, 1)]

    static func place(sizes: [Size], circles: [Circle?], bounds: Rect, gap: Double,
                      separation: Double) -> (frames: [Rect?], hasLeader: [Bool]) {
        var frames = [Rect?](repeating: nil, count: circles.count)
        var leaders = [Bool](repeating: false, count: circles.count)
        var placed: [Rect] = []
        // Largest first; equal radii keep spec order.
        let order = circles.indices.filter { circles[$0] != nil }
            .sorted { ((circles[$0]?.radius ?? 0), -$0) > ((circles[$1]?.radius ?? 0), -$1) }
        let allCircles = circles.compactMap { $0 }
        for i in order {
            guard let circle = circles[i] else { continue }
            let size = sizes[i]
            search: for ring in 0..<12 {
                let distance = circle.radius + gap + Double(ring) * max(size.height, 8)
                for (dx, dy) in directions {
                    let frame = candidate(around: circle.center, distance: distance, direction: (dx, dy), size: size)
                    guard bounds.contains(frame) else { continue }
                    let padded = frame.insetBy(dx: -separation, dy: -separation)
                    if placed.contains(where: { $0.intersects(padded) }) { continue }
                    if allCircles.contains(where: { $0.intersects(frame) }) { continue }
                    frames[i] = frame
                    leaders[i] = ring > 0
                    placed.append(frame)
                    break search
                }
            }
        }
        return (frames, leaders)
    }

    /// The label frame touching the point `distance` from `center` in `direction`: to
    /// the right the label's left edge is there, above its bottom edge, and so on.
    static func candidate(around center: Point, distance: Double, direction: (Double, Double), size: Size) -> Rect {
        let (dx, dy) = direction
        let norm = (dx * dx + dy * dy).squareRoot()
        let ax = center.x + dx / norm * distance, ay = center.y + dy / norm * distance
        let x = dx > 0 ? ax : (dx < 0 ? ax - size.width : ax - size.width / 2)
        let y = dy > 0 ? ay : (dy < 0 ? ay - size.height : ay - size.height / 2)
        return Rect(x: x, y: y, width: size.width, height: size.height)
    }
}

/// The bubble sizes the key shows: every size the data have when they are three to five whole
/// scores (2, 3, 4, 5: a reader finds each bubble's own), else the smallest, the middle and
/// the largest (one value when all are equal), so a reader can size any bubble between them.
enum BubbleSizeKey {
    static let maximumDistinct = 5

    static func values(_ sizes: [Double]) -> [Double] {
        let finite = sizes.filter { $0.isFinite && $0 > 0 }
        guard let low = finite.min(), let high = finite.max() else { return [] }
        if high - low < 1e-9 * max(1, high) { return [high] }
        let distinct = Set(finite)
        if (3...maximumDistinct).contains(distinct.count), distinct.allSatisfy({ $0 == $0.rounded() }) {
            return distinct.sorted(by: >)
        }
        // The middle with no more decimals than the data have (scores 2–5 give 4, not 3.5).
        let decimals = NumberFormat.commonDecimals(for: finite)
        let scale = pow(10, Double(decimals))
        let middle = ((low + high) / 2 * scale).rounded(.toNearestOrAwayFromZero) / scale
        return middle > low && middle < high ? [high, middle, low] : [high, low]
    }
}
