// A native chart as a DrawingML chart part (`c:chartSpace`). Each series caches its
// categories and values (so the chart draws without Excel) and references the embedded
// workbook's cells (so "Edit Data" works); both come from one ChartSheet. The plot area is
// a manual layout and the value axis has a fixed minimum and maximum, so a value lands at
// the same point as in the scene and shapes drawn over the chart (CAGR arrows) stay true.

import Charts

struct ChartPart {
    let chart: NativeChart
    let language: DeckLanguage
    /// Axis ids: any positive numbers unique in the part.
    static let categoryAxisID = 500_001, valueAxisID = 500_002

    /// The grid behind the chart: categories, then per series its values and, when it has
    /// them, its error distances (below, above), or for bubbles its x and size.
    func sheet() -> (sheet: ChartSheet, columns: [SeriesColumns]) {
        var sheet = ChartSheet()
        var columns: [SeriesColumns] = []
        if chart.kind == .bubbles {
            for series in chart.series {
                var entry = SeriesColumns()
                entry.x = sheet.add(series.name + " x", (series.xValues ?? []).map(ChartSheet.Cell.number))
                entry.value = sheet.add(series.name, series.values.map(cell))
                entry.size = sheet.add(series.name + " size", (series.sizes ?? []).map(ChartSheet.Cell.number))
                columns.append(entry)
            }
            return (sheet, columns)
        }
        sheet.add("", chart.categories.map(ChartSheet.Cell.text))
        for series in chart.series {
            var entry = SeriesColumns()
            entry.value = sheet.add(series.name, series.values.map(cell))
            if let lower = series.lower, let upper = series.upper {
                // The workbook holds the interval's ends, as the chart's CSV does; the error
                // bars read distances, which are formulas of them, so editing an end in
                // "Edit Data" moves the whisker.
                let chinese = language == .chinese
                let lowerColumn = sheet.add(series.name + (chinese ? "：区间下限" : ": interval lower"), lower.map(cell))
                let upperColumn = sheet.add(series.name + (chinese ? "：区间上限" : ": interval upper"), upper.map(cell))
                let value = ChartSheet.letters(entry.value), low = ChartSheet.letters(lowerColumn)
                let high = ChartSheet.letters(upperColumn)
                func distance(_ k: Int, _ formula: (String) -> String, _ amount: (Double, Double, Double) -> Double) -> ChartSheet.Cell {
                    guard k < series.values.count, let v = series.values[k], let l = lower[k], let u = upper[k] else { return .empty }
                    return .formula(formula(String(k + 2)), max(0, amount(v, l, u)))
                }
                entry.minus = sheet.add(series.name + (chinese ? "：误差线下方" : ": error below"), lower.indices.map { k in
                    distance(k, { "MAX(0,\(value)\($0)-\(low)\($0))" }, { v, l, _ in v - l })
                })
                entry.plus = sheet.add(series.name + (chinese ? "：误差线上方" : ": error above"), upper.indices.map { k in
                    distance(k, { "MAX(0,\(high)\($0)-\(value)\($0))" }, { v, _, u in u - v })
                })
            }
            columns.append(entry)
        }
        return (sheet, columns)
    }

    struct SeriesColumns {
        var value = 0
        var minus: Int?
        var plus: Int?
        var x: Int?
        var size: Int?
    }

    private func cell(_ value: Double?) -> ChartSheet.Cell {
        guard let value, value.isFinite else { return .empty }
        return .number(value)
    }

    func xml(workbookRelationship: String) -> XMLNode {
        let (sheet, columns) = sheet()
        let plotArea = XMLNode("c:plotArea", [], [layout()] + plot(sheet: sheet, columns: columns) + axes()
                               + [XMLNode("c:spPr", [], [DrawingML.noFill, XMLNode("a:ln", [], [DrawingML.noFill])])])
        return XMLNode("c:chartSpace", [("xmlns:c", Namespace.c), ("xmlns:a", Namespace.a), ("xmlns:r", Namespace.r)], [
            .val("c:date1904", 0), .val("c:lang", language.tag), .val("c:roundedCorners", 0),
            XMLNode("c:chart", [], [
                .val("c:autoTitleDeleted", 1), plotArea, .val("c:plotVisOnly", 1), .val("c:dispBlanksAs", "gap"),
            ]),
            XMLNode("c:spPr", [], [DrawingML.noFill, XMLNode("a:ln", [], [DrawingML.noFill])]),
            DrawingML.chartTextProperties(size: chart.axisFontSize, color: chart.textColor, family: chart.fontFamily,
                                          language: language),
            XMLNode("c:externalData", [("r:id", workbookRelationship)], [.val("c:autoUpdate", 0)]),
        ])
    }

    /// The inner plot area as fractions of the chart frame.
    private func layout() -> XMLNode {
        let frame = chart.frame
        func fraction(_ v: Double, _ whole: Double) -> String {
            ChartSheet.text(whole > 0 ? (v / whole * 1e6).rounded() / 1e6 : 0)
        }
        return XMLNode("c:layout", [], [XMLNode("c:manualLayout", [], [
            .val("c:layoutTarget", "inner"), .val("c:xMode", "edge"), .val("c:yMode", "edge"),
            .val("c:x", fraction(chart.plot.minX - frame.minX, frame.width)),
            .val("c:y", fraction(chart.plot.minY - frame.minY, frame.height)),
            .val("c:w", fraction(chart.plot.width, frame.width)),
            .val("c:h", fraction(chart.plot.height, frame.height)),
        ])])
    }

    private func stringReference(_ sheet: ChartSheet, column: Int) -> XMLNode {
        let cells = sheet.columns[column].cells
        var points: [XMLNode] = [.val("c:ptCount", cells.count)]
        for (i, value) in cells.enumerated() {
            if case .text(let text) = value {
                points.append(XMLNode("c:pt", [("idx", String(i))], [XMLNode("c:v", text: text)]))
            }
        }
        return XMLNode("c:strRef", [], [XMLNode("c:f", text: sheet.dataReference(column)),
                                        XMLNode("c:strCache", [], points)])
    }

    private func numberReference(_ sheet: ChartSheet, column: Int, format: String) -> XMLNode {
        let cells = sheet.columns[column].cells
        var points: [XMLNode] = [XMLNode("c:formatCode", text: format), .val("c:ptCount", cells.count)]
        for (i, value) in cells.enumerated() {
            switch value {
            case .number(let number), .formula(_, let number):
                points.append(XMLNode("c:pt", [("idx", String(i))], [XMLNode("c:v", text: ChartSheet.text(number))]))
            case .text, .empty:
                break
            }
        }
        return XMLNode("c:numRef", [], [XMLNode("c:f", text: sheet.dataReference(column)),
                                        XMLNode("c:numCache", [], points)])
    }

    private func seriesName(_ sheet: ChartSheet, column: Int) -> XMLNode {
        XMLNode("c:tx", [], [XMLNode("c:strRef", [], [
            XMLNode("c:f", text: sheet.headerReference(column)),
            XMLNode("c:strCache", [], [.val("c:ptCount", 1), XMLNode("c:pt", [("idx", "0")], [
                XMLNode("c:v", text: sheet.columns[column].header),
            ])]),
        ])])
    }

    private var labelTextProperties: XMLNode {
        DrawingML.chartTextProperties(size: chart.labelFontSize, color: chart.textColor, family: chart.fontFamily,
                                      language: language)
    }

    private func labelFlags(value: Bool, bubbleSize: Bool = false) -> [XMLNode] {
        [.val("c:showLegendKey", 0), .val("c:showVal", value ? 1 : 0), .val("c:showCatName", 0),
         .val("c:showSerName", 0), .val("c:showPercent", 0), .val("c:showBubbleSize", bubbleSize ? 1 : 0)]
    }

    /// Data labels above the bars (or right of horizontal ones), in the chart's number
    /// format; a label the scene lifted (over a whisker) gets the same lift here.
    private func dataLabels(_ series: NativeChart.Series, position: String?) -> XMLNode {
        var children: [XMLNode] = []
        if let lifts = series.labelLift, chart.frame.height > 0 {
            for (i, lift) in lifts.enumerated() where lift > 0.5 && i < series.values.count && series.values[i] != nil {
                let dy = ChartSheet.text((-lift / chart.frame.height * 1e6).rounded() / 1e6)
                var label: [XMLNode] = [.val("c:idx", i),
                                        XMLNode("c:layout", [], [XMLNode("c:manualLayout", [], [.val("c:x", "0"), .val("c:y", dy)])]),
                                        XMLNode("c:numFmt", [("formatCode", chart.numberFormat), ("sourceLinked", "0")]),
                                        XMLNode("c:spPr", [], [DrawingML.noFill, XMLNode("a:ln", [], [DrawingML.noFill])]),
                                        labelTextProperties]
                if let position { label.append(.val("c:dLblPos", position)) }
                children.append(XMLNode("c:dLbl", [], label + labelFlags(value: true)))
            }
        }
        children += [XMLNode("c:numFmt", [("formatCode", chart.numberFormat), ("sourceLinked", "0")]),
                     XMLNode("c:spPr", [], [DrawingML.noFill, XMLNode("a:ln", [], [DrawingML.noFill])]),
                     labelTextProperties]
        if let position { children.append(.val("c:dLblPos", position)) }
        return XMLNode("c:dLbls", [], children + labelFlags(value: true))
    }

    private func errorBars(_ sheet: ChartSheet, _ columns: SeriesColumns, color: Color) -> XMLNode? {
        guard let plus = columns.plus, let minus = columns.minus else { return nil }
        return XMLNode("c:errBars", [], [
            .val("c:errDir", chart.kind == .horizontalBars ? "x" : "y"), .val("c:errBarType", "both"),
            .val("c:errValType", "cust"), .val("c:noEndCap", 0),
            XMLNode("c:plus", [], [numberReference(sheet, column: plus, format: chart.numberFormat)]),
            XMLNode("c:minus", [], [numberReference(sheet, column: minus, format: chart.numberFormat)]),
            XMLNode("c:spPr", [], [DrawingML.line(Stroke(color: color, width: 1))]),
        ])
    }

    private func plot(sheet: ChartSheet, columns: [SeriesColumns]) -> [XMLNode] {
        let axisIDs: [XMLNode] = [.val("c:axId", ChartPart.categoryAxisID), .val("c:axId", ChartPart.valueAxisID)]
        switch chart.kind {
        case .columns, .horizontalBars:
            var nodes: [XMLNode] = [.val("c:barDir", chart.kind == .columns ? "col" : "bar"), .val("c:grouping", "clustered"),
                                    .val("c:varyColors", 0)]
            for (k, series) in chart.series.enumerated() {
                var ser: [XMLNode] = [.val("c:idx", k), .val("c:order", k), seriesName(sheet, column: columns[k].value),
                                      XMLNode("c:spPr", [], [DrawingML.solidFill(series.color), XMLNode("a:ln", [], [DrawingML.noFill])]),
                                      .val("c:invertIfNegative", 0)]
                for point in series.estimatePoints.sorted() {
                    ser.append(XMLNode("c:dPt", [], [
                        .val("c:idx", point), .val("c:invertIfNegative", 0), .val("c:bubble3D", 0),
                        XMLNode("c:spPr", [], [
                            DrawingML.patternFill(foreground: chart.estimatePattern, background: chart.estimateBackground),
                            DrawingML.line(Stroke(color: series.color, width: 0.8)),
                        ]),
                    ]))
                }
                if chart.showsDataLabels { ser.append(dataLabels(series, position: "outEnd")) }
                if let bars = errorBars(sheet, columns[k], color: chart.axisColor) { ser.append(bars) }
                ser.append(XMLNode("c:cat", [], [stringReference(sheet, column: 0)]))
                ser.append(XMLNode("c:val", [], [numberReference(sheet, column: columns[k].value, format: chart.numberFormat)]))
                nodes.append(XMLNode("c:ser", [], ser))
            }
            nodes += [.val("c:gapWidth", chart.gapWidth), .val("c:overlap", chart.series.count > 1 ? -10 : 0)]
            return [XMLNode("c:barChart", [], nodes + axisIDs)]
        case .lines:
            var nodes: [XMLNode] = [.val("c:grouping", "standard"), .val("c:varyColors", 0)]
            for (k, series) in chart.series.enumerated() {
                var line = Stroke(color: series.color, width: series.lineWidth)
                if series.dashed { line.dash = [4, 3] }
                var ser: [XMLNode] = [.val("c:idx", k), .val("c:order", k), seriesName(sheet, column: columns[k].value),
                                      XMLNode("c:spPr", [], [DrawingML.line(line)]),
                                      XMLNode("c:marker", [], [.val("c:symbol", "none")])]
                if chart.showsDataLabels { ser.append(dataLabels(series, position: "t")) }
                ser.append(XMLNode("c:cat", [], [stringReference(sheet, column: 0)]))
                ser.append(XMLNode("c:val", [], [numberReference(sheet, column: columns[k].value, format: chart.numberFormat)]))
                ser.append(.val("c:smooth", 0))
                nodes.append(XMLNode("c:ser", [], ser))
            }
            nodes.append(XMLNode("c:marker", [("val", "1")]))
            return [XMLNode("c:lineChart", [], nodes + axisIDs)]
        case .bubbles:
            var nodes: [XMLNode] = [.val("c:varyColors", 0)]
            for (k, series) in chart.series.enumerated() {
                let entry = columns[k]
                var ser: [XMLNode] = [.val("c:idx", k), .val("c:order", k), seriesName(sheet, column: entry.value),
                                      XMLNode("c:spPr", [], [DrawingML.solidFill(series.color.withAlpha(0.75)),
                                                             DrawingML.line(Stroke(color: .white, width: 0.8))]),
                                      .val("c:invertIfNegative", 0)]
                if let x = entry.x {
                    ser.append(XMLNode("c:xVal", [], [numberReference(sheet, column: x, format: "General")]))
                }
                ser.append(XMLNode("c:yVal", [], [numberReference(sheet, column: entry.value, format: "General")]))
                if let size = entry.size {
                    ser.append(XMLNode("c:bubbleSize", [], [numberReference(sheet, column: size, format: "General")]))
                }
                ser.append(.val("c:bubble3D", 0))
                nodes.append(XMLNode("c:ser", [], ser))
            }
            nodes += [.val("c:bubbleScale", 100), .val("c:showNegBubbles", 0), .val("c:sizeRepresents", "area")]
            return [XMLNode("c:bubbleChart", [], nodes + axisIDs)]
        }
    }

    private func axes() -> [XMLNode] {
        let axisLine = XMLNode("c:spPr", [], [DrawingML.line(Stroke(color: chart.axisColor, width: 1))])
        let hiddenLine = XMLNode("c:spPr", [], [XMLNode("a:ln", [], [DrawingML.noFill])])
        let text = DrawingML.chartTextProperties(size: chart.axisFontSize, color: chart.textColor,
                                                 family: chart.fontFamily, language: language)
        let valueScaling = XMLNode("c:scaling", [], [.val("c:orientation", "minMax"),
                                                     .val("c:max", ChartSheet.text(chart.valueMaximum)),
                                                     .val("c:min", ChartSheet.text(chart.valueMinimum))])
        let gridlines = chart.showsGridlines
            ? [XMLNode("c:majorGridlines", [], [XMLNode("c:spPr", [], [DrawingML.line(Stroke(color: chart.axisColor.withAlpha(0.3), width: 0.5))])])]
            : []
        func valueAxis(id: Int, cross: Int, position: String, scaling: XMLNode, visible: Bool, grid: [XMLNode]) -> XMLNode {
            XMLNode("c:valAx", [], [.val("c:axId", id), scaling, .val("c:delete", visible ? 0 : 1), .val("c:axPos", position)]
                    + grid + [XMLNode("c:numFmt", [("formatCode", chart.numberFormat), ("sourceLinked", "0")]),
                              .val("c:majorTickMark", "none"), .val("c:minorTickMark", "none"),
                              .val("c:tickLblPos", visible ? "nextTo" : "none"), visible ? axisLine : hiddenLine, text,
                              .val("c:crossAx", cross), .val("c:crosses", "autoZero"),
                              .val("c:crossBetween", chart.kind == .columns || chart.kind == .horizontalBars ? "between" : "midCat")])
        }
        if chart.kind == .bubbles {
            let xScaling = XMLNode("c:scaling", [], [.val("c:orientation", "minMax"),
                                                     .val("c:max", ChartSheet.text(chart.xMaximum)),
                                                     .val("c:min", ChartSheet.text(chart.xMinimum))])
            return [valueAxis(id: ChartPart.categoryAxisID, cross: ChartPart.valueAxisID, position: "b", scaling: xScaling,
                              visible: chart.showsValueAxis, grid: []),
                    valueAxis(id: ChartPart.valueAxisID, cross: ChartPart.categoryAxisID, position: "l", scaling: valueScaling,
                              visible: chart.showsValueAxis, grid: gridlines)]
        }
        let horizontal = chart.kind == .horizontalBars
        let category = XMLNode("c:catAx", [], [
            .val("c:axId", ChartPart.categoryAxisID),
            XMLNode("c:scaling", [], [.val("c:orientation", horizontal ? "maxMin" : "minMax")]),
            .val("c:delete", 0), .val("c:axPos", horizontal ? "l" : "b"),
            XMLNode("c:numFmt", [("formatCode", "General"), ("sourceLinked", "0")]),
            .val("c:majorTickMark", "none"), .val("c:minorTickMark", "none"), .val("c:tickLblPos", "nextTo"),
            axisLine, text, .val("c:crossAx", ChartPart.valueAxisID), .val("c:crosses", "autoZero"),
            .val("c:auto", 1), .val("c:lblAlgn", "ctr"), .val("c:lblOffset", 100), .val("c:noMultiLvlLbl", 0),
        ])
        return [category, valueAxis(id: ChartPart.valueAxisID, cross: ChartPart.categoryAxisID,
                                    position: horizontal ? "b" : "l", scaling: valueScaling,
                                    visible: chart.showsValueAxis, grid: gridlines)]
    }
}
