// The line chart as a native line chart: one series per line (a gap stays a gap), the
// value axis with the scene's nice ticks, categories centred in their slots as the scene
// places them. Milestones, gap notes and end labels stay shapes over it.

extension LineChart {
    func nativeChart(for layout: LineChartLayout, axisFont: FontSpec, markers: Bool, theme: Theme) -> NativeChart? {
        guard !categories.isEmpty, !series.isEmpty, layout.scale.upper > layout.scale.lower,
              layout.plotArea.width > 0, layout.plotArea.height > 0 else { return nil }
        let colors = theme.palette.series.isEmpty ? [theme.palette.actual] : theme.palette.series
        let lines = series.indices.map { s -> NativeChart.Series in
            // An unnamed line is the chart's measure: its title up to the period it covers
            // ("ChatGPT 月访问量"), never the unit label ("单位：亿次").
            let measure = String(title.split(whereSeparator: { "，,".contains($0) }).first ?? Substring(title))
                .trimmingCharacters(in: .whitespaces)
            var line = NativeChart.Series(name: series[s].name.isEmpty ? measure : series[s].name,
                                          values: categories.indices.map { value(s, $0) }, color: colors[s % colors.count])
            line.dashed = series[s].isEstimate
            line.lineWidth = theme.lineWidths.series
            line.markers = markers
            return line
        }
        var chart = NativeChart(
            plotType: .lines, frame: layout.blocks.body, plot: layout.plotArea, categories: categories, series: lines,
            valueMinimum: layout.scale.lower, valueMaximum: layout.scale.upper, numberFormat: numberFormatCode,
            showsDataLabels: false, fontFamily: theme.fontFamily, labelFontSize: axisFont.size,
            axisFontSize: axisFont.size, textColor: theme.palette.text, axisColor: theme.palette.baseline,
            estimateBackground: theme.palette.estimate, estimatePattern: theme.palette.estimateHatch,
            replacedRoles: ["series-line", "series-point", "baseline", "category-label", "tick-label", "gridline"])
        chart.valueStep = layout.scale.step
        chart.showsValueAxis = true
        chart.showsGridlines = true
        return chart
    }
}
