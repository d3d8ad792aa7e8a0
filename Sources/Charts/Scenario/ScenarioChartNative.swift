// The scenario chart as one native chart: the actuals as columns, each scenario's path as
// a dashed line with markers over them, and the band as a stacked area (an invisible lower
// edge with the band's width on top), all on the scene's value axis; its legend has the
// scene legend's entries, the linked years' and the bound marks' as keys.

extension ScenarioChart {
    func nativeChart(plot: Rect, scale: NiceScale, barWidth: Double, axisFont: FontSpec, bandColor: Color,
                     colors: [Color], legendKeys: [NativeChart.LegendKey], theme: Theme) -> NativeChart? {
        let count = categories.count
        guard count > 0, scale.upper > scale.lower, plot.width > 0, plot.height > 0 else { return nil }
        func padded(_ values: [Double], from start: Int) -> [Double?] {
            (0..<count).map { i in
                let k = i - start
                return k >= 0 && k < values.count && values[k].isFinite ? values[k] : nil
            }
        }
        var series = [NativeChart.Series(name: actualLabel,
                                         values: (0..<count).map { i in
                                             i < actuals.count ? actuals[i].flatMap { $0.isFinite && $0 > 0 ? $0 : nil } : nil
                                         }, color: theme.palette.actual)]
        // Linked years (`link: growth`) as the scene draws them: light, with an outline.
        for i in linkedActuals where i < count {
            series[0].pointColors[i] = theme.palette.estimate
            series[0].pointOutlines[i] = Stroke(color: theme.palette.actual, width: 1.2)
        }
        for (i, path) in paths.enumerated() where isDrawable(path) {
            var line = NativeChart.Series(name: path.label, values: padded(path.values, from: path.startIndex),
                                          color: colors[i % colors.count])
            line.asLine = true
            line.dashed = true
            line.markers = true
            line.lineWidth = theme.lineWidths.series
            series.append(line)
        }
        let body = Rect(x: plot.minX, y: plot.minY, width: plot.width, height: plot.height)
        var frame = body
        // The frame reaches left over the tick labels and down over the category labels.
        frame.x = plot.minX - 60; frame.width += 60
        frame.height += axisFont.size * 2
        var chart = NativeChart(
            plotType: .columns, frame: frame, plot: plot, categories: categories, series: series,
            valueMinimum: scale.lower, valueMaximum: scale.upper, numberFormat: numberFormatCode,
            showsDataLabels: false, fontFamily: theme.fontFamily, labelFontSize: axisFont.size,
            axisFontSize: axisFont.size, textColor: theme.palette.text, axisColor: theme.palette.baseline,
            estimateBackground: theme.palette.estimate, estimatePattern: theme.palette.estimateHatch,
            replacedRoles: ["bar", "bar-linked", "band", "baseline", "category-label", "scenario-line", "scenario-marker",
                            "tick-label", "gridline"])
        if let band, isDrawable(band) {
            chart.band = NativeChart.Band(name: band.label, lower: padded(band.lower, from: band.startIndex),
                                          upper: padded(band.upper, from: band.startIndex), color: bandColor)
        }
        let slot = plot.width / Double(count)
        if barWidth > 0 { chart.gapWidth = Int(max(0, min(500, (slot - barWidth) / barWidth * 100)).rounded()) }
        chart.nativeLegend = true
        // Linked years and bound marks have entries in the scene's legend, not series.
        chart.legendKeys = legendKeys
        chart.legendFontSize = theme.fontSizes.legend
        chart.valueStep = scale.step
        chart.showsValueAxis = true
        chart.showsGridlines = true
        return chart
    }
}
