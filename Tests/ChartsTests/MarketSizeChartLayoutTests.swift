import TestSupport
import XCTest
@testable import Charts

/// The issue-2 chart with issue-5 intervals: six actual years, three estimates, one CAGR
/// arrow over each part, sharing the 2024 bar.
func sampleMarketSizeChart(note: String = "来源：中国信通院（CAICT）；工信部。E 为本工具的预测值（常数增长模型）。") -> MarketSizeChart {
    let actuals: [(String, Double)] = [("2019", 2500), ("2020", 3031), ("2021", 4305), ("2022", 5080),
                                       ("2023", 5784), ("2024", 7470)]
    let estimates: [(String, Double, Double, Double)] = [("2025E", 9300, 8600, 10100),
                                                         ("2026E", 11600, 10400, 12900),
                                                         ("2027E", 14400, 12600, 16400)]
    let bars = actuals.map { MarketSizeChart.Bar(label: $0.0, value: $0.1) }
        + estimates.map { MarketSizeChart.Bar(label: $0.0, value: $0.1, isEstimate: true,
                                              interval: ($0.2, $0.3)) }
    return MarketSizeChart(
        title: "中国AI市场规模，2019–2027E", subtitle: "核心产业口径", unitLabel: "单位：亿元", bars: bars,
        cagrSpans: [.init(from: 0, to: 5, rate: 0.2455), .init(from: 5, to: 8, rate: 0.2456)],
        sourceNote: note)
}

final class MarketSizeChartLayoutTests: XCTestCase {
    let theme = Theme.standard
    let measurer = FakeMeasurer()

    /// 15 beside 2,514 (the large-model market's 2020): still a visible bar, its label above it.
    func testANearZeroBarIsStillVisible() {
        let chart = MarketSizeChart(title: "t", unitLabel: "u", bars: [.init(label: "2020", value: 15),
                                                                      .init(label: "2027E", value: 2514, isEstimate: true)])
        let layout = chart.layout(theme: theme, measurer: measurer)
        let small = layout.bars[0]
        XCTAssertGreaterThanOrEqual(small.rect.height, MarketSizeChartLayout.minimumBarHeight)
        XCTAssertEqual(small.rect.maxY, layout.baselineY, accuracy: 1e-9)
        XCTAssertLessThanOrEqual(small.valueLabel.maxY, small.rect.minY, "the label stands above the bar")
        // A proportional bar keeps its height: the big one is its value times the scale.
        XCTAssertEqual(layout.bars[1].rect.height, 2514 * layout.pointsPerUnit, accuracy: 1e-9)
        // Zero stays zero.
        let zero = MarketSizeChart(title: "t", unitLabel: "u", bars: [.init(label: "a", value: 0), .init(label: "b", value: 5)])
        XCTAssertEqual(zero.layout(theme: theme, measurer: measurer).bars[0].rect.height, 0)
    }

    func testBarsSitInsidePlotOnABaselineAtZeroWithProportionalHeights() {
        let chart = sampleMarketSizeChart()
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.problems, [])
        XCTAssertEqual(layout.bars.count, 9)
        XCTAssertGreaterThan(layout.pointsPerUnit, 0)
        for (bar, spec) in zip(layout.bars, chart.bars) {
            XCTAssertTrue(layout.plotArea.contains(bar.rect), "\(spec.label) \(bar.rect)")
            XCTAssertEqual(bar.rect.maxY, layout.baselineY, accuracy: 1e-9)
            XCTAssertEqual(bar.rect.height / spec.value, layout.pointsPerUnit, accuracy: 1e-9)
            XCTAssertEqual(bar.isEstimate, spec.isEstimate)
        }
        // Equal widths and equal slots, left to right.
        let widths = Set(layout.bars.map { ($0.rect.width * 1e6).rounded() })
        XCTAssertEqual(widths.count, 1)
        for (a, b) in zip(layout.bars, layout.bars.dropFirst()) { XCTAssertLessThan(a.rect.maxX, b.rect.minX) }
        // The scene draws the same rectangles under the right roles.
        XCTAssertEqual(layout.scene.rects(withRole: "bar"), layout.bars.filter { !$0.isEstimate }.map(\.rect))
        XCTAssertEqual(layout.scene.rects(withRole: "bar-estimate"), layout.bars.filter(\.isEstimate).map(\.rect))
    }

    func testEstimatesAreHatchedAndActualsSolid() {
        let layout = sampleMarketSizeChart().layout(theme: theme, measurer: measurer)
        for item in layout.scene.items(withRole: "bar") {
            guard case let .rect(_, fill, _, _) = item else { return XCTFail("bar is not a rect") }
            XCTAssertEqual(fill, .solid(theme.palette.actual))
        }
        let estimates = layout.scene.items(withRole: "bar-estimate")
        XCTAssertEqual(estimates.count, 3)
        for item in estimates {
            guard case let .rect(_, fill?, _, _) = item, case .hatched = fill else { return XCTFail("estimate not hatched") }
        }
    }

    func testValueLabelsSitCentredAboveTheirBarsAndWhiskers() throws {
        let chart = sampleMarketSizeChart()
        let layout = chart.layout(theme: theme, measurer: measurer)
        let gap = theme.spacing.labelGap
        for (bar, spec) in zip(layout.bars, chart.bars) {
            XCTAssertEqual(bar.valueLabel.midX, bar.rect.midX, accuracy: 1e-9)
            let top = min(bar.rect.minY, bar.interval?.minY ?? .infinity)
            XCTAssertEqual(bar.valueLabel.maxY, top - gap, accuracy: 1e-9, spec.label)
            XCTAssertTrue(layout.plotArea.contains(bar.valueLabel), spec.label)
            if spec.interval != nil {
                let whisker = try XCTUnwrap(bar.interval)
                let interval = try XCTUnwrap(spec.interval)
                XCTAssertEqual(whisker.minY, layout.baselineY - interval.upper * layout.pointsPerUnit, accuracy: 1e-9)
                XCTAssertEqual(whisker.maxY, layout.baselineY - interval.lower * layout.pointsPerUnit, accuracy: 1e-9)
                XCTAssertLessThan(bar.valueLabel.maxY, whisker.minY)
            }
        }
        assertNoPairIntersects(layout.bars.map(\.valueLabel), "value labels")
        assertNoPairIntersects(layout.bars.map(\.yearLabel), "year labels")
        let texts = layout.scene.texts(withRole: "value-label")
        XCTAssertEqual(texts.map(\.text), ["2,500", "3,031", "4,305", "5,080", "5,784", "7,470", "9,300", "11,600", "14,400"])
        XCTAssertEqual(texts.map(\.frame), layout.bars.map(\.valueLabel))
        XCTAssertEqual(layout.scene.texts(withRole: "year-label").map(\.text).last, "2027E")
        XCTAssertEqual(layout.scene.items(withRole: "interval").count, 3)
    }

    func testArrowsRunFromOverTheFirstBarToOverTheLastAtOneHeight() {
        let chart = sampleMarketSizeChart()
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.arrows.count, 2)
        let offsetLimit = 6.0 + 1e-9
        for arrow in layout.arrows {
            let span = chart.cagrSpans[arrow.spanIndex]
            let first = layout.bars[span.from], last = layout.bars[span.to]
            // Over the right bars: the shared 2024 bar moves each leg a little off its centre.
            let sharedStart = chart.cagrSpans.contains { $0.to == span.from }
            let sharedEnd = chart.cagrSpans.contains { $0.from == span.to }
            if sharedStart {
                XCTAssertGreaterThan(arrow.start.x, first.rect.midX)
                XCTAssertLessThanOrEqual(arrow.start.x - first.rect.midX, offsetLimit)
            } else {
                XCTAssertEqual(arrow.start.x, first.rect.midX, accuracy: 1e-9)
            }
            if sharedEnd {
                XCTAssertLessThan(arrow.end.x, last.rect.midX)
                XCTAssertLessThanOrEqual(last.rect.midX - arrow.end.x, offsetLimit)
            } else {
                XCTAssertEqual(arrow.end.x, last.rect.midX, accuracy: 1e-9)
            }
            XCTAssertTrue((first.rect.minX...first.rect.maxX).contains(arrow.start.x))
            XCTAssertTrue((last.rect.minX...last.rect.maxX).contains(arrow.end.x))
            // Legs come down toward those bars and stop above their labels.
            XCTAssertLessThan(arrow.lineY, arrow.start.y)
            XCTAssertLessThan(arrow.lineY, arrow.end.y)
            XCTAssertEqual(arrow.start.y, first.valueLabel.minY - theme.spacing.labelGap, accuracy: 1e-9)
            XCTAssertEqual(arrow.end.y, last.valueLabel.minY - theme.spacing.labelGap, accuracy: 1e-9)
            // Pill centred on the arrow.
            XCTAssertEqual(arrow.label.midX, (arrow.start.x + arrow.end.x) / 2, accuracy: 1e-9)
            XCTAssertEqual(arrow.label.midY, arrow.lineY, accuracy: 1e-9)
            XCTAssertTrue(layout.plotArea.contains(arrow.bounds))
        }
        XCTAssertEqual(layout.arrows[0].lineY, layout.arrows[1].lineY, "two spans on one height")
        XCTAssertEqual(layout.arrows.map(\.tier), [0, 0])
        XCTAssertFalse(layout.arrows[0].label.intersects(layout.arrows[1].label))
        XCTAssertLessThan(layout.arrows[0].end.x, layout.arrows[1].start.x)
        // The arrow line sits above every value label.
        let highestLabel = layout.bars.map(\.valueLabel.minY).min() ?? 0
        for arrow in layout.arrows { XCTAssertLessThan(arrow.label.maxY, highestLabel) }
        XCTAssertEqual(layout.scene.texts(withRole: "cagr-label").map(\.text), ["CAGR 24.6%", "CAGR 24.6%"])
    }

    func testArrowStrokesAndPillsTouchNoLabelOrBar() {
        let layout = sampleMarketSizeChart().layout(theme: theme, measurer: measurer)
        let strokes = layout.scene.segments(withRole: "cagr-arrow").map { strokeRect($0) }
        let pills = layout.arrows.map(\.label)
        let obstacles = layout.bars.flatMap { [$0.valueLabel, $0.rect, $0.yearLabel] + ($0.interval.map { [$0] } ?? []) }
        for shape in strokes + pills {
            for obstacle in obstacles {
                XCTAssertFalse(shape.intersects(obstacle), "arrow part \(shape) hits \(obstacle)")
            }
        }
        XCTAssertFalse(strokes.isEmpty)
    }

    func testSingleSpanStartsAndEndsExactlyOverBarCentres() throws {
        var chart = sampleMarketSizeChart()
        chart.cagrSpans = [.init(from: 1, to: 7, rate: 0.2, label: "CAGR 20.0%")]
        let layout = chart.layout(theme: theme, measurer: measurer)
        let arrow = try XCTUnwrap(layout.arrows.first)
        XCTAssertEqual(arrow.start.x, layout.bars[1].rect.midX, accuracy: 1e-9)
        XCTAssertEqual(arrow.end.x, layout.bars[7].rect.midX, accuracy: 1e-9)
    }

    func testNestedSpanMovesUpATierInsteadOfColliding() throws {
        var chart = sampleMarketSizeChart()
        chart.cagrSpans.append(.init(from: 0, to: 8, rate: 0.245, label: "CAGR 2019–2027E 24.5%"))
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.arrows.count, 3)
        let total = try XCTUnwrap(layout.arrows.first { $0.spanIndex == 2 })
        XCTAssertEqual(total.tier, 1)
        for arrow in layout.arrows where arrow.spanIndex != 2 {
            XCTAssertLessThan(total.lineY, arrow.lineY)
            XCTAssertFalse(total.label.intersects(arrow.label))
            XCTAssertLessThan(total.label.maxY, arrow.label.minY)
        }
        // Its legs sit outside the part spans' legs on the shared first and last bars,
        // still over those bars.
        let first = layout.bars[0].rect, last = layout.bars[8].rect
        XCTAssertLessThan(total.start.x, layout.arrows[0].start.x)
        XCTAssertGreaterThan(total.end.x, layout.arrows[1].end.x)
        XCTAssertTrue((first.minX...first.maxX).contains(total.start.x))
        XCTAssertTrue((last.minX...last.maxX).contains(total.end.x))
        XCTAssertEqual(total.label.midX, (total.start.x + total.end.x) / 2, accuracy: 1e-9)
        assertEverythingOnPage(layout.scene)
    }

    func testTitleUnitLegendAndNoteStayOutOfThePlot() throws {
        let layout = sampleMarketSizeChart().layout(theme: theme, measurer: measurer)
        let blocks = layout.blocks
        let plot = layout.plotArea
        var frames = [blocks.title]
        frames += [blocks.subtitle, blocks.unit, blocks.legend, blocks.note].compactMap { $0 }
        XCTAssertEqual(frames.count, 5, "title, subtitle, unit, legend and note all drawn")
        for frame in frames { XCTAssertFalse(frame.intersects(plot), "\(frame) intersects plot \(plot)") }
        let note = try XCTUnwrap(blocks.note), unit = try XCTUnwrap(blocks.unit)
        for bar in layout.bars {
            XCTAssertFalse(bar.yearLabel.intersects(note))
            XCTAssertGreaterThan(bar.yearLabel.minY, layout.baselineY)
        }
        // Title top left, unit at the left above the plot, note at the bottom.
        XCTAssertEqual(blocks.title.minX, theme.margins.left)
        XCTAssertEqual(blocks.title.minY, theme.margins.top)
        XCTAssertEqual(unit.minX, theme.margins.left)
        XCTAssertLessThanOrEqual(unit.maxY, plot.minY)
        XCTAssertEqual(note.maxY, theme.pageSize.height - theme.margins.bottom, accuracy: 1e-9)
        XCTAssertEqual(layout.scene.texts(withRole: "title").first?.font.weight, .bold)
        XCTAssertEqual(layout.scene.texts(withRole: "unit").first?.text, "单位：亿元")
        assertNoPairIntersects(frames, "page blocks")
        assertEverythingOnPage(layout.scene)
    }

    func testLegendOnlyWhenActualsAndEstimatesBothAppear() {
        let mixed = sampleMarketSizeChart().layout(theme: theme, measurer: measurer)
        XCTAssertEqual(mixed.scene.texts(withRole: "legend").map(\.text), ["实际值", "预测值（E）", "预测区间"])
        var actualOnly = sampleMarketSizeChart()
        actualOnly.bars = actualOnly.bars.filter { !$0.isEstimate }
        actualOnly.cagrSpans = [.init(from: 0, to: 5, rate: 0.2455)]
        let layout = actualOnly.layout(theme: theme, measurer: measurer)
        XCTAssertTrue(layout.scene.items(withRole: "legend").isEmpty)
        XCTAssertNil(layout.blocks.legend)
        // Estimates without intervals: actual and estimate only.
        var noIntervals = sampleMarketSizeChart()
        for i in noIntervals.bars.indices { noIntervals.bars[i].interval = nil }
        XCTAssertEqual(noIntervals.layout(theme: theme, measurer: measurer).scene.texts(withRole: "legend").map(\.text),
                       ["实际值", "预测值（E）"])
    }

    func testLongSourceNoteWrapsToTheWidthAndPushesThePlotUp() throws {
        let short = sampleMarketSizeChart().layout(theme: theme, measurer: measurer)
        let longNote = String(repeating: "来源：中国信通院数研中心《中国数字经济发展研究报告》，工信部新闻发布会；", count: 6)
        let long = sampleMarketSizeChart(note: longNote).layout(theme: theme, measurer: measurer)
        let note = try XCTUnwrap(long.blocks.note)
        XCTAssertEqual(note.width, theme.contentArea.width, accuracy: 1e-9)
        XCTAssertGreaterThan(note.height, try XCTUnwrap(short.blocks.note).height * 2)
        XCTAssertLessThan(long.baselineY, short.baselineY)
        XCTAssertTrue(long.scene.texts(withRole: "source-note").first?.wraps ?? false)
        for bar in long.bars { XCTAssertLessThan(bar.yearLabel.maxY, note.minY) }
        assertEverythingOnPage(long.scene)
    }

    func testCrowdedWideValuesShrinkThenStaggerWithoutOverlap() {
        // 16 bars of eight-digit values: too wide for their slots at the standard size.
        let bars = (0..<16).map { i in
            MarketSizeChart.Bar(label: "\(2012 + i)\(i >= 12 ? "E" : "")", value: 10_000_000 + Double(i) * 3_456_789,
                                isEstimate: i >= 12)
        }
        let chart = MarketSizeChart(title: "Crowded", unitLabel: "CNY", bars: bars,
                                    cagrSpans: [.init(from: 0, to: 11, rate: 0.1), .init(from: 11, to: 15, rate: 0.08)],
                                    sourceNote: "Source: test")
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.problems, [])
        XCTAssertLessThan(layout.valueLabelFont.size, theme.fontSizes.valueLabel)
        XCTAssertGreaterThanOrEqual(layout.valueLabelFont.size, theme.fontSizes.minimumValueLabel)
        assertNoPairIntersects(layout.bars.map(\.valueLabel), "value labels")
        for bar in layout.bars {
            XCTAssertLessThan(bar.valueLabel.maxY, bar.rect.minY)
            XCTAssertEqual(bar.valueLabel.midX, bar.rect.midX, accuracy: 1e-9)
        }
        let strokes = layout.scene.segments(withRole: "cagr-arrow").map { strokeRect($0) }
        for stroke in strokes + layout.arrows.map(\.label) {
            for bar in layout.bars { XCTAssertFalse(stroke.intersects(bar.valueLabel)) }
        }
        assertEverythingOnPage(layout.scene)
    }

    func testWhenEvenTheMinimumSizeIsTooWideLabelsStagger() {
        let bars = (0..<24).map { MarketSizeChart.Bar(label: "Y\($0)", value: 123_456_789 + Double($0)) }
        let chart = MarketSizeChart(title: "Staggered", unitLabel: "", bars: bars, sourceNote: "")
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertTrue(layout.valueLabelsStaggered)
        XCTAssertEqual(layout.valueLabelFont.size, theme.fontSizes.minimumValueLabel)
        assertNoPairIntersects(layout.bars.map(\.valueLabel), "value labels")
        for bar in layout.bars { XCTAssertLessThan(bar.valueLabel.maxY, bar.rect.minY) }
        assertEverythingOnPage(layout.scene)
    }

    func testBadSpecificationIsReportedNotTrapped() {
        var chart = sampleMarketSizeChart()
        chart.bars[2].value = -5
        chart.bars[3].value = .nan
        chart.bars[7].interval = .init(lower: 10, upper: 1)
        chart.cagrSpans = [.init(from: 4, to: 40, rate: 0.1), .init(from: 3, to: 3, rate: 0), .init(from: 5, to: 8, rate: 0.2)]
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.problems.count, 5, layout.problems.joined(separator: "\n"))
        XCTAssertTrue(layout.problems.contains { $0.contains("negative") && $0.contains("2021") })
        XCTAssertTrue(layout.problems.contains { $0.contains("bar 5 to bar 41 of 9") })
        XCTAssertEqual(layout.arrows.map(\.spanIndex), [2])
        XCTAssertEqual(layout.bars[2].rect.height, 0)
        XCTAssertNil(layout.bars[7].interval)
        assertEverythingOnPage(layout.scene)

        let empty = MarketSizeChart(title: "Empty", unitLabel: "单位：亿元", bars: [], cagrSpans: [.init(from: 0, to: 1, rate: 0)])
        let emptyLayout = empty.layout(theme: theme, measurer: measurer)
        XCTAssertTrue(emptyLayout.bars.isEmpty && emptyLayout.arrows.isEmpty)
        XCTAssertFalse(emptyLayout.problems.isEmpty)
    }

    /// Exhibit 2's shape: 2020, (2021 not published), 2022, 2023, then estimates.
    func testAMissingYearKeepsItsOwnEmptySlotWithItsMark() throws {
        let bars: [MarketSizeChart.Bar] = [
            .init(label: "2020", value: 15), .missing(label: "2021", mark: "未发布"),
            .init(label: "2022", value: 70), .init(label: "2023", value: 141.3),
            .init(label: "2024E", value: 290.8, isEstimate: true, interval: (260, 320)),
            .init(label: "2025E", value: 596.8, isEstimate: true, interval: (500, 700)),
        ]
        let chart = MarketSizeChart(title: "中国大模型市场规模，2020–2025E", unitLabel: "单位：亿元", bars: bars,
                                    cagrSpans: [.init(from: 0, to: 3, rate: 0.748), .init(from: 3, to: 5, rate: 1.05)])
        XCTAssertEqual(chart.problems, [], "a missing year is not a problem")
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.problems, [])
        XCTAssertEqual(layout.bars.count, 6)
        // The slot exists, evenly spaced with the others: equal steps are equal years.
        let centres = layout.bars.map(\.rect.midX)
        let steps = zip(centres, centres.dropFirst()).map { $1 - $0 }
        for step in steps { XCTAssertEqual(step, steps[0], accuracy: 1e-9) }
        // ... but nothing is filled there: five bar rectangles for five values.
        let missing = layout.bars[1]
        XCTAssertTrue(missing.isMissing)
        XCTAssertEqual(missing.rect.height, 0)
        XCTAssertEqual(layout.scene.rects(withRole: "bar").count + layout.scene.rects(withRole: "bar-estimate").count, 5)
        for rect in layout.scene.rects(withRole: "bar") + layout.scene.rects(withRole: "bar-estimate") {
            XCTAssertFalse(rect.intersects(Rect(x: missing.rect.minX, y: layout.plotArea.minY,
                                                width: missing.rect.width, height: layout.plotArea.height)))
        }
        // The year is labelled under the axis and the mark stands just above it, in place of a value.
        XCTAssertEqual(layout.scene.texts(withRole: "year-label").map(\.text), ["2020", "2021", "2022", "2023", "2024E", "2025E"])
        let mark = try XCTUnwrap(layout.scene.texts(withRole: "missing-label").first)
        XCTAssertEqual(mark.text, "未发布")
        XCTAssertEqual(mark.frame, missing.valueLabel)
        XCTAssertEqual(mark.frame.midX, missing.rect.midX, accuracy: 1e-9)
        XCTAssertEqual(mark.frame.maxY, layout.baselineY - theme.spacing.labelGap, accuracy: 1e-9)
        XCTAssertLessThan(mark.font.size, layout.valueLabelFont.size)
        XCTAssertFalse(layout.scene.texts(withRole: "value-label").map(\.text).contains("未发布"))
        // CAGR legs stand over the bars they join, 2020 and 2023, not over the empty slot.
        XCTAssertEqual(layout.arrows.count, 2)
        XCTAssertEqual(layout.arrows[0].start.x, layout.bars[0].rect.midX, accuracy: 1e-9)
        XCTAssertTrue((layout.bars[3].rect.minX...layout.bars[3].rect.maxX).contains(layout.arrows[0].end.x))
        XCTAssertTrue((layout.bars[3].rect.minX...layout.bars[3].rect.maxX).contains(layout.arrows[1].start.x))
        XCTAssertEqual(layout.arrows[1].end.x, layout.bars[5].rect.midX, accuracy: 1e-9)
        assertEverythingOnPage(layout.scene)
    }

    /// A marker cannot point at a year that has no value.
    func testAMarkerOnAMissingYearIsAProblem() {
        let chart = {
            var chart = MarketSizeChart(title: "t", unitLabel: "u",
                                        bars: [.init(label: "2020", value: 1), .missing(label: "2021", mark: "未发布")])
            chart.markers = [.init(bar: 1, value: 2)]
            return chart
        }()
        XCTAssertEqual(chart.problems.count, 1)
        XCTAssertTrue(chart.layout(theme: theme, measurer: measurer).markers.isEmpty)
        let onlyMissing = MarketSizeChart(title: "t", unitLabel: "u", bars: [.missing(label: "2021", mark: "未发布")])
        XCTAssertEqual(onlyMissing.problems.count, 1, "a chart with no value at all is a problem")
    }

    func testGridlinesAtNiceValuesBelowTheArrowBand() throws {
        var chart = sampleMarketSizeChart()
        chart.showsGridlines = true
        let layout = chart.layout(theme: theme, measurer: measurer)
        let lines = layout.scene.segments(withRole: "gridline")
        XCTAssertFalse(lines.isEmpty)
        let values = lines.map { (layout.baselineY - $0.0.y) / layout.pointsPerUnit }
        XCTAssertEqual(values[0], 2500, accuracy: 1e-6)  // 0...16,400 in about five steps: 2,500
        for (k, value) in values.enumerated() {
            XCTAssertEqual(value, Double(k + 1) * 2500, accuracy: 1e-6)
        }
        for (a, b) in lines {
            XCTAssertEqual(a.y, b.y)
            XCTAssertGreaterThan(a.y, layout.arrows.map(\.label.maxY).max() ?? .infinity)
        }
        // Gridlines paint before the bars.
        let firstBar = try XCTUnwrap(layout.scene.roles.firstIndex(of: "bar"))
        XCTAssertLessThan(try XCTUnwrap(layout.scene.roles.lastIndex(of: "gridline")), firstBar)
    }

    func testRolesTagEveryKindOfItem() {
        let roles = Set(sampleMarketSizeChart().layout(theme: theme, measurer: measurer).scene.roles)
        for role in ["bar", "bar-estimate", "value-label", "cagr-arrow", "cagr-label", "cagr-pill", "title",
                     "subtitle", "unit", "source-note", "year-label", "interval", "legend", "baseline"] {
            XCTAssertTrue(roles.contains(role), role)
        }
        XCTAssertFalse(roles.contains(""))
    }

    /// A whisker far above every bar is cut at the ceiling × the tallest bar and ends in an
    /// arrow labelled with its true upper end; one below the ceiling stays whole with its caps.
    func testAWhiskerAboveTheCeilingEndsInAnArrowWithItsValue() throws {
        var chart = MarketSizeChart(title: "t", unitLabel: "单位：亿元", bars: [
            .init(label: "2023", value: 100),
            .init(label: "2024E", value: 200, isEstimate: true, interval: (150, 280)),
            .init(label: "2025E", value: 400, isEstimate: true, interval: (0, 2000)),
        ])
        chart.whiskerCeiling = 1.6
        chart.clippedUpperPrefix = "上限 "
        XCTAssertEqual(chart.whiskerClipValue ?? .nan, 640, accuracy: 1e-9)
        XCTAssertEqual((0..<3).map(chart.isWhiskerClipped), [false, false, true])
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.problems, [])
        func y(_ v: Double) -> Double { layout.baselineY - v * layout.pointsPerUnit }
        // The scale is set by the cut whisker (640), not by its true end (2000).
        let cut = try XCTUnwrap(layout.bars[2].interval)
        XCTAssertEqual(cut.minY, y(640), accuracy: 1e-9)
        XCTAssertEqual(cut.maxY, y(0), accuracy: 1e-9)
        XCTAssertGreaterThanOrEqual(cut.minY, layout.plotArea.minY)
        let whole = try XCTUnwrap(layout.bars[1].interval)
        XCTAssertEqual(whole.minY, y(280), accuracy: 1e-9)
        XCTAssertNil(layout.bars[1].clippedUpperLabel)
        // The label with the true end sits just above the arrow tip, the value label above it.
        let label = try XCTUnwrap(layout.bars[2].clippedUpperLabel)
        XCTAssertEqual(label.maxY, y(640) - theme.spacing.labelGap / 2, accuracy: 1e-9)
        XCTAssertEqual(label.midX, layout.bars[2].rect.midX, accuracy: 1e-9)
        XCTAssertLessThanOrEqual(layout.bars[2].valueLabel.maxY, label.minY)
        XCTAssertFalse(layout.bars[2].valueLabel.intersects(label))
        let texts = layout.scene.items(withRole: "interval-clip-label").compactMap { item -> String? in
            if case .text(let box) = item { return box.text } else { return nil }
        }
        XCTAssertEqual(texts, ["上限 2,000"])
        XCTAssertEqual(layout.scene.items(withRole: "interval-clip-arrow").count, 1)
        XCTAssertEqual(layout.scene.items(withRole: "interval-clipped").count, 1)
        XCTAssertEqual(layout.scene.items(withRole: "interval").count, 1, "the uncut whisker keeps its role")
        // The deck keeps the interval's ends but leaves the cut whisker's error bar to the shapes.
        guard case .chart(let native)? = layout.native else { return XCTFail("no native chart") }
        XCTAssertEqual(native.series[0].upper?[2] ?? nil, 2000)
        XCTAssertEqual(native.series[0].errorBarsDrawnAsShapes, [2])
        // Without a ceiling nothing is cut: the scale holds the whole whisker.
        chart.whiskerCeiling = nil
        let uncut = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(try XCTUnwrap(uncut.bars[2].interval).minY, uncut.baselineY - 2000 * uncut.pointsPerUnit, accuracy: 1e-9)
        XCTAssertTrue(uncut.scene.items(withRole: "interval-clip-arrow").isEmpty)
        // An unusable ceiling never traps: it is ignored.
        for bad in [Double.nan, -1, 0.5, .infinity] {
            chart.whiskerCeiling = bad
            XCTAssertNil(chart.whiskerClipValue, "\(bad)")
            _ = chart.layout(theme: theme, measurer: measurer)
        }
    }

    func testLayoutIsDeterministic() {
        let a = sampleMarketSizeChart().layout(theme: theme, measurer: measurer)
        let b = sampleMarketSizeChart().layout(theme: theme, measurer: measurer)
        XCTAssertEqual(a.scene, b.scene)
    }
}
