// A native chart as a DrawingML chart part (`c:chartSpace`). Each series caches its
// categories and values (so the chart draws without Excel) and references the embedded
// workbook's cells (so "Edit Data" works); both come from one ChartSheet. The plot area is
// a manual layout and the value axis has a fixed minimum and, when shapes drawn over the
// chart or the CAGR arrows' rises need it, a fixed maximum, so a value lands at the same
// point as in the scene. Labels that read workbook cells (the CAGR pills, a bound's words)
// are ChartCellLabels'; the CAGR arrows, series whose heights are formulas, are
// ChartGrowthArrows'; legend entries that are no series, ChartLegendKeys'.

import Charts

struct ChartPart {
    let chart: NativeChart
    let style: DeckStyle
    var language: DeckLanguage { style.language }
    /// Axis ids: any positive numbers unique in the part.
    static let categoryAxisID = 500_001, valueAxisID = 500_002

    /// The grid and where the chart's parts read it.
    struct Grid {
        var sheet: ChartSheet
        var columns: [SeriesColumns]
        var band: BandColumns? = nil
        var growth: GrowthColumns? = nil
        /// Per growth label: its arrow's column (ChartGrowthArrows), nil when it has none.
        var arrows: [Int?] = []
        /// Per legend key (ChartLegendKeys), in `legendKeys` order: its empty column.
        var keys: [Int] = []
    }

    /// The grid behind the chart: categories, then per series its values and, when it has
    /// them, its error distances (below, above) and bound labels, or for bubbles its x and
    /// size; then the CAGR labels' cells, the band's and the axis note.
    func sheet() -> Grid {
        var sheet = ChartSheet()
        var columns: [SeriesColumns] = []
        if chart.plotType == .bubbles {
            // Column A names each bubble (the industry), so "Edit Data" shows whose numbers
            // they are; x and size are headed by what they measure.
            sheet.add("", chart.categories.map(ChartSheet.Cell.text))
            for series in chart.series {
                var entry = SeriesColumns()
                entry.x = sheet.add(chart.xTitle ?? series.name + " x", (series.xValues ?? []).map(ChartSheet.Cell.number))
                entry.value = sheet.add(series.name, series.values.map(cell))
                entry.size = sheet.add(chart.sizeTitle ?? series.name + " size", (series.sizes ?? []).map(ChartSheet.Cell.number))
                columns.append(entry)
            }
            return Grid(sheet: sheet, columns: columns)
        }
        sheet.add("", chart.categories.map(ChartSheet.Cell.text))
        for series in chart.series {
            var entry = SeriesColumns()
            entry.value = sheet.add(series.name, series.values.map(cell))
            if let lower = series.lower, let upper = series.upper {
                // The error bars read distances, formulas of the interval's ends (which the
                // workbook holds, as the chart's CSV does), so editing an end in "Edit Data"
                // moves the whisker. The distances sit right after the values and are the
                // values of two invisible series of the chart: a rewrite of the sheet that
                // keeps the chart's series (PowerPoint's Edit Data, python-pptx's
                // replace_data) keeps the columns the error bars read.
                let chinese = language == .chinese
                let next = sheet.columns.count
                let value = ChartSheet.letters(entry.value), low = ChartSheet.letters(next + 2)
                let high = ChartSheet.letters(next + 3)
                func distance(_ k: Int, _ formula: (String) -> String, _ amount: (Double, Double, Double) -> Double) -> ChartSheet.Cell {
                    guard k < series.values.count, !series.errorBarsDrawnAsShapes.contains(k),
                          let v = series.values[k], let l = lower[k], let u = upper[k] else { return .empty }
                    return .formula(formula(String(k + 2)), max(0, amount(v, l, u)))
                }
                entry.minus = sheet.add(series.name + (chinese ? "：误差线下方" : ": error below"), lower.indices.map { k in
                    distance(k, { "MAX(0,\(value)\($0)-\(low)\($0))" }, { v, l, _ in v - l })
                })
                entry.plus = sheet.add(series.name + (chinese ? "：误差线上方" : ": error above"), upper.indices.map { k in
                    distance(k, { "MAX(0,\(high)\($0)-\(value)\($0))" }, { v, _, u in u - v })
                })
                sheet.add(series.name + (chinese ? "：区间下限" : ": interval lower"), lower.map(cell))
                entry.upper = sheet.add(series.name + (chinese ? "：区间上限" : ": interval upper"), upper.map(cell))
            }
            entry.boundLabel = addBoundColumns(&sheet, series, value: entry.value)
            columns.append(entry)
        }
        var grid = Grid(sheet: sheet, columns: columns)
        grid.keys = addKeyColumns(&sheet)
        grid.arrows = addArrowColumns(&sheet, columns: columns)
        grid.growth = addGrowthColumns(&sheet, value: columns.first?.value, arrows: grid.arrows)
        if let band = chart.band {
            let chinese = language == .chinese
            let lower = sheet.add(band.name + (chinese ? "：下限" : ": lower"), band.lower.map(cell))
            let upper = sheet.add(band.name + (chinese ? "：上限" : ": upper"), band.upper.map(cell))
            let low = ChartSheet.letters(lower), high = ChartSheet.letters(upper)
            // The width series is what the legend shows: headed by the band's own name.
            let width = sheet.add(band.name, band.lower.indices.map { k in
                guard k < band.upper.count, let l = band.lower[k], let u = band.upper[k], l.isFinite, u.isFinite else { return .empty }
                return .formula("MAX(0,\(high)\(k + 2)-\(low)\(k + 2))", max(0, u - l))
            })
            grid.band = BandColumns(lower: lower, width: width, color: band.color)
        }
        if hasAxisNote, let roles = chart.axisPinnedFor {
            // Why the axis maximum is fixed, where the analyst editing the data sees it.
            let chinese = language == .chinese
            let maximum = ChartSheet.text((chart.valueMaximum * 100).rounded() / 100)
            var things: [String] = []
            for role in roles {
                let thing = ChartPart.overlayName(role, chinese: chinese)
                if !things.contains(thing) { things.append(thing) }
            }
            let why = chinese
                ? "坐标轴上限固定为 \(maximum)：图上的\(things.joined(separator: "、"))按此刻度绘制；数值超过上限时请在“设置坐标轴格式”中调整，或用 marketcast run --update 重画"
                : "The value axis maximum is fixed at \(maximum): the \(things.joined(separator: ", ")) over the chart are drawn to this scale; for a value above it, change the axis bounds or redraw with marketcast run --update"
            sheet.add(chinese ? "说明" : "Note", [.text(why)])
        }
        grid.sheet = sheet
        return grid
    }

    /// A pinned axis (other than a bubble chart's) gets a note column in the workbook.
    var hasAxisNote: Bool { chart.axisPinnedFor != nil && chart.plotType != .bubbles }

    /// What a scene role over the chart is, in words.
    static func overlayName(_ role: String, chinese: Bool) -> String {
        switch role {
        case _ where role.hasPrefix("cagr-"):
            return chinese ? "CAGR 箭头（其高出标签的距离）" : "CAGR arrows (their room above the labels)"
        case _ where role.hasPrefix("bound-"): return chinese ? "出版方下限标记" : "publisher bound marks"
        case _ where role.hasPrefix("interval-clip"): return chinese ? "截断的误差线" : "cut whiskers"
        case "end-label", "label-leader", "end-leader": return chinese ? "线末标签" : "end labels"
        case "marker": return chinese ? "出版方预测标记" : "publisher forecast marks"
        case "milestone", "milestone-label", "milestone-dot", "gap-label", "missing-label":
            return chinese ? "里程碑与缺口标注" : "milestone and gap notes"
        default: return role
        }
    }

    struct BandColumns {
        var lower: Int
        var width: Int
        var color: Color
    }

    struct SeriesColumns {
        var value = 0
        var minus: Int?
        var plus: Int?
        var x: Int?
        var size: Int?
        /// The interval's upper ends (the CAGR arrows keep above the whiskers they draw).
        var upper: Int?
        /// The bound labels' text (a formula of the words and the value), read by the labels.
        var boundLabel: Int?
    }

    private func cell(_ value: Double?) -> ChartSheet.Cell {
        guard let value, value.isFinite else { return .empty }
        return .number(value)
    }

    /// The chart part over `grid` (from `sheet()`, the same grid the workbook holds).
    func xml(workbookRelationship: String, grid: Grid) -> XMLNode {
        let plotted = plot(grid)
        let plotArea = XMLNode("c:plotArea", [], [layout()] + plotted.charts + axes()
                               + [XMLNode("c:spPr", [], [DrawingML.noFill, XMLNode("a:ln", [], [DrawingML.noFill])])])
        return XMLNode("c:chartSpace", [("xmlns:c", Namespace.c), ("xmlns:a", Namespace.a), ("xmlns:r", Namespace.r)], [
            .val("c:date1904", 0), .val("c:lang", language.tag), .val("c:roundedCorners", 0),
            // Blanks are gaps: a line's missing month stays missing; a CAGR arrow has no blank
            // between its ends, so it needs no other rule.
            XMLNode("c:chart", [], [.val("c:autoTitleDeleted", 1), plotArea] + legend(hiding: plotted.helpers)
                    + [.val("c:plotVisOnly", 1), .val("c:dispBlanksAs", "gap")]),
            XMLNode("c:spPr", [], [DrawingML.noFill, XMLNode("a:ln", [], [DrawingML.noFill])]),
            style.chartTextProperties(size: chart.axisFontSize, color: chart.textColor),
            XMLNode("c:externalData", [("r:id", workbookRelationship)], [.val("c:autoUpdate", 0)]),
        ])
    }

    /// A native legend where the scene had its legend: every series and the band's width,
    /// not the band's invisible lower edge nor the series that only carry something else
    /// (`hiding`: error distances, the pills' carrier, the CAGR arrows).
    private func legend(hiding helpers: Range<Int>) -> [XMLNode] {
        guard chart.nativeLegend, let box = chart.legendFrame, chart.frame.width > 0, chart.frame.height > 0 else { return [] }
        func fraction(_ v: Double, _ whole: Double) -> String { ChartSheet.text((v / whole * 1e6).rounded() / 1e6) }
        var entries: [XMLNode] = []
        if chart.band != nil {
            entries.append(XMLNode("c:legendEntry", [], [.val("c:idx", 0), .val("c:delete", 1)]))
        }
        for index in helpers {
            entries.append(XMLNode("c:legendEntry", [], [.val("c:idx", index), .val("c:delete", 1)]))
        }
        return [XMLNode("c:legend", [], [.val("c:legendPos", "t")] + entries + [
            // Its top left where the scene's legend starts; its size the reader's own, since
            // readers set entries wider than the scene and would drop what does not fit.
            XMLNode("c:layout", [], [XMLNode("c:manualLayout", [], [
                .val("c:xMode", "edge"), .val("c:yMode", "edge"),
                .val("c:x", fraction(box.minX - chart.frame.minX, chart.frame.width)),
                .val("c:y", fraction(box.minY - chart.frame.minY, chart.frame.height)),
            ])]),
            .val("c:overlay", 0),
            XMLNode("c:spPr", [], [DrawingML.noFill, XMLNode("a:ln", [], [DrawingML.noFill])]),
            style.chartTextProperties(size: chart.legendFontSize, color: chart.textColor),
        ])]
    }

    /// Series indices start after the band's two and the legend's box keys.
    private var seriesOffset: Int { (chart.band == nil ? 0 : 2) + boxKeys.count }

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

    func stringReference(_ sheet: ChartSheet, column: Int) -> XMLNode {
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

    func numberReference(_ sheet: ChartSheet, column: Int, format: String) -> XMLNode {
        let cells = sheet.columns[column].cells
        var points: [XMLNode] = [XMLNode("c:formatCode", text: format), .val("c:ptCount", cells.count)]
        for (i, value) in cells.enumerated() {
            switch value {
            case .number(let number), .formula(_, let number):
                points.append(XMLNode("c:pt", [("idx", String(i))], [XMLNode("c:v", text: ChartSheet.text(number))]))
            case .text, .textFormula, .empty:
                break
            }
        }
        return XMLNode("c:numRef", [], [XMLNode("c:f", text: sheet.dataReference(column)),
                                        XMLNode("c:numCache", [], points)])
    }

    func seriesName(_ sheet: ChartSheet, column: Int) -> XMLNode {
        XMLNode("c:tx", [], [XMLNode("c:strRef", [], [
            XMLNode("c:f", text: sheet.headerReference(column)),
            XMLNode("c:strCache", [], [.val("c:ptCount", 1), XMLNode("c:pt", [("idx", "0")], [
                XMLNode("c:v", text: sheet.columns[column].header),
            ])]),
        ])])
    }

    private var labelTextProperties: XMLNode { labelTextProperties(color: chart.textColor) }

    private func labelTextProperties(color: Color) -> XMLNode {
        style.chartTextProperties(size: chart.labelFontSize, color: color, bold: chart.labelBold)
    }

    private func labelFlags(value: Bool, bubbleSize: Bool = false) -> [XMLNode] {
        [.val("c:showLegendKey", 0), .val("c:showVal", value ? 1 : 0), .val("c:showCatName", 0),
         .val("c:showSerName", 0), .val("c:showPercent", 0), .val("c:showBubbleSize", bubbleSize ? 1 : 0)]
    }

    /// Data labels above the bars (or right of horizontal ones), in the chart's number
    /// format; a label the scene lifted (over a whisker) gets the same lift here.
    /// A bound's label reads its cell (the words and the value, see ChartCellLabels).
    private func dataLabels(_ series: NativeChart.Series, position: String?, readsCells: Bool = false) -> XMLNode {
        var children: [XMLNode] = []
        let lifts = series.labelLift ?? []
        let cellLabels = readsCells ? Set(series.boundLabels.keys) : []
        let special = cellLabels.union(series.pointLabelColors.keys)
            .union(lifts.indices.filter { lifts[$0] > 0.5 })
        if chart.frame.height > 0 {
            for i in special.sorted() where i < series.values.count && series.values[i] != nil {
                let lift = i < lifts.count && lifts[i] > 0.5 ? lifts[i] : 0
                if cellLabels.contains(i) {
                    children.append(cellLabel(index: i, field: chart.growthLabels.count + i, dx: 0,
                                              dy: -lift / chart.frame.height, fill: nil, size: chart.labelFontSize,
                                              color: series.pointLabelColors[i] ?? chart.textColor, bold: chart.labelBold,
                                              position: position))
                    continue
                }
                let dy = ChartSheet.text((-lift / chart.frame.height * 1e6).rounded() / 1e6)
                var label: [XMLNode] = [.val("c:idx", i),
                                        XMLNode("c:layout", [], [XMLNode("c:manualLayout", [], [.val("c:x", "0"), .val("c:y", dy)])]),
                                        XMLNode("c:numFmt", [("formatCode", chart.numberFormat), ("sourceLinked", "0")]),
                                        XMLNode("c:spPr", [], [DrawingML.noFill, XMLNode("a:ln", [], [DrawingML.noFill])]),
                                        labelTextProperties(color: series.pointLabelColors[i] ?? chart.textColor)]
                if let position { label.append(.val("c:dLblPos", position)) }
                children.append(XMLNode("c:dLbl", [], label + labelFlags(value: true)))
            }
        }
        children += [XMLNode("c:numFmt", [("formatCode", chart.numberFormat), ("sourceLinked", "0")]),
                     XMLNode("c:spPr", [], [DrawingML.noFill, XMLNode("a:ln", [], [DrawingML.noFill])]),
                     labelTextProperties]
        if let position { children.append(.val("c:dLblPos", position)) }
        // A label lifted off its bar gets no leader line (LibreOffice would draw one).
        return XMLNode("c:dLbls", [], children + labelFlags(value: true) + [.val("c:showLeaderLines", 0)]
                       + (cellLabels.isEmpty ? [] : [ChartPart.showsCellText(false)]))
    }

    private func errorBars(_ sheet: ChartSheet, _ columns: SeriesColumns, color: Color) -> XMLNode? {
        guard let plus = columns.plus, let minus = columns.minus else { return nil }
        return XMLNode("c:errBars", [], [
            .val("c:errDir", chart.plotType == .horizontalBars ? "x" : "y"), .val("c:errBarType", "both"),
            .val("c:errValType", "cust"), .val("c:noEndCap", 0),
            XMLNode("c:plus", [], [numberReference(sheet, column: plus, format: chart.numberFormat)]),
            XMLNode("c:minus", [], [numberReference(sheet, column: minus, format: chart.numberFormat)]),
            XMLNode("c:spPr", [], [style.line(Stroke(color: color, width: 1))]),
        ])
    }

    private func solidPoint(_ index: Int, _ color: Color, bubble: Bool, outline: Stroke? = nil) -> XMLNode {
        let line = outline.map { style.line($0) }
            ?? (bubble ? style.line(Stroke(color: .white, width: 0.8)) : XMLNode("a:ln", [], [DrawingML.noFill]))
        return XMLNode("c:dPt", [], [.val("c:idx", index), .val("c:invertIfNegative", 0), .val("c:bubble3D", 0),
                                     XMLNode("c:spPr", [], [style.solidFill(color), line])])
    }

    /// Forecasts run to the end of the series: the series' own fill is then the estimate
    /// pattern and the actual years are the exceptions, so a year the analyst adds after
    /// the last (a new "E" year) is hatched by the same rule.
    static func estimatesEndTheSeries(_ series: NativeChart.Series) -> Bool {
        guard let first = series.estimatePoints.min() else { return false }
        return series.estimatePoints.count == series.values.count - first
    }

    private func barSeries(_ k: Int, _ series: NativeChart.Series, sheet: ChartSheet, columns: SeriesColumns) -> XMLNode {
        let estimateFill = XMLNode("c:spPr", [], [
            style.patternFill(foreground: chart.estimatePattern, background: chart.estimateBackground),
            style.line(Stroke(color: series.color, width: 0.8)),
        ])
        let hatchedByDefault = ChartPart.estimatesEndTheSeries(series)
        var ser: [XMLNode] = [.val("c:idx", k + seriesOffset), .val("c:order", k + seriesOffset), seriesName(sheet, column: columns.value),
                              hatchedByDefault ? estimateFill
                                  : XMLNode("c:spPr", [], [style.solidFill(series.color), XMLNode("a:ln", [], [DrawingML.noFill])]),
                              .val("c:invertIfNegative", 0)]
        let actuals = hatchedByDefault ? Set(series.values.indices).subtracting(series.estimatePoints) : []
        for point in Set(series.estimatePoints).union(series.pointColors.keys).union(actuals).sorted() {
            if series.estimatePoints.contains(point) {
                guard !hatchedByDefault || series.pointColors[point] != nil else { continue }
                ser.append(XMLNode("c:dPt", [], [
                    .val("c:idx", point), .val("c:invertIfNegative", 0), .val("c:bubble3D", 0), estimateFill,
                ]))
            } else {
                ser.append(solidPoint(point, series.pointColors[point] ?? series.color, bubble: false,
                                      outline: series.pointOutlines[point]))
            }
        }
        if chart.showsDataLabels { ser.append(dataLabels(series, position: "outEnd", readsCells: columns.boundLabel != nil)) }
        if let bars = errorBars(sheet, columns, color: chart.axisColor) { ser.append(bars) }
        ser.append(XMLNode("c:cat", [], [stringReference(sheet, column: 0)]))
        ser.append(XMLNode("c:val", [], [numberReference(sheet, column: columns.value, format: chart.numberFormat)]))
        if chart.showsDataLabels, let labels = columns.boundLabel { ser.append(labelRange(sheet, column: labels)) }
        return XMLNode("c:ser", [], ser)
    }

    private func lineSeries(_ k: Int, _ series: NativeChart.Series, sheet: ChartSheet, columns: SeriesColumns) -> XMLNode {
        var line = Stroke(color: series.color, width: series.lineWidth)
        if series.dashed { line.dash = [4, 3] }
        let marker = series.markers
            ? XMLNode("c:marker", [], [.val("c:symbol", "circle"), .val("c:size", 5),
                                       XMLNode("c:spPr", [], [style.solidFill(.white),
                                                              style.line(Stroke(color: series.color, width: 1.2))])])
            : XMLNode("c:marker", [], [.val("c:symbol", "none")])
        var ser: [XMLNode] = [.val("c:idx", k + seriesOffset), .val("c:order", k + seriesOffset), seriesName(sheet, column: columns.value),
                              XMLNode("c:spPr", [], [style.line(line)]), marker]
        if chart.showsDataLabels && chart.plotType == .lines { ser.append(dataLabels(series, position: "t")) }
        ser.append(XMLNode("c:cat", [], [stringReference(sheet, column: 0)]))
        ser.append(XMLNode("c:val", [], [numberReference(sheet, column: columns.value, format: chart.numberFormat)]))
        ser.append(.val("c:smooth", 0))
        return XMLNode("c:ser", [], ser)
    }

    /// A series that draws nothing (no line, no marker, no label): it only keeps its column
    /// among the chart's series, where the error bars read it.
    private func invisibleSeries(_ index: Int, column: Int, sheet: ChartSheet) -> XMLNode {
        XMLNode("c:ser", [], [
            .val("c:idx", index), .val("c:order", index), seriesName(sheet, column: column),
            XMLNode("c:spPr", [], [XMLNode("a:ln", [], [DrawingML.noFill])]),
            XMLNode("c:marker", [], [.val("c:symbol", "none")]),
            XMLNode("c:cat", [], [stringReference(sheet, column: 0)]),
            XMLNode("c:val", [], [numberReference(sheet, column: column, format: chart.numberFormat)]),
            .val("c:smooth", 0),
        ])
    }

    /// The band as a stacked area: its lower edge without fill, its width (a formula of
    /// the two edges) filled on top.
    private func bandChart(sheet: ChartSheet, band: BandColumns, axisIDs: [XMLNode]) -> XMLNode {
        func series(_ index: Int, column: Int, fill: XMLNode) -> XMLNode {
            XMLNode("c:ser", [], [.val("c:idx", index), .val("c:order", index), seriesName(sheet, column: column),
                                  XMLNode("c:spPr", [], [fill, XMLNode("a:ln", [], [DrawingML.noFill])]),
                                  XMLNode("c:cat", [], [stringReference(sheet, column: 0)]),
                                  XMLNode("c:val", [], [numberReference(sheet, column: column, format: chart.numberFormat)])])
        }
        // The band's two series come first (index 0 and 1): a legend entry's index then
        // means the same series whether a reader counts series indices (PowerPoint) or
        // entries in plot order (LibreOffice), and entry 0, the invisible edge, is hidden.
        let base = 0
        return XMLNode("c:areaChart", [], [
            .val("c:grouping", "stacked"), .val("c:varyColors", 0),
            series(base, column: band.lower, fill: DrawingML.noFill),
            series(base + 1, column: band.width, fill: style.solidFill(band.color)),
        ] + axisIDs)
    }

    /// The chart's plots, and the indices of the series that only carry something else
    /// (after every drawn series, so an index means the same in PowerPoint and LibreOffice).
    private func plot(_ grid: Grid) -> (charts: [XMLNode], helpers: Range<Int>) {
        let sheet = grid.sheet, columns = grid.columns
        let axisIDs: [XMLNode] = [.val("c:axId", ChartPart.categoryAxisID), .val("c:axId", ChartPart.valueAxisID)]
        var charts: [XMLNode] = []
        var helpers = 0..<0
        let keyed = Array(zip(legendKeys, grid.keys))
        let boxes = keyed.filter { if case .box = $0.0.swatch { return true } else { return false } }
        let keyLines = keyed.filter { if case .line = $0.0.swatch { return true } else { return false } }
        if let band = grid.band { charts.append(bandChart(sheet: sheet, band: band, axisIDs: axisIDs)) }
        switch chart.plotType {
        case .columns, .horizontalBars:
            let bars = chart.series.indices.filter { !chart.series[$0].asLine }
            let lines = chart.series.indices.filter { chart.series[$0].asLine }
            var nodes: [XMLNode] = [.val("c:barDir", chart.plotType == .columns ? "col" : "bar"), .val("c:grouping", "clustered"),
                                    .val("c:varyColors", 0)]
            // The legend's box keys first (ChartLegendKeys), on the bars' place (overlap 100):
            // they have no values, so the bars keep their width and place.
            let first = chart.band == nil ? 0 : 2
            nodes += boxes.enumerated().map { k, entry in keySeries(first + k, key: entry.0, column: entry.1, sheet: sheet) }
            nodes += bars.map { barSeries($0, chart.series[$0], sheet: sheet, columns: columns[$0]) }
            nodes += [.val("c:gapWidth", chart.gapWidth), .val("c:overlap", boxes.isEmpty ? (bars.count > 1 ? -10 : 0) : 100)]
            charts.append(XMLNode("c:barChart", [], nodes + axisIDs))
            // The legend's line keys after the chart's own lines (ChartLegendKeys).
            let keyNodes = keyLines.enumerated().map { k, entry in
                keySeries(seriesOffset + chart.series.count + k, key: entry.0, column: entry.1, sheet: sheet)
            }
            // Vertical bars with error bars: their distances as invisible line series (see sheet()).
            var hidden: [XMLNode] = []
            if chart.plotType == .columns {
                var index = seriesOffset + chart.series.count + keyLines.count
                for k in bars {
                    for column in [columns[k].minus, columns[k].plus].compactMap({ $0 }) {
                        hidden.append(invisibleSeries(index, column: column, sheet: sheet))
                        index += 1
                    }
                }
                // The CAGR pills ride on one more invisible series (see ChartCellLabels).
                if let growth = grid.growth {
                    hidden.append(growthSeries(index, sheet: sheet, growth: growth))
                    index += 1
                }
                // And each CAGR arrow is a line of its own (see ChartGrowthArrows).
                for (label, column) in zip(chart.growthLabels, grid.arrows) {
                    guard let column else { continue }
                    hidden.append(arrowSeries(index, sheet: sheet, column: column, end: label.to))
                    index += 1
                }
                helpers = seriesOffset + chart.series.count + keyLines.count..<index
            }
            if !lines.isEmpty || !keyNodes.isEmpty || !hidden.isEmpty {
                charts.append(XMLNode("c:lineChart", [], [.val("c:grouping", "standard"), .val("c:varyColors", 0)]
                                      + lines.map { lineSeries($0, chart.series[$0], sheet: sheet, columns: columns[$0]) }
                                      + keyNodes + hidden + [.val("c:marker", 1)] + axisIDs))
            }
        case .lines:
            charts.append(XMLNode("c:lineChart", [], [.val("c:grouping", "standard"), .val("c:varyColors", 0)]
                                  + chart.series.indices.map { lineSeries($0, chart.series[$0], sheet: sheet, columns: columns[$0]) }
                                  + [.val("c:marker", 1)] + axisIDs))
        case .bubbles:
            var nodes: [XMLNode] = [.val("c:varyColors", 0)]
            for (k, series) in chart.series.enumerated() {
                let entry = columns[k]
                var ser: [XMLNode] = [.val("c:idx", k), .val("c:order", k), seriesName(sheet, column: entry.value),
                                      XMLNode("c:spPr", [], [style.solidFill(series.color),
                                                             style.line(Stroke(color: .white, width: 0.8))]),
                                      .val("c:invertIfNegative", 0)]
                ser += series.pointColors.keys.sorted().map { solidPoint($0, series.pointColors[$0]!, bubble: true) }
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
            // PowerPoint draws the largest bubble a quarter of the plot's shorter side across
            // at scale 100; the scene's radius fraction sets the scale.
            let scale = Int(min(300, max(0, chart.largestBubbleRadius / 0.125 * 100)).rounded())
            nodes += [.val("c:bubbleScale", scale), .val("c:showNegBubbles", 0), .val("c:sizeRepresents", "area")]
            charts.append(XMLNode("c:bubbleChart", [], nodes + axisIDs))
        }
        return (charts, helpers)
    }

    /// The tick labels' format: the chart's, without decimals when every tick is a whole
    /// number (the scene prints 20, not 20.0).
    static func axisFormat(_ format: String, step: Double?) -> String {
        guard let step, step.isFinite, step > 0, step == step.rounded() else { return format }
        var out = ""
        var skipping = false
        for character in format {
            if character == "." { skipping = true; continue }
            if skipping, character == "0" || character == "#" { continue }
            skipping = false
            out.append(character)
        }
        return out
    }

    private func axes() -> [XMLNode] {
        let axisLine = XMLNode("c:spPr", [], [style.line(Stroke(color: chart.axisColor, width: 1))])
        let hiddenLine = XMLNode("c:spPr", [], [XMLNode("a:ln", [], [DrawingML.noFill])])
        let text = style.chartTextProperties(size: chart.axisFontSize, color: chart.textColor)
        let pinned = chart.plotType == .bubbles || chart.axisPinnedFor != nil
        let valueScaling = XMLNode("c:scaling", [], [.val("c:orientation", "minMax")]
                                   + (pinned ? [XMLNode.val("c:max", ChartSheet.text(chart.valueMaximum))] : [])
                                   + [.val("c:min", ChartSheet.text(chart.valueMinimum))])
        let gridlines = chart.showsGridlines
            ? [XMLNode("c:majorGridlines", [], [XMLNode("c:spPr", [], [style.line(Stroke(color: chart.axisColor.withAlpha(0.3), width: 0.5))])])]
            : []
        func valueAxis(id: Int, cross: Int, position: String, scaling: XMLNode, visible: Bool, grid: [XMLNode],
                       step: Double? = nil) -> XMLNode {
            XMLNode("c:valAx", [], [.val("c:axId", id), scaling, .val("c:delete", visible ? 0 : 1), .val("c:axPos", position)]
                    + grid + [XMLNode("c:numFmt", [("formatCode", ChartPart.axisFormat(chart.numberFormat, step: step)),
                                                   ("sourceLinked", "0")]),
                              .val("c:majorTickMark", "none"), .val("c:minorTickMark", "none"),
                              .val("c:tickLblPos", visible ? "nextTo" : "none"), visible ? axisLine : hiddenLine, text,
                              .val("c:crossAx", cross), .val("c:crosses", "autoZero"),
                              .val("c:crossBetween", chart.plotType == .bubbles ? "midCat" : "between")]
                    + (step.map { $0 > 0 && $0.isFinite ? [XMLNode.val("c:majorUnit", ChartSheet.text($0))] : [] } ?? []))
        }
        if chart.plotType == .bubbles {
            let xScaling = XMLNode("c:scaling", [], [.val("c:orientation", "minMax"),
                                                     .val("c:max", ChartSheet.text(chart.xMaximum)),
                                                     .val("c:min", ChartSheet.text(chart.xMinimum))])
            return [valueAxis(id: ChartPart.categoryAxisID, cross: ChartPart.valueAxisID, position: "b", scaling: xScaling,
                              visible: chart.showsValueAxis, grid: gridlines, step: chart.xStep),
                    valueAxis(id: ChartPart.valueAxisID, cross: ChartPart.categoryAxisID, position: "l", scaling: valueScaling,
                              visible: chart.showsValueAxis, grid: gridlines, step: chart.valueStep)]
        }
        let horizontal = chart.plotType == .horizontalBars
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
                                    visible: chart.showsValueAxis, grid: gridlines, step: chart.valueStep)]
    }
}
