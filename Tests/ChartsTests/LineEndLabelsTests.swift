import TestSupport
import XCTest
@testable import Charts

final class LineEndLabelsTests: XCTestCase {
    func testSpreadSeparatesCrowdedLabelsInOrderWithinBounds() {
        let desired = [100, 102, 101, 300, 590.0]
        let heights = [14, 14, 14, 14, 14.0]
        let tops = LineEndLabels.spread(desired: desired, heights: heights, bounds: 50...600, separation: 3)
        let order = desired.indices.sorted { (desired[$0], $0) < (desired[$1], $1) }
        for (a, b) in zip(order, order.dropFirst()) {
            XCTAssertGreaterThanOrEqual(tops[b], tops[a] + heights[a] + 3 - 1e-9, "labels \(a) and \(b) overlap")
        }
        for (top, h) in zip(tops, heights) {
            XCTAssertGreaterThanOrEqual(top, 50); XCTAssertLessThanOrEqual(top + h, 600 + 1e-9)
        }
        XCTAssertEqual(tops[3], 300 - 7, accuracy: 1e-9, "a label with room stays level with its line")
    }

    func testLineChartNamesSeriesAtTheirEndsInsteadOfALegend() {
        let years = ["2023", "2024E", "2025E"]
        let series = (0..<8).map { s in
            LineChart.Series(name: "Industry \(s + 1)", values: [10 + Double(s), 20 + Double(s), 30 + Double(s) * 0.5])
        }
        let chart = LineChart(title: "Adoption", unitLabel: "%", categories: years, series: series, missingLabel: nil,
                              labelsAtLineEnds: true)
        let layout = chart.layout(theme: .standard, measurer: FakeMeasurer())
        XCTAssertEqual(layout.problems, [])
        XCTAssertTrue(layout.scene.items(withRole: "legend").isEmpty)
        let frames = layout.endLabels.compactMap { $0 }
        XCTAssertEqual(frames.count, 8)
        for (i, a) in frames.enumerated() {
            XCTAssertGreaterThanOrEqual(a.minX, layout.plotArea.maxX)
            XCTAssertTrue(Theme.standard.contentArea.contains(a), "\(a)")
            for b in frames[(i + 1)...] { XCTAssertFalse(a.intersects(b), "\(a) \(b)") }
        }
    }
}
