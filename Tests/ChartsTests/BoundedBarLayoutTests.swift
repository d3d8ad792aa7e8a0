import MarketData
import TestSupport
import XCTest
@testable import Charts

/// A figure published as a bound is labelled as one and drawn distinctly: outlined, with a
/// dashed open extension above a lower bound, and the label lifted clear of it.
final class BoundedBarLayoutTests: XCTestCase {
    let measurer = FakeMeasurer()

    private func chart(prefixes: [ObservationBound: String]? = nil) -> MarketSizeChart {
        let bars = [MarketSizeChart.Bar(label: "2023*", value: 7258, bound: .lower),
                    MarketSizeChart.Bar(label: "2024", value: 9000, bound: .lower),
                    MarketSizeChart.Bar(label: "2025", value: 10000),
                    MarketSizeChart.Bar(label: "2026E", value: 11000, isEstimate: true, interval: (9000, 13000)),
                    MarketSizeChart.Bar(label: "2027E", value: 1200, bound: .upper)]
        var chart = MarketSizeChart(title: "t", unitLabel: "单位：亿元", bars: bars)
        if let prefixes { chart.boundPrefixes = prefixes }
        chart.boundLegend = "出版方所述下限（实际值更高）"
        return chart
    }

    func testLabelsSayTheBoundInEachLanguage() {
        XCTAssertEqual(chart().bars.map(chart().valueText), [">7,258", ">9,000", "10,000", "11,000", "<1,200"])
        let zh = chart(prefixes: [.lower: "超过", .upper: "不足"])
        XCTAssertEqual(zh.bars.map(zh.valueText), ["超过7,258", "超过9,000", "10,000", "11,000", "不足1,200"])
        let layout = zh.layout(theme: .standard, measurer: measurer)
        XCTAssertEqual(layout.problems, [])
        XCTAssertEqual(layout.scene.texts(withRole: "value-label").map(\.text),
                       ["超过7,258", "超过9,000", "10,000", "11,000", "不足1,200"])
    }

    func testBoundedBarsAreOutlinedAndALowerBoundIsOpenUpward() {
        let layout = chart().layout(theme: .standard, measurer: measurer)
        XCTAssertEqual(layout.scene.rects(withRole: "bar-bound").count, 3)
        XCTAssertEqual(layout.scene.rects(withRole: "bar").count, 1)
        // Only the two lower bounds get the extension, standing on their bar's top.
        let extensions = layout.bars.compactMap(\.boundExtension)
        XCTAssertEqual(extensions.count, 2)
        for (bar, frame) in zip(layout.bars.prefix(2), extensions) {
            XCTAssertEqual(frame.maxY, bar.rect.minY, accuracy: 1e-9)
            XCTAssertEqual(frame.height, 16, accuracy: 1e-9)
            // The value label sits above the extension, not over it.
            XCTAssertLessThanOrEqual(bar.valueLabel.maxY, frame.minY - Theme.standard.spacing.labelGap + 1e-9)
        }
        XCTAssertNil(layout.bars[4].boundExtension, "an upper bound is not open upward")
        XCTAssertEqual(layout.scene.segments(withRole: "bound-extension").count, 4)
        // The legend explains the mark.
        XCTAssertTrue(layout.scene.textBoxes.contains { $0.box.text == "出版方所述下限（实际值更高）" })
    }

    func testWithoutBoundsNothingChanges() {
        var plain = chart()
        plain.bars = plain.bars.map { var bar = $0; bar.bound = nil; return bar }
        let layout = plain.layout(theme: .standard, measurer: measurer)
        XCTAssertTrue(layout.scene.rects(withRole: "bar-bound").isEmpty)
        XCTAssertTrue(layout.bars.allSatisfy { $0.boundExtension == nil })
        XCTAssertFalse(layout.scene.textBoxes.contains { $0.box.text == "出版方所述下限（实际值更高）" })
    }
}
