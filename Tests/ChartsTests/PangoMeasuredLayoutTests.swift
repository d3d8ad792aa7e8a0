// The same layout guarantees with the real measurer (Pango, Noto Sans CJK SC), so the
// numbers hold for the text the renderer will actually draw, not only for the fake.
import Foundation
import XCTest
@testable import Charts
import Rendering

final class PangoMeasuredLayoutTests: XCTestCase {
    let theme = Theme.standard
    let measurer = PangoTextMeasurer()

    /// Every text box holds its text as Pango sets it: single lines fit the frame's width,
    /// wrapped blocks fit its height when broken at the frame's width.
    func assertTextFitsItsFrames(_ scene: Scene, file: StaticString = #filePath, line: UInt = #line) {
        for (box, role) in scene.textBoxes {
            let size = measurer.measure(box.text, font: box.font, maxWidth: box.wraps ? box.frame.width : nil)
            XCTAssertLessThanOrEqual(size.width, box.frame.width + 0.01, "\(role) \"\(box.text)\" too wide", file: file, line: line)
            XCTAssertLessThanOrEqual(size.height, box.frame.height + 0.01, "\(role) \"\(box.text)\" too tall", file: file, line: line)
        }
    }

    func testMarketSizeChartWithPango() throws {
        let chart = sampleMarketSizeChart()
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.problems, [])
        XCTAssertEqual(layout.valueLabelFont.size, theme.fontSizes.valueLabel, "nine bars need no shrinking")
        for (bar, spec) in zip(layout.bars, chart.bars) {
            XCTAssertTrue(layout.plotArea.contains(bar.rect))
            XCTAssertEqual(bar.rect.height / spec.value, layout.pointsPerUnit, accuracy: 1e-9)
            XCTAssertEqual(bar.valueLabel.midX, bar.rect.midX, accuracy: 1e-9)
            XCTAssertLessThan(bar.valueLabel.maxY, min(bar.rect.minY, bar.interval?.minY ?? .infinity))
        }
        assertNoPairIntersects(layout.bars.map(\.valueLabel), "value labels")
        assertNoPairIntersects(layout.bars.map(\.yearLabel), "year labels")
        let strokes = layout.scene.segments(withRole: "cagr-arrow").map { strokeRect($0) }
        for shape in strokes + layout.arrows.map(\.label) {
            for bar in layout.bars {
                XCTAssertFalse(shape.intersects(bar.valueLabel))
                XCTAssertFalse(shape.intersects(bar.rect))
            }
        }
        for arrow in layout.arrows {
            let span = chart.cagrSpans[arrow.spanIndex]
            let first = layout.bars[span.from].rect, last = layout.bars[span.to].rect
            XCTAssertTrue((first.minX...first.maxX).contains(arrow.start.x))
            XCTAssertTrue((last.minX...last.maxX).contains(arrow.end.x))
            XCTAssertEqual(arrow.label.midX, (arrow.start.x + arrow.end.x) / 2, accuracy: 1e-9)
        }
        XCTAssertEqual(layout.arrows.map(\.lineY).count, 2)
        XCTAssertEqual(layout.arrows[0].lineY, layout.arrows[1].lineY)
        for frame in [layout.blocks.title] + [layout.blocks.unit, layout.blocks.legend, layout.blocks.note].compactMap({ $0 }) {
            XCTAssertFalse(frame.intersects(layout.plotArea))
        }
        assertTextFitsItsFrames(layout.scene)
        assertEverythingOnPage(layout.scene)
    }

    func testLongChineseNoteWrapsByPangoAndStaysOnThePage() throws {
        let note = String(repeating: "来源：中国信通院数研中心《中国数字经济发展研究报告》，工信部新闻发布会（2022-07-26）；", count: 5)
        let layout = sampleMarketSizeChart(note: note).layout(theme: theme, measurer: measurer)
        let frame = try XCTUnwrap(layout.blocks.note)
        let box = try XCTUnwrap(layout.scene.texts(withRole: "source-note").first)
        XCTAssertGreaterThan(measurer.lineCount(note, font: box.font, maxWidth: frame.width), 2)
        for bar in layout.bars { XCTAssertLessThan(bar.yearLabel.maxY, frame.minY) }
        assertTextFitsItsFrames(layout.scene)
        assertEverythingOnPage(layout.scene)
    }

    func testLineAndRankingChartsWithPango() {
        let visits = sampleVisitsChart().layout(theme: theme, measurer: measurer)
        XCTAssertEqual(visits.problems, [])
        XCTAssertEqual(visits.series[0].segments.map(\.count), [10, 1])
        assertNoPairIntersects(visits.categoryLabels, "month labels")
        assertNoPairIntersects(visits.tickLabels, "tick labels")
        XCTAssertLessThan(visits.milestoneLabels[0].maxY, visits.plotArea.minY)
        assertTextFitsItsFrames(visits.scene)
        assertEverythingOnPage(visits.scene)

        let ranking = sampleRankingChart().layout(theme: theme, measurer: measurer)
        XCTAssertEqual(ranking.problems, [])
        assertNoPairIntersects(ranking.rows.flatMap { [$0.bar, $0.label, $0.scoreLabel] }, "ranking parts")
        assertTextFitsItsFrames(ranking.scene)
        assertEverythingOnPage(ranking.scene)
    }

    /// Renders the sample charts as PNG (and SVG, PDF) into $CHARTS_RENDER_DIR for a human
    /// to look at; skipped otherwise.
    /// Every sample chart renders in every format: a PNG of the page's pixel size, an SVG
    /// and a PDF that start as those formats do. The files go to $CHARTS_RENDER_DIR when it
    /// is set, to look at after a layout change; to a temporary folder otherwise.
    func testEverySampleChartRendersInEveryFormat() throws {
        let dir = ProcessInfo.processInfo.environment["CHARTS_RENDER_DIR"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-samples-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        if ProcessInfo.processInfo.environment["CHARTS_RENDER_DIR"] == nil {
            addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        }
        let renderer = SceneRenderer(measurer: measurer)
        let scenes = SampleCharts.scenes(measurer: measurer)
        XCTAssertGreaterThanOrEqual(scenes.count, 6)
        for (name, scene) in scenes {
            for format in ImageFormat.allCases {
                let path = "\(dir)/\(name).\(format.rawValue)"
                try renderer.write(scene, to: path, format: format, scale: 1)
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                switch format {
                case .png:
                    XCTAssertEqual(Array(data.prefix(4)), [0x89, 0x50, 0x4E, 0x47], name)
                    // IHDR width and height, big-endian, at bytes 16–23.
                    let width = data[16..<20].reduce(0) { $0 << 8 | Int($1) }
                    let height = data[20..<24].reduce(0) { $0 << 8 | Int($1) }
                    XCTAssertEqual(width, Int(scene.size.width), name)
                    XCTAssertEqual(height, Int(scene.size.height), name)
                case .svg:
                    XCTAssertTrue(String(decoding: data.prefix(200), as: UTF8.self).contains("<svg"), name)
                case .pdf:
                    XCTAssertEqual(String(decoding: data.prefix(5), as: UTF8.self), "%PDF-", name)
                }
            }
        }
    }
}

/// The charts a human should look at after a layout change.
enum SampleCharts {
    static func scenes(measurer: TextMeasuring) -> [(String, Scene)] {
        var nested = sampleMarketSizeChart()
        nested.cagrSpans.append(.init(from: 0, to: 8, rate: 0.245, label: "CAGR 2019–2027E 24.5%"))
        nested.showsGridlines = true
        return [("market-size", sampleMarketSizeChart().layout(measurer: measurer).scene),
                ("market-size-nested", nested.layout(measurer: measurer).scene),
                ("chatgpt-visits", sampleVisitsChart().layout(measurer: measurer).scene),
                ("penetration-ranking", sampleRankingChart().layout(measurer: measurer).scene),
                ("market-size-en", sampleEnglishChart().layout(measurer: measurer).scene),
                ("adoption-curves", LineChart(
                    title: "大模型行业渗透率，2021–2027E", unitLabel: "单位：%",
                    categories: ["2021", "2022", "2023", "2024", "2025E", "2026E", "2027E"],
                    series: [.init(name: "金融", values: [8, 14, 22, 31, 42, 52, 60]),
                             .init(name: "制造", values: [2, 4, nil, 9, 14, 20, 27]),
                             .init(name: "医疗（预测）", values: [nil, nil, nil, 6, 10, 15, 21], isEstimate: true)],
                    milestones: [.init(index: 2, label: "2023年：近80个国产大模型发布")],
                    sourceNote: "示意数据，仅用于版式检查。").layout(measurer: measurer).scene)]
    }
}

final class PangoMeasuredEdgeCaseTests: XCTestCase {
    let theme = Theme.standard
    let measurer = PangoTextMeasurer()

    /// The English report: CNY bn with one decimal, a long two-line title, more bars.
    func testEnglishChartWithLongTitleAndManyBars() {
        let chart = sampleEnglishChart()
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.problems, [])
        XCTAssertGreaterThan(measurer.lineCount(chart.title, font: theme.font(theme.fontSizes.title, weight: .bold),
                                                maxWidth: theme.contentArea.width), 1)
        assertNoPairIntersects(layout.bars.map(\.valueLabel), "value labels")
        assertNoPairIntersects(layout.bars.map(\.yearLabel), "year labels")
        for bar in layout.bars {
            XCTAssertTrue(layout.plotArea.contains(bar.rect))
            XCTAssertLessThan(bar.valueLabel.maxY, min(bar.rect.minY, bar.interval?.minY ?? .infinity))
        }
        let strokes = layout.scene.segments(withRole: "cagr-arrow").map { strokeRect($0) }
        for shape in strokes + layout.arrows.map(\.label) {
            for bar in layout.bars { XCTAssertFalse(shape.intersects(bar.valueLabel)) }
        }
        XCTAssertFalse(layout.blocks.title.intersects(layout.plotArea))
        XCTAssertFalse(layout.blocks.unit.map { $0.intersects(layout.plotArea) } ?? true)
        assertEverythingOnPage(layout.scene)
    }
}

/// The English report's market-size chart: CNY bn with one decimal, a two-line title, 13 bars.
func sampleEnglishChart() -> MarketSizeChart {
    let values: [Double] = [180.4, 215.2, 250.0, 303.1, 430.5, 508.0, 578.4, 747.0, 930.2, 1160.4, 1440.9, 1790.3, 2210.0]
    let bars = values.enumerated().map { i, v in
        MarketSizeChart.Bar(label: "\(2017 + i)\(i >= 8 ? "E" : "")", value: v, isEstimate: i >= 8,
                            interval: i >= 8 ? (v * 0.9, v * 1.12) : nil)
    }
    return MarketSizeChart(
        title: "China AI core industry size, 2017–2029E: actuals from CAICT and MIIT, estimates from a fitted logistic growth model",
        unitLabel: "CNY bn", bars: bars,
        cagrSpans: [.init(from: 0, to: 7, rate: 0.225), .init(from: 7, to: 12, rate: 0.244)],
        legend: .english, sourceNote: "Source: CAICT; MIIT. E: this tool's forecast.",
        formatValue: ValueFormat.groupedDecimal(decimals: 1))
}
