// The CAGR arrows as series of the chart, so that "Edit Data" moves them with the bars.
// Each arrow is a line series over its span's categories (no blank between its ends, so
// the line never breaks whatever the chart does with blanks), horizontal at a height that
// is a workbook formula of the bars: `MAX(each value + its label's rise, drawn whisker
// ends, fixed shapes' top) + room`. The room is what the scene leaves between the highest
// of these and the arrow's line (the tier's band at the top of the plot), in axis units;
// so the unedited chart puts the line where the PNG puts it, and an edit that lifts a bar's
// label above the others lifts every arrow as much, the room still between them. The pills
// (ChartCellLabels) sit on their arrow: their heights are references to its cells.
//
// The arrowhead: the line carries `a:tailEnd` (PowerPoint draws it), and its last point
// has one more data label, a ▶ in the arrow's colour centred on the point, because
// LibreOffice (7.4) draws no line ends on chart series; where both are drawn the glyph
// covers the line's own head.

import Charts

extension ChartPart {
    /// The arrowhead glyph and its size in points (about the scene's 6 pt head).
    static let arrowHead = "▶", arrowHeadSize = 8.0

    /// Per growth label (in `chart.growthLabels` order) its arrow's column, nil when the
    /// chart draws no arrows or the label's span is no two categories of the chart.
    func addArrowColumns(_ sheet: inout ChartSheet, columns: [SeriesColumns]) -> [Int?] {
        let labels = chart.growthLabels
        let count = chart.categories.count
        guard chart.plotType == .columns, chart.growthArrows != nil, let bars = columns.first, let series = chart.series.first,
              count > 0, chart.plot.height > 0 else {
            return labels.map { _ in nil }
        }
        let top = arrowFloor(series, bars: bars)
        let chinese = language == .chinese
        return labels.enumerated().map { k, label in
            guard label.from >= 0, label.from < label.to, label.to < count else { return nil }
            // The scene's line height less the tallest top: the room, rounded so the formula
            // reads cleanly; the cache is what the formula gives.
            let room = ((valueAt(y: label.center.y) - top.value) * 1e6).rounded() / 1e6
            let formula = top.formula + (room < 0 ? "-" + ChartSheet.text(-room) : "+" + ChartSheet.text(room))
            let height = top.value + room
            return sheet.add(chinese ? "CAGR 箭头 \(k + 1)（高度随数据）" : "CAGR arrow \(k + 1) (height follows the data)",
                             (0..<count).map { row in (label.from...label.to).contains(row) ? .formula(formula, height) : .empty })
        }
    }

    /// `MAX(...)` of what the arrows keep above, and its value now: each bar's value plus
    /// its label's rise (`$B$2+312.5`: a blank bar counts as 0, as in Excel and LibreOffice),
    /// the whisker ends drawn as error bars (an edited end may pass the label; a whisker cut
    /// at the clip value is a shape, and its true end would lift the arrows off the plot),
    /// and the shapes' fixed top.
    private func arrowFloor(_ series: NativeChart.Series, bars: SeriesColumns) -> (formula: String, value: Double) {
        let count = chart.categories.count
        let rise = chart.growthArrows?.labelRise ?? []
        /// Rounded to a millionth, so the formula reads 312.5, not 312.50000000000006.
        func tidy(_ v: Double) -> Double { (v * 1e6).rounded() / 1e6 }
        var arguments: [String] = []
        var tops: [Double] = []
        for row in 0..<count {
            let lift = row < rise.count && rise[row].isFinite ? tidy(rise[row]) : 0
            arguments.append("$\(ChartSheet.letters(bars.value))$\(row + 2)" + (lift > 0 ? "+" + ChartSheet.text(lift) : ""))
            let value = row < series.values.count ? series.values[row] ?? 0 : 0
            tops.append((value.isFinite ? value : 0) + lift)
        }
        if let upper = bars.upper, let ends = series.upper {
            // Runs of rows whose whisker is an error bar.
            let letters = ChartSheet.letters(upper)
            var start: Int?
            for row in 0...count {
                let drawn = row < count && !series.errorBarsDrawnAsShapes.contains(row)
                if drawn, start == nil { start = row }
                if !drawn, let first = start {
                    arguments.append("$\(letters)$\(first + 2):$\(letters)$\(row + 1)")
                    start = nil
                }
                if drawn, row < ends.count, let end = ends[row], end.isFinite { tops.append(end) }
            }
        }
        if let fixed = chart.growthArrows?.fixedTop, fixed.isFinite {
            arguments.append(ChartSheet.text(tidy(fixed)))
            tops.append(tidy(fixed))
        }
        return ("MAX(" + arguments.joined(separator: ",") + ")", tops.max() ?? 0)
    }

    /// One arrow: a line in the arrows' stroke with a head at its end, no markers, and as
    /// its only label the ▶ on its last point (see the top of the file).
    func arrowSeries(_ index: Int, sheet: ChartSheet, column: Int, end: Int) -> XMLNode {
        let stroke = chart.growthArrows?.stroke ?? Stroke(color: chart.textColor, width: 1)
        let head = XMLNode("c:dLbl", [], [
            .val("c:idx", end),
            XMLNode("c:tx", [], [XMLNode("c:rich", [], [
                XMLNode("a:bodyPr"), XMLNode("a:lstStyle"),
                XMLNode("a:p", [], [XMLNode("a:r", [], [
                    style.runProperties(size: ChartPart.arrowHeadSize, bold: false, color: stroke.color),
                    XMLNode("a:t", text: ChartPart.arrowHead),
                ])]),
            ])]),
            XMLNode("c:spPr", [], [DrawingML.noFill, XMLNode("a:ln", [], [DrawingML.noFill])]),
            .val("c:dLblPos", "ctr"),
            .val("c:showLegendKey", 0), .val("c:showVal", 1), .val("c:showCatName", 0), .val("c:showSerName", 0),
            .val("c:showPercent", 0), .val("c:showBubbleSize", 0),
        ])
        return XMLNode("c:ser", [], [
            .val("c:idx", index), .val("c:order", index), seriesName(sheet, column: column),
            XMLNode("c:spPr", [], [style.line(stroke, head: true)]),
            XMLNode("c:marker", [], [.val("c:symbol", "none")]),
            XMLNode("c:dLbls", [], [head, .val("c:showLegendKey", 0), .val("c:showVal", 0), .val("c:showCatName", 0),
                                    .val("c:showSerName", 0), .val("c:showPercent", 0), .val("c:showBubbleSize", 0)]),
            XMLNode("c:cat", [], [stringReference(sheet, column: 0)]),
            XMLNode("c:val", [], [numberReference(sheet, column: column, format: chart.numberFormat)]),
            .val("c:smooth", 0),
        ])
    }
}
