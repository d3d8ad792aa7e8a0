import TestSupport
import XCTest
@testable import Charts

/// Issue 5's exhibit 3: ChatGPT monthly visits (millions), 2023-09 missing, the 100 M
/// monthly-user milestone in January 2023.
func sampleVisitsChart() -> LineChart {
    let months = ["2022-11", "2022-12", "2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06",
                  "2023-07", "2023-08", "2023-09", "2023-10"]
    let visits: [Double?] = [152.7, 266, 616, 1000, 1600, 1800, 1800, 1600, 1500, 1430, nil, 1700]
    return LineChart(title: "ChatGPT月访问量，2022-11至2023-10", unitLabel: "单位：百万次",
                     points: zip(months, visits).map { LineChart.DataPoint(label: $0.0, value: $0.1) },
                     milestones: [.init(index: 2, label: "2023年1月：月活跃用户突破1亿")],
                     sourceNote: "来源：Similarweb（经媒体报道）。2023-09 数据缺失，图中留空。")
}

final class LineChartLayoutTests: XCTestCase {
    let theme = Theme.standard
    let measurer = FakeMeasurer()

    func testMissingMonthSplitsTheLineIntoTwoSegments() {
        let chart = sampleVisitsChart()
        XCTAssertEqual(chart.segments(ofSeries: 0), [Array(0...9), [11]])
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.problems, [])
        XCTAssertEqual(layout.series.map { $0.segments.map(\.count) }, [[10, 1]])
        XCTAssertNil(layout.series[0].positions[10])
        // A one-point run has no line, only its marker; the ten-point run is one path.
        XCTAssertEqual(layout.scene.items(withRole: "series-line").count, 1)
        XCTAssertEqual(layout.scene.items(withRole: "series-point").count, 11)
        // No drawn segment crosses the missing month's x.
        let gapX = layout.categoryLabels[10].midX
        for (a, b) in layout.scene.segments(withRole: "series-line") {
            XCTAssertFalse(min(a.x, b.x) < gapX && gapX < max(a.x, b.x), "line bridges the gap")
        }
        XCTAssertEqual(layout.scene.texts(withRole: "gap-label").map(\.text), ["无数据"])
        XCTAssertEqual(layout.gapLabels.first?.midX ?? 0, gapX, accuracy: 1e-9)
    }

    func testTwoGapsMakeThreeSegments() {
        var chart = sampleVisitsChart()
        chart.series[0].values[4] = nil
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(chart.segments(ofSeries: 0), [[0, 1, 2, 3], [5, 6, 7, 8, 9], [11]])
        XCTAssertEqual(layout.scene.items(withRole: "series-line").count, 2)
        XCTAssertEqual(layout.gapLabels.count, 2)
    }

    func testPointsFollowTheNiceAxis() {
        let chart = sampleVisitsChart()
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.scale.ticks, [0, 500, 1000, 1500, 2000])
        XCTAssertEqual(layout.scene.texts(withRole: "tick-label").map(\.text), ["0", "500", "1,000", "1,500", "2,000"])
        let plot = layout.plotArea
        for (value, position) in zip(chart.series[0].values, layout.series[0].positions) {
            guard let value, let position else { continue }
            XCTAssertEqual(position.y, plot.maxY - value / 2000 * plot.height, accuracy: 1e-9)
            XCTAssertTrue(plot.contains(Rect(x: position.x, y: position.y, width: 0, height: 0)))
        }
        // Tick labels right-aligned left of the plot, centred on their gridline.
        for (frame, tick) in zip(layout.tickLabels, layout.scale.ticks) {
            XCTAssertLessThan(frame.maxX, plot.minX)
            XCTAssertEqual(frame.midY, plot.maxY - tick / 2000 * plot.height, accuracy: 1e-9)
        }
        assertNoPairIntersects(layout.tickLabels, "tick labels")
        assertNoPairIntersects(layout.categoryLabels, "month labels")
    }

    func testMilestoneIsMarkedOnItsPointAndLabelledClearOfTheLine() throws {
        let layout = sampleVisitsChart().layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.milestoneLabels.count, 1)
        let label = layout.milestoneLabels[0]
        let anchor = layout.milestoneAnchors[0]
        XCTAssertEqual(anchor, layout.series[0].positions[2])
        XCTAssertLessThan(label.maxY, layout.plotArea.minY, "label sits above the plot")
        for (a, b) in layout.scene.segments(withRole: "series-line") {
            XCTAssertFalse(strokeRect((a, b), halfWidth: 1.1).intersects(label))
        }
        // The leader runs vertically from under the label down toward the point.
        let leader = try XCTUnwrap(layout.scene.segments(withRole: "milestone").first)
        XCTAssertEqual(leader.0.x, anchor.x, accuracy: 1e-9)
        XCTAssertEqual(leader.1.x, anchor.x, accuracy: 1e-9)
        XCTAssertGreaterThan(leader.0.y, label.maxY)
        XCTAssertLessThan(leader.1.y, anchor.y)
        XCTAssertTrue((label.minX...label.maxX).contains(anchor.x), "label over its point")
        XCTAssertEqual(layout.scene.texts(withRole: "milestone-label").first?.text, "2023年1月：月活跃用户突破1亿")
    }

    func testBlocksStayOutOfThePlotAndEverythingOnThePage() throws {
        let layout = sampleVisitsChart().layout(theme: theme, measurer: measurer)
        for frame in [layout.blocks.title] + [layout.blocks.unit, layout.blocks.note].compactMap({ $0 }) {
            XCTAssertFalse(frame.intersects(layout.plotArea))
        }
        let note = try XCTUnwrap(layout.blocks.note)
        for frame in layout.categoryLabels { XCTAssertFalse(frame.intersects(note)) }
        assertEverythingOnPage(layout.scene)
    }

    func testMilestonesOutOfRangeAndAllMissingAreReported() {
        var chart = sampleVisitsChart()
        chart.milestones.append(.init(index: 30, label: "nowhere"))
        chart.series[0].values[0] = .infinity
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.problems.count, 2, layout.problems.joined(separator: "\n"))
        XCTAssertEqual(layout.milestoneLabels.count, 1)
        XCTAssertNil(layout.series[0].positions[0])

        let empty = LineChart(title: "t", unitLabel: "u", points: [.init(label: "a", value: nil)])
        let emptyLayout = empty.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(emptyLayout.series.map(\.segments), [[]])
        XCTAssertFalse(emptyLayout.problems.isEmpty)
        assertEverythingOnPage(emptyLayout.scene)
    }

    func testSeveralMilestonesDoNotOverlap() {
        var chart = sampleVisitsChart()
        chart.milestones = [.init(index: 2, label: "用户突破1亿"), .init(index: 3, label: "API 开放"),
                            .init(index: 4, label: "GPT-4 发布")]
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.problems, [])
        assertNoPairIntersects(layout.milestoneLabels, "milestone labels")
        assertEverythingOnPage(layout.scene)
    }

    func testSeveralSeriesGetALegendDashedEstimatesAndGapsOnlyWhereAllAreMissing() {
        let chart = LineChart(
            title: "行业渗透率", unitLabel: "单位：%", categories: ["2021", "2022", "2023", "2024E", "2025E"],
            series: [.init(name: "金融", values: [10, 18, nil, 40, 52]),
                     .init(name: "制造", values: [3, 5, nil, nil, 15], isEstimate: true)],
            missingLabel: "无数据")
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.problems, [])
        XCTAssertEqual(layout.scene.texts(withRole: "legend").map(\.text), ["金融", "制造"])
        XCTAssertEqual(layout.series.map { $0.segments.map(\.count) }, [[2, 2], [2, 1]])
        XCTAssertEqual(layout.gapLabels.count, 1, "only 2023 has no value in any series")
        XCTAssertEqual(layout.gapLabels.first?.midX ?? 0, layout.categoryLabels[2].midX, accuracy: 1e-9)
        let strokes = layout.scene.items(withRole: "series-line").compactMap { item -> Stroke? in
            if case let .path(_, _, stroke) = item { return stroke } else { return nil }
        }
        XCTAssertEqual(strokes.map(\.dash.isEmpty), [true, true, false])
        XCTAssertNotEqual(strokes[0].color, strokes[2].color)
        assertEverythingOnPage(layout.scene)
    }

    func testSeriesOfTheWrongLengthIsReportedAndDrawnAsFarAsItGoes() {
        let chart = LineChart(title: "t", unitLabel: "u", categories: ["a", "b", "c"],
                              series: [.init(name: "short", values: [1, 2])])
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.problems.count, 1)
        XCTAssertTrue(layout.problems[0].contains("2 values for 3 categories"), layout.problems[0])
        XCTAssertEqual(layout.series[0].segments.map(\.count), [2])
    }
}
