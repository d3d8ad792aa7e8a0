import TestSupport
import XCTest
@testable import Charts

/// The scenario page of the default report, with end values as close as `spread` lets them be.
func sampleScenarioChart(endValues: [Double] = [13192, 14961, 10309]) -> ScenarioChart {
    let categories = ["2019", "2020", "2021", "2022", "2023", "2024", "2025E", "2026E", "2027E"]
    let actuals: [Double?] = [2633, 3031, 4305, 5080, 5298, 7470, nil, nil, nil]
    let labels = ["基准情景", "乐观情景", "悲观情景"]
    let paths = zip(labels, endValues).map { label, end in
        ScenarioChart.Path(label: label, startIndex: 5, values: [7470, 7470 + (end - 7470) / 3,
                                                                 7470 + 2 * (end - 7470) / 3, end])
    }
    return ScenarioChart(title: "中国AI市场规模：情景预测，2019–2027E", unitLabel: "单位：亿元", categories: categories,
                         actuals: actuals, actualLabel: "实际值", paths: paths,
                         band: .init(label: "基准情景95%预测区间", startIndex: 5, lower: [7470, 6880, 8003, 9134],
                                     upper: [7470, 10781, 13583, 17251]),
                         sourceNote: "来源：中国信通院。注：E 为 marketcast 情景预测。")
}

final class ScenarioChartLayoutTests: XCTestCase {
    let theme = Theme.standard
    let measurer = FakeMeasurer()

    func testEverythingIsDrawnOnThePage() {
        let layout = sampleScenarioChart().layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.problems, [])
        XCTAssertEqual(layout.bars.count, 6)
        XCTAssertEqual(layout.paths.count, 3)
        XCTAssertEqual(layout.scene.items(withRole: "scenario-line").count, 3)
        XCTAssertEqual(layout.scene.items(withRole: "scenario-marker").count, 9)
        XCTAssertEqual(layout.scene.items(withRole: "band").count, 1)
        for (box, role) in layout.scene.textBoxes {
            XCTAssertTrue(theme.contentArea.contains(box.frame), "\(role) `\(box.text)` at \(box.frame) leaves the page")
        }
        for path in layout.paths {
            for point in path.points {
                XCTAssertTrue(layout.plotArea.contains(Rect(x: point.x, y: point.y, width: 0, height: 0)))
            }
        }
        // The band is light and contains the base path.
        let band = try! XCTUnwrap(layout.bandBounds)
        XCTAssertLessThanOrEqual(band.minY, layout.paths[0].points.map(\.y).min()!)
        // Each bar stands on the baseline and is taller for larger values.
        XCTAssertEqual(Set(layout.bars.map { ($0.maxY * 1000).rounded() }).count, 1)
        XCTAssertGreaterThan(layout.bars[5].height, layout.bars[4].height)
    }

    func testEndLabelsAtTheirValueWhenApart() {
        let layout = sampleScenarioChart().layout(theme: theme, measurer: measurer)
        for path in layout.paths {
            XCTAssertEqual(path.endLabel.midY, path.points.last!.y, accuracy: 1e-9, "labels that do not touch stay level with their point")
            XCTAssertGreaterThan(path.endLabel.minX, path.points.last!.x)
        }
        XCTAssertEqual(layout.scene.items(withRole: "label-leader").count, 0)
    }

    func testCloseEndValuesAreStaggeredWithoutCollisionAndKeepTheirOrder() {
        let layout = sampleScenarioChart(endValues: [13192, 13250, 13100]).layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.problems, [])
        let labels = layout.paths.map(\.endLabel)
        for i in labels.indices { for j in labels.indices where i < j {
            XCTAssertFalse(labels[i].intersects(labels[j]), "\(labels[i]) and \(labels[j]) overlap")
        } }
        // Value order top to bottom: 13250 (bull), 13192 (base), 13100 (bear).
        XCTAssertLessThan(labels[1].midY, labels[0].midY)
        XCTAssertLessThan(labels[0].midY, labels[2].midY)
        XCTAssertGreaterThan(layout.scene.items(withRole: "label-leader").count, 0)
        for label in labels { XCTAssertTrue(theme.contentArea.contains(label)) }
    }

    func testUndrawablePathIsReportedNotTrapped() {
        var chart = sampleScenarioChart()
        chart.paths.append(.init(label: "坏", startIndex: 7, values: [1, 2, 3, 4]))
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.paths.count, 3)
        XCTAssertTrue(layout.problems.contains { $0.contains("坏") }, "\(layout.problems)")
    }
}
