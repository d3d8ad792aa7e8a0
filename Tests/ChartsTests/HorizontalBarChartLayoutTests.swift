import TestSupport
import XCTest
@testable import Charts

/// Issue 5's exhibit 6 ranking (scores illustrative for the layout test).
func sampleRankingChart() -> HorizontalBarChart {
    let rows: [(String, Double)] = [("互联网办公", 86.5), ("金融", 78.2), ("消费/电商", 74.0), ("能源（电力、矿山）", 55.1),
                                    ("交通", 41.3), ("制造", 38.7), ("医疗", 35.2)]
    var chart = HorizontalBarChart(title: "大模型行业推进程度排名", unitLabel: "推进程度指数（0–100）",
                                   items: rows.enumerated().map { .init(label: $1.0, value: $1.1, isHighlighted: $0 < 2) },
                                   sourceNote: "来源：报告定性评估，经本工具按指标加权计算。")
    chart.highlightLegend = "排名前 2 的行业"
    return chart
}

final class HorizontalBarChartLayoutTests: XCTestCase {
    let theme = Theme.standard
    let measurer = FakeMeasurer()

    func testBarsStartAtZeroWithLengthsProportionalToScores() {
        let chart = sampleRankingChart()
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.problems, [])
        for (row, item) in zip(layout.rows, chart.items) {
            XCTAssertEqual(row.bar.minX, layout.zeroX)
            XCTAssertEqual(row.bar.width / item.value, layout.pointsPerUnit, accuracy: 1e-9)
            XCTAssertTrue(layout.plotArea.contains(row.bar))
        }
        // Ranked top to bottom in the given order.
        for (a, b) in zip(layout.rows, layout.rows.dropFirst()) { XCTAssertLessThan(a.bar.maxY, b.bar.minY) }
    }

    func testLabelsBesideTheirBarsWithoutOverlap() {
        let layout = sampleRankingChart().layout(theme: theme, measurer: measurer)
        for row in layout.rows {
            XCTAssertLessThan(row.label.maxX, layout.zeroX)
            XCTAssertEqual(row.label.midY, row.bar.midY, accuracy: 1e-9)
            XCTAssertGreaterThan(row.scoreLabel.minX, row.bar.maxX)
            XCTAssertEqual(row.scoreLabel.midY, row.bar.midY, accuracy: 1e-9)
            XCTAssertLessThanOrEqual(row.scoreLabel.maxX, theme.contentArea.maxX + 1e-9)
        }
        let all = layout.rows.flatMap { [$0.bar, $0.label, $0.scoreLabel] }
        assertNoPairIntersects(all, "ranking parts")
        XCTAssertEqual(layout.scene.texts(withRole: "score-label").map(\.text).first, "86.5")
        assertEverythingOnPage(layout.scene)
    }

    func testManyRowsShrinkLabelsToFitTheirRows() {
        let items = (0..<30).map { HorizontalBarChart.Item(label: "行业 \($0)", value: Double(100 - $0)) }
        let chart = HorizontalBarChart(title: "Many", unitLabel: "", items: items)
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertLessThan(layout.labelFont.size, theme.fontSizes.axis)
        assertNoPairIntersects(layout.rows.map(\.label), "category labels")
        assertNoPairIntersects(layout.rows.map(\.scoreLabel), "score labels")
        assertEverythingOnPage(layout.scene)
    }

    func testAHighlightHasALegendEntryOrIsReported() {
        let layout = sampleRankingChart().layout(theme: theme, measurer: measurer)
        let legendTexts = layout.scene.elements.filter { $0.role == "legend" }.compactMap { element -> String? in
            if case .text(let box) = element.item { return box.text } else { return nil }
        }
        XCTAssertEqual(legendTexts, ["排名前 2 的行业"])
        var unexplained = sampleRankingChart()
        unexplained.highlightLegend = nil
        XCTAssertEqual(unexplained.layout(theme: theme, measurer: measurer).problems,
                       ["highlighted bars have no legend saying why; set highlightLegend"])
    }

    func testNegativeAndMissingValuesAreReportedAndDrawnEmpty() {
        var chart = sampleRankingChart()
        chart.items[3].value = -2
        chart.items[4].value = .nan
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.problems.count, 2)
        XCTAssertEqual(layout.rows[3].bar.width, 0)
        XCTAssertEqual(layout.rows[4].bar.width, 0)
        assertEverythingOnPage(layout.scene)
    }
}
