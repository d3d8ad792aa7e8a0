// The ranking as a native bar chart: categories top to bottom as listed, a highlighted
// item in the accent colour, values at the bar ends; the value axis runs from zero at the
// scene's zero line with the scene's points per unit, so bar lengths match.

extension HorizontalBarChart {
    func nativeChart(for layout: HorizontalBarChartLayout, scoreFont: FontSpec, theme: Theme) -> NativeChart? {
        let body = layout.blocks.body
        guard !items.isEmpty, layout.pointsPerUnit > 0, body.maxX > layout.zeroX else { return nil }
        var bars = NativeChart.Series(name: unitLabel.isEmpty ? title : unitLabel,
                                      values: items.map { $0.value.isFinite && $0.value >= 0 ? $0.value : nil },
                                      color: theme.palette.actual)
        for (i, item) in items.enumerated() where item.isHighlighted {
            bars.pointColors[i] = theme.palette.accent
            bars.pointLabelColors[i] = theme.palette.accent
        }
        let plot = Rect(x: layout.zeroX, y: body.minY, width: body.maxX - layout.zeroX, height: body.height)
        var chart = NativeChart(
            plotType: .horizontalBars, frame: body, plot: plot, categories: items.map(\.label), series: [bars],
            valueMinimum: 0, valueMaximum: plot.width / layout.pointsPerUnit, numberFormat: numberFormatCode,
            showsDataLabels: true, fontFamily: theme.fontFamily, labelFontSize: scoreFont.size,
            axisFontSize: layout.labelFont.size, textColor: theme.palette.text, axisColor: theme.palette.baseline,
            estimateBackground: theme.palette.estimate, estimatePattern: theme.palette.estimateHatch,
            replacedRoles: ["bar", "category-label", "score-label", "baseline"])
        chart.labelBold = scoreFont.weight == .bold
        let slot = body.height / Double(items.count)
        if let thickness = layout.rows.first?.bar.height, thickness > 0 {
            chart.gapWidth = Int(max(0, min(500, (slot - thickness) / thickness * 100)).rounded())
        }
        return chart
    }
}
