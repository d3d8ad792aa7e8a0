// The bubble matrix as a native bubble chart: x, y and size per bubble (area ∝ size, as
// the scene draws them), highlighted bubbles in the accent colour, both axes on the
// scene's nice scales. Labels and their leaders stay shapes.

extension BubbleMatrix {
    func nativeChart(for layout: BubbleMatrixLayout, axisFont: FontSpec, bubbleColor: Color, theme: Theme) -> NativeChart? {
        let drawn = bubbles.filter(isDrawable)
        guard !drawn.isEmpty, layout.xScale.upper > layout.xScale.lower, layout.yScale.upper > layout.yScale.lower,
              layout.plotArea.width > 0, layout.plotArea.height > 0 else { return nil }
        var series = NativeChart.Series(name: unitLabel.isEmpty ? title : unitLabel, values: drawn.map(\.y),
                                        color: bubbleColor)
        series.xValues = drawn.map(\.x)
        series.sizes = drawn.map(\.size)
        for (i, bubble) in drawn.enumerated() where bubble.isHighlighted {
            series.pointColors[i] = theme.palette.accent.withAlpha(0.6)
        }
        let plot = layout.plotArea
        let frame = Rect(x: layout.blocks.body.minX, y: layout.blocks.body.minY, width: layout.blocks.body.width,
                         height: plot.maxY - layout.blocks.body.minY + axisFont.size * 2)
        var chart = NativeChart(
            plotType: .bubbles, frame: frame, plot: plot, categories: drawn.map(\.label), series: [series],
            valueMinimum: layout.yScale.lower, valueMaximum: layout.yScale.upper, numberFormat: "General",
            showsDataLabels: false, fontFamily: theme.fontFamily, labelFontSize: axisFont.size,
            axisFontSize: axisFont.size, textColor: theme.palette.text, axisColor: theme.palette.baseline,
            estimateBackground: theme.palette.estimate, estimatePattern: theme.palette.estimateHatch,
            replacedRoles: ["bubble", "gridline", "tick-label", "baseline"])
        chart.xTitle = xAxisTitle
        chart.sizeTitle = sizeLegend
        chart.xMinimum = layout.xScale.lower
        chart.xMaximum = layout.xScale.upper
        chart.xStep = layout.xScale.step
        chart.valueStep = layout.yScale.step
        chart.largestBubbleRadius = maximumRadiusFraction
        chart.showsValueAxis = true
        chart.showsGridlines = true
        return chart
    }
}
