// A vertical value axis the way the house style wants it: nice ticks, tick labels right-
// aligned in a gutter sized from the widest measured label, light gridlines, and no axis
// line (the baseline is drawn by the chart). Shared by the charts that need a y axis.

struct ValueAxis {
    var scale: NiceScale
    var font: FontSpec
    var labels: [String]
    var labelSizes: [Size]

    init(minimum: Double, maximum: Double, targetTickCount: Int = 5, formatter: ValueFormatter,
         font: FontSpec, measurer: TextMeasuring) {
        scale = NiceScale(minimum: minimum, maximum: maximum, targetTickCount: targetTickCount)
        self.font = font
        labels = scale.ticks.map(formatter)
        labelSizes = labels.map { measurer.measure($0, font: font, maxWidth: nil) }
    }

    /// Width of the tick-label gutter, label gap included.
    func gutterWidth(gap: Double) -> Double { (labelSizes.map(\.width).max() ?? 0) + gap }

    /// Half a label height: ticks at the top and bottom need that much room beyond the plot.
    var overhang: Double { (labelSizes.map(\.height).max() ?? 0) / 2 }

    /// The y of `value` when the scale spans `plot` vertically.
    func y(_ value: Double, in plot: Rect) -> Double {
        let span = scale.upper - scale.lower
        guard span > 0 else { return plot.maxY }
        return plot.maxY - (value - scale.lower) / span * plot.height
    }

    /// Draws gridlines (above the lowest tick) and right-aligned tick labels left of `plot`;
    /// returns the label frames.
    func draw(in plot: Rect, gap: Double, theme: Theme, into scene: inout Scene) -> [Rect] {
        var frames: [Rect] = []
        for (i, tick) in scale.ticks.enumerated() {
            let y = self.y(tick, in: plot)
            if i > 0 {
                scene.add(.path([.move(Point(plot.minX, y)), .line(Point(plot.maxX, y))], fill: nil,
                                stroke: Stroke(color: theme.palette.gridline, width: theme.lineWidths.gridline)),
                          role: "gridline")
            }
            let size = labelSizes[i]
            let frame = Rect(x: plot.minX - gap - size.width, y: y - size.height / 2, width: size.width, height: size.height)
            scene.add(.text(TextBox(text: labels[i], frame: frame, font: font, color: theme.palette.secondaryText,
                                    alignment: .right)), role: "tick-label")
            frames.append(frame)
        }
        return frames
    }
}
