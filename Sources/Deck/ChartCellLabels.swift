// Data labels whose text is a workbook cell ("Value From Cells", Office 2013's
// c15:datalabelsRange): a bound's words before its value ("超过9,000") and the CAGR pills.
// The cells are formulas of the chart's values (the growth rate of the first and last bar,
// the bound's words joined to the value), so when "Edit Data" changes a value, the cell
// and the label change with it. Each label is a rich text holding one CELLRANGE field, as
// PowerPoint writes a label of cell text, with the cells' text cached beside the range
// (c15:dlblRangeCache) so the chart draws without Excel; LibreOffice reads the same cache.

import Charts
import Foundation

extension ChartPart {
    /// The columns behind the CAGR labels: the rate (a formula of the bars' values), the
    /// label's text (a formula of the rate) and the label's height, which is the value of
    /// an invisible line series carrying the labels. One row per label: its anchor category.
    struct GrowthColumns {
        /// The labels' text and height (the rate's column is only read by the text's formulas).
        var text: Int
        var position: Int
        /// Per growth label (in `chart.growthLabels` order): the data row it is anchored on.
        var rows: [Int]
    }

    static let labelRangeExtension = "{02D57815-91ED-43cb-92C2-25804820EDAC}"
    static let labelFlagsExtension = "{CE6537A1-D6FC-4f65-9D91-7224C49458BB}"

    /// A bound's words and its label: the words as text a reader may retype, the label a
    /// formula joining them to the value in the chart's number format. Returns the label's
    /// column, nil when the series has no bound label.
    func addBoundColumns(_ sheet: inout ChartSheet, _ series: NativeChart.Series, value: Int) -> Int? {
        guard !series.boundLabels.isEmpty else { return nil }
        let chinese = language == .chinese
        let count = series.values.count
        let wordsColumn = sheet.columns.count
        let format = ChartSheet.literal(chart.numberFormat)
        sheet.add(series.name + (chinese ? "：界限" : ": bound"), (0..<count).map { row in
            series.boundLabels[row].map { .text($0.words) } ?? .empty
        })
        return sheet.add(series.name + (chinese ? "：数据标签" : ": data label"), (0..<count).map { row in
            guard let label = series.boundLabels[row] else { return .empty }
            return .textFormula("\(ChartSheet.cell(wordsColumn, row: row))&TEXT(\(ChartSheet.cell(value, row: row)),\(format))",
                                label.text)
        })
    }

    /// The CAGR columns, each label anchored on the free category nearest its pill; nil
    /// when the chart has no growth labels or more of them than categories. A pill whose
    /// arrow is a series (`arrows`, per label) is as high as its arrow's line: a reference
    /// to the arrow's first cell, so the pill stays on its arrow when "Edit Data" moves it.
    func addGrowthColumns(_ sheet: inout ChartSheet, value: Int?, arrows: [Int?]) -> GrowthColumns? {
        let labels = chart.growthLabels
        let count = chart.categories.count
        guard chart.plotType == .columns, !labels.isEmpty, labels.count <= count, chart.plot.height > 0, chart.frame.width > 0 else { return nil }
        var rows: [Int] = []
        for label in labels {
            let free = (0..<count).filter { !rows.contains($0) }
            guard let nearest = free.min(by: { abs(categoryCenter($0) - label.center.x) < abs(categoryCenter($1) - label.center.x) })
            else { return nil }
            rows.append(nearest)
        }
        let chinese = language == .chinese
        let rateColumn = sheet.columns.count
        var rates = [ChartSheet.Cell](repeating: .empty, count: count)
        var texts = [ChartSheet.Cell](repeating: .empty, count: count)
        var heights = [ChartSheet.Cell](repeating: .empty, count: count)
        for (k, (label, row)) in zip(labels, rows).enumerated() {
            rates[row] = growthRate(label, value: value)
            if let prefix = label.prefix {
                texts[row] = .textFormula(ChartSheet.literal(prefix) + "&TEXT(\(ChartSheet.cell(rateColumn, row: row)),"
                                          + ChartSheet.literal(ChartSheet.Format.percentCode) + ")", label.text)
            } else {
                texts[row] = .text(label.text)
            }
            if k < arrows.count, let arrow = arrows[k],
               case .formula(_, let height) = sheet.columns[arrow].cells[label.from] {
                heights[row] = .formula(ChartSheet.cell(arrow, row: label.from), height)
            } else {
                heights[row] = .number(valueAt(y: label.center.y))
            }
        }
        sheet.add("CAGR", rates, format: .percent)
        let text = sheet.add(chinese ? "CAGR 标签" : "CAGR label", texts)
        let position = sheet.add(chinese ? "CAGR 标签高度（仅定位）" : "CAGR label height (placement only)", heights)
        return GrowthColumns(text: text, position: position, rows: rows)
    }

    /// The rate's cell: `(last/first)^(1/years)-1` of the bars' values when that is the rate
    /// the pill quotes (its years are the categories between, one per year), else the rate
    /// as a number (a label whose rate is not the bars' growth).
    private func growthRate(_ label: NativeChart.GrowthLabel, value: Int?) -> ChartSheet.Cell {
        guard let value, let values = chart.series.first?.values, label.from >= 0, label.from < label.to,
              label.to < values.count, let first = values[label.from], let last = values[label.to], first > 0, last > 0
        else { return .number(label.rate) }
        let years = label.to - label.from
        let computed = pow(last / first, 1 / Double(years)) - 1
        guard computed.isFinite, abs(computed - label.rate) <= 1e-9 * max(1, abs(label.rate)) else { return .number(label.rate) }
        let formula = "(\(ChartSheet.cell(value, row: label.to))/\(ChartSheet.cell(value, row: label.from)))^(1/\(years))-1"
        return .formula(formula, computed)
    }

    /// The centre of category `index` on the page (bars and lines sit between ticks).
    func categoryCenter(_ index: Int) -> Double {
        chart.plot.minX + chart.plot.width * (Double(index) + 0.5) / Double(max(1, chart.categories.count))
    }

    /// The value the pinned axis puts at page height `y`.
    func valueAt(y: Double) -> Double {
        let fraction = (chart.plot.maxY - y) / chart.plot.height
        let value = chart.valueMinimum + fraction * (chart.valueMaximum - chart.valueMinimum)
        return (value * 1e6).rounded() / 1e6
    }

    /// The series' labels range and its cached text, the last thing in a `c:ser`.
    func labelRange(_ sheet: ChartSheet, column: Int) -> XMLNode {
        let cells = sheet.columns[column].cells
        var points: [XMLNode] = [.val("c:ptCount", cells.count)]
        for (i, cell) in cells.enumerated() {
            switch cell {
            case .text(let text), .textFormula(_, let text):
                points.append(XMLNode("c:pt", [("idx", String(i))], [XMLNode("c:v", text: text)]))
            case .number, .formula, .empty:
                break
            }
        }
        return XMLNode("c:extLst", [], [XMLNode("c:ext", [("uri", ChartPart.labelRangeExtension), ("xmlns:c15", Namespace.c15)], [
            XMLNode("c15:datalabelsRange", [], [XMLNode("c15:f", text: sheet.dataReference(column)),
                                                XMLNode("c15:dlblRangeCache", [], points)]),
        ])])
    }

    /// Whether a label shows its cell's text (at the end of a `c:dLbl` or `c:dLbls`). The
    /// extension holds this one flag (the validator allows one child per extension).
    static func showsCellText(_ shows: Bool) -> XMLNode {
        XMLNode("c:extLst", [], [XMLNode("c:ext", [("uri", ChartPart.labelFlagsExtension), ("xmlns:c15", Namespace.c15)],
                                         [.val("c15:showDataLabelsRange", shows ? 1 : 0)])])
    }

    /// One point's label reading its cell: a rich text of one CELLRANGE field (PowerPoint
    /// fills it from the range, LibreOffice from the cache), moved by `dx`, `dy` (fractions
    /// of the chart) from its default place.
    func cellLabel(index: Int, field: Int, dx: Double, dy: Double, fill: Color?, padding: Size? = nil, size: Double,
                   color: Color, bold: Bool, position: String?) -> XMLNode {
        func fraction(_ v: Double) -> String { ChartSheet.text((v * 1e6).rounded() / 1e6) }
        // Field ids are GUIDs; a fixed one per label keeps the bytes the same run to run.
        let id = "{5A3C9E1D-7B2F-4C6A-9D8E-" + String(String(field + 1, radix: 16, uppercase: true).suffix(12))
            .leftPadded(to: 12) + "}"
        let shape: [XMLNode] = fill.map { fill in
            // The pill: a rounded box in the accent colour (LibreOffice draws it square).
            [XMLNode("a:prstGeom", [("prst", "roundRect")], [XMLNode("a:avLst")]), style.solidFill(fill),
             XMLNode("a:ln", [], [DrawingML.noFill])]
        } ?? [DrawingML.noFill, XMLNode("a:ln", [], [DrawingML.noFill])]
        var label: [XMLNode] = [
            .val("c:idx", index),
            XMLNode("c:layout", [], [XMLNode("c:manualLayout", [], [.val("c:x", fraction(dx)), .val("c:y", fraction(dy))])]),
            XMLNode("c:tx", [], [XMLNode("c:rich", [], [
                XMLNode("a:bodyPr", padding.map { padding in
                    let x = String(DrawingML.emu(padding.width)), y = String(DrawingML.emu(padding.height))
                    return [("lIns", x), ("tIns", y), ("rIns", x), ("bIns", y)]
                } ?? []),
                XMLNode("a:lstStyle"),
                XMLNode("a:p", [], [XMLNode("a:fld", [("id", id), ("type", "CELLRANGE")], [
                    style.runProperties(size: size, bold: bold, color: color), XMLNode("a:pPr"),
                    XMLNode("a:t", text: "[CELLRANGE]"),
                ])]),
            ])]),
            XMLNode("c:spPr", [], shape),
        ]
        if let position { label.append(.val("c:dLblPos", position)) }
        label += [.val("c:showLegendKey", 0), .val("c:showVal", 0), .val("c:showCatName", 0), .val("c:showSerName", 0),
                  .val("c:showPercent", 0), .val("c:showBubbleSize", 0)]
        return XMLNode("c:dLbl", [], label + [ChartPart.showsCellText(true)])
    }

    /// The invisible line series that carries the CAGR pills: its values are the pills'
    /// heights, its labels the CAGR cells' text, each moved sideways to its pill's centre.
    func growthSeries(_ index: Int, sheet: ChartSheet, growth: GrowthColumns) -> XMLNode {
        var labels: [XMLNode] = []
        for (k, (label, row)) in zip(chart.growthLabels, growth.rows).enumerated().sorted(by: { $0.element.1 < $1.element.1 }) {
            labels.append(cellLabel(index: row, field: k, dx: (label.center.x - categoryCenter(row)) / chart.frame.width, dy: 0,
                                    fill: label.fill, padding: label.padding, size: label.fontSize, color: label.textColor, bold: true, position: "ctr"))
        }
        let flags: [XMLNode] = [.val("c:showLegendKey", 0), .val("c:showVal", 0), .val("c:showCatName", 0),
                                .val("c:showSerName", 0), .val("c:showPercent", 0), .val("c:showBubbleSize", 0)]
        return XMLNode("c:ser", [], [
            .val("c:idx", index), .val("c:order", index), seriesName(sheet, column: growth.position),
            XMLNode("c:spPr", [], [XMLNode("a:ln", [], [DrawingML.noFill])]),
            XMLNode("c:marker", [], [.val("c:symbol", "none")]),
            XMLNode("c:dLbls", [], labels + flags + [ChartPart.showsCellText(false)]),
            XMLNode("c:cat", [], [stringReference(sheet, column: 0)]),
            XMLNode("c:val", [], [numberReference(sheet, column: growth.position, format: "General")]),
            .val("c:smooth", 0),
            labelRange(sheet, column: growth.text),
        ])
    }
}

private extension String {
    func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
