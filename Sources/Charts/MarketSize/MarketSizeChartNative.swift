// The market-size chart as a native column chart: one series of bars with the estimate
// pattern on forecast points, the interval as custom error bars and an unpublished year as
// an empty category. The plot area and the value axis are pinned so that a value v ends
// at the same height as in the scene (baseline − v · pointsPerUnit). The CAGR arrows are
// series of the chart, at the scene's height above the tallest bar's label, and the pills,
// the chart's own data labels, sit on them: both follow "Edit Data".

extension MarketSizeChart {
    func nativeChart(for layout: MarketSizeChartLayout, theme: Theme) -> NativeChart? {
        let body = layout.blocks.body
        guard !bars.isEmpty, layout.pointsPerUnit > 0, layout.baselineY > body.minY else { return nil }
        let values: [Double?] = bars.map { bar in
            bar.isMissing || !bar.value.isFinite || bar.value < 0 ? nil : bar.value
        }
        var series = NativeChart.Series(name: title, values: values, color: theme.palette.actual)
        series.estimatePoints = Set(bars.indices.filter { bars[$0].isEstimate && values[$0] != nil })
        let intervals = bars.indices.map { i -> Interval? in values[i] == nil ? nil : isDrawable(bars[i].interval) }
        if intervals.contains(where: { $0 != nil }) {
            series.lower = intervals.map { $0?.lower }
            series.upper = intervals.map { $0?.upper }
            // A cut whisker stays the scene's shapes (line, arrow, label): an error bar to its
            // true end would run past the axis maximum, where PowerPoint cuts it without a word.
            series.errorBarsDrawnAsShapes = Set(bars.indices.filter(isWhiskerClipped))
        }
        // A published bound keeps the actual fill with an outline, and its label the bound's
        // words before the value ("超过9,000"), which the deck keeps in the workbook; the
        // dashed extension and the chevron stay shapes over the bar.
        for (i, bar) in bars.enumerated() where values[i] != nil && !bar.isEstimate {
            guard let bound = bar.bound else { continue }
            series.pointColors[i] = theme.palette.actual
            series.pointOutlines[i] = Stroke(color: theme.palette.text, width: 1.2)
            if let words = boundPrefixes[bound], !words.isEmpty {
                series.boundLabels[i] = .init(words: words, text: valueText(bar))
            }
        }
        // A linked year (`link: growth`) as the scene draws it: light, with an outline.
        for (i, bar) in bars.enumerated() where values[i] != nil && bar.isLinked && !bar.isEstimate {
            series.pointColors[i] = theme.palette.estimate
            series.pointOutlines[i] = Stroke(color: theme.palette.actual, width: 1.2)
        }
        // A label the scene lifted over a whisker or a staggered row is lifted as much here.
        series.labelLift = layout.bars.map { bar in
            max(0, bar.rect.minY - bar.valueLabel.maxY - theme.spacing.labelGap)
        }

        let slot = body.width / Double(bars.count)
        let barWidth = layout.bars.first?.rect.width ?? slot
        let gap = barWidth > 0 ? (slot - barWidth) / barWidth * 100 : 50
        let plot = Rect(x: body.minX, y: body.minY, width: body.width, height: layout.baselineY - body.minY)
        var chart = NativeChart(
            plotType: .columns, frame: body, plot: plot, categories: bars.map(\.label), series: [series],
            valueMinimum: 0, valueMaximum: plot.height / layout.pointsPerUnit, numberFormat: numberFormatCode,
            showsDataLabels: true, fontFamily: theme.fontFamily, labelFontSize: layout.valueLabelFont.size,
            axisFontSize: layout.yearLabelFont.size, textColor: theme.palette.text,
            axisColor: theme.palette.baseline, estimateBackground: theme.palette.estimate,
            estimatePattern: theme.palette.estimateHatch,
            replacedRoles: ["bar", "bar-estimate", "bar-bound", "bar-linked", "interval", "baseline", "value-label", "year-label", "gridline"])
        // The CAGR pills become the chart's own labels, read from workbook cells: "Edit Data"
        // then recomputes the rate they show.
        chart.growthLabels = layout.arrows.map { arrow in
            let span = cagrSpans[arrow.spanIndex]
            return NativeChart.GrowthLabel(from: span.from, to: span.to, rate: span.rate, prefix: span.prefix, text: span.label,
                                           center: Point(arrow.label.midX, arrow.label.midY), fill: theme.palette.accent,
                                           textColor: theme.palette.accentText, fontSize: theme.fontSizes.cagrLabel,
                                           padding: Size(width: theme.spacing.pillPaddingX, height: theme.spacing.pillPaddingY))
        }
        if !chart.growthLabels.isEmpty {
            chart.replacedRoles.formUnion(["cagr-pill", "cagr-label", "cagr-arrow"])
            // The arrows are the chart's own lines, kept above every bar's label as the bar
            // moves (its rise above the bar, in axis units), and above the shapes over the
            // bars that do not move with the data (diamonds, cut whiskers with their labels,
            // a bound's open end), as the scene's band is above them.
            func value(_ y: Double) -> Double { (layout.baselineY - y) / layout.pointsPerUnit }
            let labelRise = layout.bars.map { bar in max(0, (bar.rect.minY - bar.valueLabel.minY) / layout.pointsPerUnit) }
            let fixed = layout.markers + layout.bars.flatMap { [$0.clippedUpperLabel, $0.boundExtension].compactMap { $0 } }
                + bars.indices.filter(isWhiskerClipped).compactMap { layout.bars[$0].interval }
            chart.growthArrows = .init(stroke: Stroke(color: theme.palette.arrow, width: theme.lineWidths.arrow),
                                       labelRise: labelRise, fixedTop: fixed.map(\.minY).min().map(value))
        }
        chart.gapWidth = Int(max(0, min(500, gap)).rounded())
        chart.showsGridlines = showsGridlines
        return chart
    }
}
