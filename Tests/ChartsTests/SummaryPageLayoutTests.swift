import TestSupport
import XCTest
@testable import Charts

/// The executive summary's composition: three parts in boxes that do not overlap, every
/// drawn item inside the page's content area, the table sized by its rows.
final class SummaryPageLayoutTests: XCTestCase {
    let measurer = FakeMeasurer()

    private func page(tableRows: Int = 2, findings: Int = 3) -> SummaryPage {
        let table = TablePage(title: "预测一览", continuedSuffix: "（续）",
                              columns: [.init(header: "序列", weight: 2), .init(header: "2026E", weight: 1, alignment: .right),
                                        .init(header: "2027E", weight: 1, alignment: .right)],
                              rows: (0..<tableRows).map { ["序列 \($0 + 1)", "11,554\n(7,803 – 15,958)", "13,260\n(7,140 – 20,320)"] })
        let findingTable = TablePage(title: "三项要点", continuedSuffix: "（续）",
                                     columns: [.init(header: "#", weight: 0.5), .init(header: "发现", weight: 10)],
                                     rows: (0..<findings).map { ["\($0 + 1)", "中国AI市场规模预计于 2027E 达到 13,260亿元，2025–2027E 年复合增长率 15.2%。"] })
        return SummaryPage(title: "执行摘要", subtitle: "2026Q4 季度版要点", chart: sampleMarketSizeChart(note: "见第 6 页。"),
                           table: table, findings: findingTable, sourceNote: "来源：中国信通院 2025-12。")
    }

    func testPartsDoNotOverlapAndStayInsideTheBody() {
        let layout = page().layout(theme: .standard, measurer: measurer)
        XCTAssertEqual(layout.problems, [])
        let body = layout.blocks.body
        for area in [layout.chartArea, layout.findingsArea, layout.tableArea] {
            XCTAssertTrue(body.contains(area, tolerance: 1e-6), "\(area) outside \(body)")
            XCTAssertGreaterThan(area.width, 100)
            XCTAssertGreaterThan(area.height, 60)
        }
        XCTAssertFalse(layout.chartArea.intersects(layout.findingsArea))
        XCTAssertFalse(layout.chartArea.intersects(layout.tableArea))
        XCTAssertFalse(layout.findingsArea.intersects(layout.tableArea))
        // Chart left, findings right, table across the bottom, full width.
        XCTAssertLessThan(layout.chartArea.maxX, layout.findingsArea.minX)
        XCTAssertEqual(layout.tableArea.width, body.width, accuracy: 1e-9)
        XCTAssertEqual(layout.tableArea.maxY, body.maxY, accuracy: 1e-9)
        XCTAssertLessThan(layout.chartArea.maxY, layout.tableArea.minY)
    }

    func testEveryTextStaysInsideTheContentAreaAndInsideItsPart() {
        let theme = Theme.standard
        let layout = page().layout(theme: theme, measurer: measurer)
        let area = theme.contentArea
        for (box, role) in layout.scene.textBoxes {
            XCTAssertTrue(area.contains(box.frame, tolerance: 0.5), "\(role) \"\(box.text)\" at \(box.frame)")
        }
        // Each part's texts are in its own box: the findings' cells never reach the chart.
        let cells = layout.scene.texts(withRole: "table-cell")
        XCTAssertFalse(cells.isEmpty)
        for cell in cells {
            XCTAssertTrue(layout.findingsArea.contains(cell.frame, tolerance: 0.5) || layout.tableArea.contains(cell.frame, tolerance: 0.5),
                          "\(cell.text) at \(cell.frame)")
        }
        for bar in layout.scene.rects(withRole: "bar") {
            XCTAssertTrue(layout.chartArea.contains(bar, tolerance: 0.5), "bar at \(bar)")
        }
    }

    func testTheTableTakesTheHeightItsRowsNeed() {
        let two = page(tableRows: 2).layout(theme: .standard, measurer: measurer)
        let four = page(tableRows: 4).layout(theme: .standard, measurer: measurer)
        XCTAssertGreaterThan(four.tableArea.height, two.tableArea.height)
        XCTAssertLessThan(four.chartArea.height, two.chartArea.height)
    }

    func testTooMuchIsReportedNotDrawnOffThePage() {
        let crowded = page(tableRows: 30, findings: 30).layout(theme: .standard, measurer: measurer)
        XCTAssertTrue(crowded.problems.contains { $0.contains("forecast table") }, "\(crowded.problems)")
        XCTAssertTrue(crowded.problems.contains { $0.contains("findings") }, "\(crowded.problems)")
        var odd = page()
        odd.chartShare = .nan
        odd.typeScale = 7
        let layout = odd.layout(theme: .standard, measurer: measurer)
        XCTAssertEqual(layout.problems.count, 2, "\(layout.problems)")
        XCTAssertFalse(layout.chartArea.intersects(layout.findingsArea))
    }
}
