// Legend entries for what a chart draws as a style of some points or as shapes, not as a
// series (the scenario chart's linked years, light bars with an outline, and its bounds'
// dashed open ends): a native legend lists series only, so each is a series without values
// that draws nothing and shows its swatch. A box is a bar series before the chart's one bar
// series, on its place (not an area: a stacked area of blanks draws its outline along the
// band's top in LibreOffice); a line is a line series, after the chart's lines and before
// the series that only carry something else, which the legend hides. Each has an empty
// column in the workbook, headed by its words.

import Charts

extension ChartPart {
    /// The keys this chart writes: column charts with a native legend only, and boxes only
    /// beside one bar series (which they overlap).
    var legendKeys: [NativeChart.LegendKey] {
        guard chart.plotType == .columns && chart.nativeLegend else { return [] }
        let oneBarSeries = chart.series.filter { !$0.asLine }.count == 1
        return chart.legendKeys.filter { if case .box = $0.swatch { return oneBarSeries } else { return true } }
    }

    var boxKeys: [NativeChart.LegendKey] {
        legendKeys.filter { if case .box = $0.swatch { return true } else { return false } }
    }

    /// One empty column per key, in `legendKeys` order.
    func addKeyColumns(_ sheet: inout ChartSheet) -> [Int] {
        legendKeys.map { key in sheet.add(key.name, chart.categories.map { _ in .empty }) }
    }

    /// The key's series at `index`: no values, its swatch's fill or line.
    func keySeries(_ index: Int, key: NativeChart.LegendKey, column: Int, sheet: ChartSheet) -> XMLNode {
        let look: [XMLNode]
        switch key.swatch {
        case let .box(fill, outline):
            look = [XMLNode("c:spPr", [], [style.solidFill(fill), style.line(outline)]), .val("c:invertIfNegative", 0)]
        case .line(let stroke):
            look = [XMLNode("c:spPr", [], [style.line(stroke)]), XMLNode("c:marker", [], [.val("c:symbol", "none")])]
        }
        // A line series ends with c:smooth; an area series has none.
        let line: Bool
        if case .line = key.swatch { line = true } else { line = false }
        return XMLNode("c:ser", [], [.val("c:idx", index), .val("c:order", index), seriesName(sheet, column: column)] + look + [
            XMLNode("c:cat", [], [stringReference(sheet, column: 0)]),
            XMLNode("c:val", [], [numberReference(sheet, column: column, format: chart.numberFormat)]),
        ] + (line ? [.val("c:smooth", 0)] : []))
    }
}
