import TestSupport
import XCTest
@testable import Charts

final class RankStabilityHeatmapLayoutTests: XCTestCase {
    let theme = Theme.standard
    let measurer = FakeMeasurer()

    private func heatmap(rows: Int = 8) -> RankStabilityHeatmap {
        // A band matrix: most mass on the diagonal, some on the neighbours; rows sum to 1.
        let probabilities: [[Double]] = (0..<rows).map { r in
            (0..<rows).map { c in c == r ? 0.7 : (abs(c - r) == 1 ? (r == 0 || r == rows - 1 ? 0.3 : 0.15) : 0) }
        }
        return RankStabilityHeatmap(title: "推进程度排名的稳健性", unitLabel: "单位：概率",
                                    rowLabels: (0..<rows).map { "行业\($0 + 1)" },
                                    columnLabels: (0..<rows).map { "第\($0 + 1)名" },
                                    probabilities: probabilities, threshold: 0.2, sourceNote: "注：测试")
    }

    func testGridAndLabelsStayInsideThePage() {
        let layout = heatmap().layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.problems, [])
        let content = theme.contentArea
        XCTAssertTrue(content.contains(layout.grid))
        XCTAssertTrue(layout.blocks.body.contains(layout.grid))
        for frame in layout.rowLabels + layout.columnLabels { XCTAssertTrue(content.contains(frame), "\(frame)") }
        if let note = layout.blocks.note { XCTAssertLessThanOrEqual(layout.grid.maxY, note.minY) }
        // Row labels left of the grid, column labels above it.
        for frame in layout.rowLabels { XCTAssertLessThanOrEqual(frame.maxX, layout.grid.minX) }
        for frame in layout.columnLabels { XCTAssertLessThanOrEqual(frame.maxY, layout.grid.minY) }
    }

    func testCellsTileTheGrid() {
        let layout = heatmap().layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.cells.count, 8)
        XCTAssertEqual(layout.cells.flatMap { $0 }.map { $0.width * $0.height }.reduce(0, +),
                       layout.grid.width * layout.grid.height, accuracy: 1e-6)
        XCTAssertEqual(layout.cells[7][7].maxX, layout.grid.maxX, accuracy: 1e-9)
        XCTAssertEqual(layout.cells[7][7].maxY, layout.grid.maxY, accuracy: 1e-9)
    }

    func testOnlyValuesAtOrAboveTheThresholdArePrintedInsideTheirCells() {
        let chart = heatmap()
        let layout = chart.layout(theme: theme, measurer: measurer)
        // 8 diagonal cells (0.7), the first and last rows' neighbours (0.3); the 0.15s stay blank.
        XCTAssertEqual(layout.valueLabels.count, 10)
        for label in layout.valueLabels {
            XCTAssertGreaterThanOrEqual(chart.probabilities[label.row][label.column], 0.2)
            XCTAssertTrue(layout.cells[label.row][label.column].contains(label.frame))
        }
        XCTAssertEqual(layout.scene.texts(withRole: "cell-value").first?.text, "70%")
    }

    func testShadeDarkensWithProbability() {
        let white = Color.white, ink = Color(hex: 0x004488)
        XCTAssertEqual(RankStabilityHeatmap.shade(0, background: white, ink: ink), white)
        let full = RankStabilityHeatmap.shade(1, background: white, ink: ink)
        XCTAssertEqual(full.red, ink.red, accuracy: 1e-12)
        XCTAssertEqual(full.green, ink.green, accuracy: 1e-12)
        XCTAssertEqual(full.blue, ink.blue, accuracy: 1e-12)
        XCTAssertGreaterThan(RankStabilityHeatmap.shade(0.2, background: white, ink: ink).red,
                             RankStabilityHeatmap.shade(0.8, background: white, ink: ink).red)
    }

    func testMismatchedShapesAreProblems() {
        var chart = heatmap(rows: 3)
        chart.probabilities[1] = [0.5, 0.5]
        chart.probabilities[2][0] = 1.5
        let problems = chart.layout(theme: theme, measurer: measurer).problems
        XCTAssertTrue(problems.contains { $0.contains("row 2 has 2 probabilities") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("row 3 has a probability outside 0–1") }, "\(problems)")
    }
}
