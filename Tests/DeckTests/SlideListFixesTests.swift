import Charts
@testable import Deck
import Foundation
import FoundationXML
import TestSupport
import XCTest

/// The slide list of issue 21, each item read back from the part that fixes it.
final class SlideListFixesTests: XCTestCase {
    let style = DeckStyle(language: .chinese, colors: .house(Theme.standard.palette))

    func chart(plotType: NativeChart.PlotType, categories: [String], series: [NativeChart.Series]) -> NativeChart {
        NativeChart(plotType: plotType, frame: Rect(x: 40, y: 100, width: 600, height: 300),
                    plot: Rect(x: 80, y: 120, width: 540, height: 240), categories: categories, series: series,
                    valueMinimum: 0, valueMaximum: 25, numberFormat: "#,##0.0", showsDataLabels: true,
                    fontFamily: "Noto Sans CJK SC", labelFontSize: 11, axisFontSize: 11, textColor: Color(hex: 0x222222),
                    axisColor: Color(hex: 0x555555), estimateBackground: Color(hex: 0x9EB8D2),
                    estimatePattern: Color(hex: 0x26609A), replacedRoles: [])
    }

    func xml(_ part: ChartPart) throws -> XMLDocument {
        try XMLDocument(data: Data(part.xml(workbookRelationship: "rId1", grid: part.sheet()).document.utf8))
    }

    /// Slide 10: ticks of whole numbers print as 20, not 20.0; the labels keep their decimals.
    func testAxisOfWholeTicksHasNoDecimals() throws {
        XCTAssertEqual(ChartPart.axisFormat("#,##0.0", step: 5), "#,##0")
        XCTAssertEqual(ChartPart.axisFormat("#,##0.00", step: 0.25), "#,##0.00")
        XCTAssertEqual(ChartPart.axisFormat("0.0%", step: 10), "0%")
        var line = chart(plotType: .lines, categories: ["a", "b"], series: [NativeChart.Series(name: "访问量", values: [1.5, 20],
                                                                                          color: .black)])
        line.valueStep = 5
        line.showsValueAxis = true
        let part = try xml(ChartPart(chart: line, style: style))
        let axis = try XCTUnwrap(DeckPackage.elements("c:valAx", in: part).first)
        XCTAssertEqual(DeckPackage.elements("c:numFmt", in: axis).first.flatMap { DeckPackage.attribute($0, "formatCode") }, "#,##0")
    }

    /// Slide 3: a 17.9 pt row of 10.5 pt text keeps its height (cell margins shrink to fit).
    func testTableRowsKeepTheSceneHeight() {
        let cell = NativeTable.Cell(text: "执行摘要", bold: false, fill: nil, color: .black, alignment: .left)
        let margin = TableFrame.verticalMargin(NativeTable.Row(height: 17.9, cells: [cell]), fontSize: 10.5)
        XCTAssertEqual(17.9 - 2 * margin, 10.5 * TableFrame.lineHeight, accuracy: 0.01)
        let roomy = TableFrame.verticalMargin(NativeTable.Row(height: 40, cells: [cell]), fontSize: 10.5)
        XCTAssertEqual(roomy, 3)
        let twoLines = NativeTable.Cell(text: "一\n二", bold: false, fill: nil, color: .black, alignment: .left)
        XCTAssertEqual(TableFrame.verticalMargin(NativeTable.Row(height: 30, cells: [twoLines]), fontSize: 10.5), 0)
    }

    /// Slide 16: the bubbles' workbook names each industry and says what x and size measure.
    func testBubbleWorkbookNamesEveryBubble() {
        var bubbles = NativeChart.Series(name: "剩余空间", values: [60, 20], color: .black)
        bubbles.xValues = [10, 70]
        bubbles.sizes = [5, 3]
        var matrix = chart(plotType: .bubbles, categories: ["医疗", "互联网办公"], series: [bubbles])
        matrix.xTitle = "2023 年当前渗透率（%）"
        matrix.sizeTitle = "气泡面积 = 价值空间（1–5 分）"
        let sheet = ChartPart(chart: matrix, style: style).sheet().sheet
        XCTAssertEqual(sheet.columns.map(\.header), ["", "2023 年当前渗透率（%）", "剩余空间", "气泡面积 = 价值空间（1–5 分）"])
        XCTAssertEqual(sheet.columns[0].cells, [.text("医疗"), .text("互联网办公")])
    }

    /// Slides 13 and 18: the scores stay bold and a highlighted one keeps the accent.
    func testHighlightedScoresKeepBoldAndAccent() throws {
        var bars = NativeChart.Series(name: "得分", values: [94, 72, 64], color: Theme.standard.palette.actual)
        bars.pointLabelColors[0] = Theme.standard.palette.accent
        var ranking = chart(plotType: .horizontalBars, categories: ["a", "b", "c"], series: [bars])
        ranking.labelBold = true
        let part = try xml(ChartPart(chart: ranking, style: style))
        let labels = try XCTUnwrap(DeckPackage.elements("c:dLbls", in: part).first)
        for run in DeckPackage.elements("a:defRPr", in: labels) { XCTAssertEqual(DeckPackage.attribute(run, "b"), "1") }
        let first = try XCTUnwrap(DeckPackage.elements("c:dLbl", in: labels).first)
        XCTAssertEqual(DeckPackage.elements("a:schemeClr", in: first).first.flatMap { DeckPackage.attribute($0, "val") }, "accent6")
    }

    /// Scenarios: a native legend where the scene had it, without the band's invisible edge.
    func testScenarioChartHasANativeLegendWithoutTheBandEdge() throws {
        var lines = NativeChart.Series(name: "基准情景", values: [nil, 10, 12], color: Theme.standard.palette.series[0])
        lines.asLine = true
        var scenarios = chart(plotType: .columns, categories: ["2025", "2026E", "2027E"],
                              series: [NativeChart.Series(name: "实际值", values: [10, nil, nil], color: .black), lines])
        scenarios.band = NativeChart.Band(name: "基准情景 95% 预测区间", lower: [nil, 8, 7], upper: [nil, 14, 20],
                                          color: Theme.standard.palette.gridline)
        scenarios.nativeLegend = true
        scenarios.legendFrame = Rect(x: 400, y: 100, width: 200, height: 14)
        let part = try xml(ChartPart(chart: scenarios, style: style))
        let legend = try XCTUnwrap(DeckPackage.elements("c:legend", in: part).first)
        let hidden = DeckPackage.elements("c:legendEntry", in: legend)
        XCTAssertEqual(hidden.count, 1)
        XCTAssertEqual(DeckPackage.elements("c:idx", in: hidden[0]).first.flatMap { DeckPackage.attribute($0, "val") }, "0")
        // Series 0 is the band's edge, series 1 its width named for the band.
        let series = DeckPackage.elements("c:ser", in: part)
        let named = series.map { ser -> (String?, String) in
            (DeckPackage.elements("c:idx", in: ser).first.flatMap { DeckPackage.attribute($0, "val") },
             DeckPackage.elements("c:tx", in: ser).first?.stringValue ?? "")
        }
        XCTAssertTrue(named.contains { $0.0 == "1" && $0.1.contains("基准情景 95% 预测区间") && !$0.1.contains("宽度") })
        XCTAssertTrue(named.contains { $0.0 == "2" && $0.1.contains("实际值") })
    }

    /// The value axis is pinned only when shapes over the plot depend on it, and then the
    /// workbook says why; otherwise the maximum is the reader's, so a larger value fits.
    func testAxisMaximumIsAutomaticUnlessShapesNeedIt() throws {
        var bars = chart(plotType: .horizontalBars, categories: ["a", "b"],
                         series: [NativeChart.Series(name: "得分", values: [94, 72], color: .black)])
        var scene = Scene(size: Size(width: 960, height: 540))
        scene.add(.text(TextBox(text: "来源", frame: Rect(x: 40, y: 500, width: 200, height: 10), font: Theme.standard.font(9),
                                color: .black)), role: "source-note")
        XCTAssertNil(DeckWriter.overlays(on: bars, in: scene))
        let free = try xml(ChartPart(chart: bars, style: style))
        XCTAssertTrue(DeckPackage.elements("c:max", in: free).isEmpty, "the maximum is pinned with nothing over the plot")
        XCTAssertFalse(ChartPart(chart: bars, style: style).sheet().sheet.columns.contains { $0.header == "说明" })
        scene.add(.path([.move(Point(100, 150)), .line(Point(300, 150))], fill: nil, stroke: Stroke(color: .black, width: 1)),
                  role: "cagr-arrow")
        bars.axisPinnedFor = DeckWriter.overlays(on: bars, in: scene)
        XCTAssertEqual(bars.axisPinnedFor, ["cagr-arrow"])
        let pinned = try xml(ChartPart(chart: bars, style: style))
        XCTAssertEqual(DeckPackage.elements("c:max", in: pinned).first.flatMap { DeckPackage.attribute($0, "val") }, "25")
        let note = try XCTUnwrap(ChartPart(chart: bars, style: style).sheet().sheet.columns.last)
        XCTAssertEqual(note.header, "说明")
        guard case .text(let why)? = note.cells.first else { return XCTFail("no note") }
        XCTAssertTrue(why.contains("25") && why.contains("CAGR 箭头"), why)
    }

    /// Contents and "see page" numbers link to their slides (a number past the deck links nowhere).
    func testPageNumbersInTablesLinkToTheirSlides() throws {
        let table = TablePage(title: "目录", continuedSuffix: "（续）",
                              columns: [.init(header: "内容"), .init(header: "页码", alignment: .right, linksToPages: true)],
                              rows: [["图表", "2"], ["附录", "9"]])
            .layoutPages(theme: .standard, measurer: FakeMeasurer())[0]
        guard case .table(let native)? = table.native else { return XCTFail("no native table") }
        XCTAssertEqual(native.rows.dropFirst().map { $0.cells[1].linkedPage }, [2, 9])
        let slides = [DeckSlide(scene: table.scene, native: table.native, title: "目录", name: "contents"),
                      DeckSlide(scene: table.scene, native: nil, title: "第二页", name: "second")]
        let deck = try DeckPackage(try DeckWriter.data(slides: slides, properties: SampleDeck.properties))
        let rels = try deck.xml("ppt/slides/_rels/slide1.xml.rels")
        let toSlides = DeckPackage.elements("Relationship", in: rels).filter { DeckPackage.attribute($0, "Target") == "slide2.xml" }
        XCTAssertEqual(toSlides.count, 1)
        let slide = try deck.xml("ppt/slides/slide1.xml")
        let links = DeckPackage.elements("a:hlinkClick", in: slide)
        XCTAssertEqual(links.count, 1, "only page 2 exists")
        XCTAssertEqual(links.first.flatMap { DeckPackage.attribute($0, "id") }, toSlides.first.flatMap { DeckPackage.attribute($0, "Id") })
        XCTAssertEqual(links.first.flatMap { DeckPackage.attribute($0, "action") }, "ppaction://hlinksldjump")
    }
}
