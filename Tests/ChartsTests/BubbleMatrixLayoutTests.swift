import TestSupport
import XCTest
@testable import Charts

final class BubbleMatrixLayoutTests: XCTestCase {
    let theme = Theme.standard
    let measurer = FakeMeasurer()

    /// The report's eight industries (current %, room in points, value at stake), plus a
    /// tight cluster that forces labels away from their bubbles.
    private func crowdedMatrix() -> BubbleMatrix {
        var rows: [(String, Double, Double, Double)] = [
            ("互联网办公", 70, 20, 4), ("金融", 45, 35, 5), ("泛消费", 40, 35, 3), ("能源-电力", 25, 40, 4),
            ("能源-矿山", 20, 40, 4), ("交通", 15, 55, 5), ("制造", 12, 48, 2), ("医疗", 10, 60, 5),
        ]
        for k in 0..<8 {
            let x: Double = 31 + Double(k % 3) * 0.5, y: Double = 20 + Double(k / 3) * 0.5
            rows.append(("Cluster \(k + 1)", x, y, 2))
        }
        return BubbleMatrix(title: "增长空间", unitLabel: "剩余空间（百分点）", xAxisTitle: "当前渗透率（%）",
                            bubbles: rows.map { .init(label: $0.0, x: $0.1, y: $0.2, size: $0.3) },
                            sizeLegend: "气泡面积 = 价值空间", sourceNote: "来源：测试")
    }

    func testLabelsClearEachOtherAndEveryBubble() throws {
        let layout = crowdedMatrix().layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.problems, [])
        let labels = layout.labels.compactMap { $0 }
        XCTAssertEqual(labels.count, 16, "every bubble got a label")
        let circles = layout.circles.compactMap { $0 }
        for (i, a) in labels.enumerated() {
            XCTAssertTrue(layout.plotArea.contains(a), "label \(i) leaves the plot: \(a) vs \(layout.plotArea)")
            for b in labels[(i + 1)...] { XCTAssertFalse(a.intersects(b), "labels overlap: \(a) \(b)") }
            for circle in circles { XCTAssertFalse(circle.intersects(a), "label \(a) covers bubble \(circle)") }
        }
        // The cluster cannot all sit next to their bubbles: at least one needed a leader, and
        // the scene draws exactly as many leaders as the layout reports.
        XCTAssertTrue(layout.hasLeader.contains(true))
        XCTAssertEqual(layout.scene.items(withRole: "leader").count, layout.hasLeader.filter { $0 }.count)
    }

    func testBubbleAreaIsProportionalToSize() throws {
        let layout = crowdedMatrix().layout(theme: theme, measurer: measurer)
        let big = try XCTUnwrap(layout.circles[1]), small = try XCTUnwrap(layout.circles[6])  // sizes 5 and 2
        XCTAssertEqual((small.radius / big.radius) * (small.radius / big.radius), 2.0 / 5.0, accuracy: 1e-12)
    }

    func testBubblesSitAtTheirValues() throws {
        let layout = crowdedMatrix().layout(theme: theme, measurer: measurer)
        let plot = layout.plotArea
        let office = try XCTUnwrap(layout.circles[0])
        let x = plot.minX + (70 - layout.xScale.lower) / (layout.xScale.upper - layout.xScale.lower) * plot.width
        let y = plot.maxY - (20 - layout.yScale.lower) / (layout.yScale.upper - layout.yScale.lower) * plot.height
        XCTAssertEqual(office.center.x, x, accuracy: 1e-9)
        XCTAssertEqual(office.center.y, y, accuracy: 1e-9)
        // Headroom keeps the largest values' bubbles inside the plot.
        for circle in layout.circles.compactMap({ $0 }) {
            XCTAssertLessThanOrEqual(circle.center.x + circle.radius, plot.maxX + 1e-9)
            XCTAssertGreaterThanOrEqual(circle.center.y - circle.radius, plot.minY - 1e-9)
        }
    }

    func testCircleRectangleIntersection() {
        let circle = Circle(center: Point(0, 0), radius: 10)
        XCTAssertTrue(circle.intersects(Rect(x: 5, y: 5, width: 10, height: 10)))
        XCTAssertFalse(circle.intersects(Rect(x: 8, y: 8, width: 10, height: 10)), "the corner (8,8) is 11.3 from the centre")
        XCTAssertFalse(circle.intersects(Rect(x: 10, y: -5, width: 4, height: 10)), "touching is not overlapping")
    }

    func testNonFiniteBubbleIsReportedAndSkipped() {
        var chart = crowdedMatrix()
        chart.bubbles[2].x = .nan
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertNil(layout.circles[2])
        XCTAssertNil(layout.labels[2])
        XCTAssertTrue(layout.problems.contains { $0.contains("泛消费") })
    }
}

/// The size key: reference bubbles sized like the data's, right of the plot, values in the
/// data's own decimals.
final class BubbleSizeKeyTests: XCTestCase {
    func testKeyValuesAreTheDataRangeAndItsMiddle() {
        // A few whole scores: every one of them (issue 20: 泛消费's 3 had no key bubble).
        XCTAssertEqual(BubbleSizeKey.values([2, 5, 3, 4]), [5, 4, 3, 2])
        XCTAssertEqual(BubbleSizeKey.values([2, 5, 5, 4]), [5, 4, 2])
        XCTAssertEqual(BubbleSizeKey.values([1, 2, 3, 4, 5, 6, 7]), [7, 4, 1])
        XCTAssertEqual(BubbleSizeKey.values([1.5, 2.5]), [2.5, 2, 1.5])
        XCTAssertEqual(BubbleSizeKey.values([3, 3]), [3])
        XCTAssertEqual(BubbleSizeKey.values([.nan, -1, 0]), [])
    }

    func testKeyStandsRightOfThePlotWithBubblesSizedLikeTheData() {
        let matrix = BubbleMatrix(title: "t", unitLabel: "u", xAxisTitle: "x",
                                  bubbles: [.init(label: "a", x: 10, y: 60, size: 5), .init(label: "b", x: 70, y: 20, size: 2)],
                                  sizeLegend: "size")
        let layout = matrix.layout(theme: .standard, measurer: FakeMeasurer())
        XCTAssertEqual(layout.problems, [])
        XCTAssertEqual(layout.sizeKey.count, 3)
        for entry in layout.sizeKey {
            XCTAssertGreaterThan(entry.minX, layout.plotArea.maxX, "the key is right of the plot")
            XCTAssertTrue(layout.blocks.body.contains(entry), "the key stays on the page")
        }
        let keyCircles = layout.scene.elements.filter { $0.role == "size-key" }.compactMap { element -> Double? in
            if case let .rect(rect, _, _, _) = element.item { return rect.width / 2 } else { return nil }
        }
        let largest = layout.circles.compactMap { $0?.radius }.max() ?? 0
        XCTAssertEqual(keyCircles.first ?? 0, largest, accuracy: 1e-9, "the largest key bubble is the largest data bubble")
        XCTAssertEqual(keyCircles.last ?? 0, largest * (2.0 / 5).squareRoot(), accuracy: 1e-9, "area is proportional to size")
    }
}
