// Layout guarantees of the report's chart kinds (timeline, stage diagram, figure tiles,
// table pages), measured with Pango so the numbers hold for the text actually drawn.
import Foundation
import XCTest
@testable import Charts
import Rendering

final class ReportChartKindsLayoutTests: XCTestCase {
    let theme = Theme.standard
    let measurer = PangoTextMeasurer()

    func assertTextFits(_ scene: Scene, file: StaticString = #filePath, line: UInt = #line) {
        for (box, role) in scene.textBoxes {
            let size = measurer.measure(box.text, font: box.font, maxWidth: box.wraps ? box.frame.width : nil)
            XCTAssertLessThanOrEqual(size.width, box.frame.width + 0.01, "\(role) \"\(box.text)\" too wide", file: file, line: line)
            XCTAssertLessThanOrEqual(size.height, box.frame.height + 0.01, "\(role) \"\(box.text)\" too tall", file: file, line: line)
            XCTAssertTrue(Rect(x: 0, y: 0, width: theme.pageSize.width, height: theme.pageSize.height).contains(box.frame),
                          "\(role) \"\(box.text)\" leaves the page", file: file, line: line)
        }
    }

    // MARK: Timeline

    func testTimelineLabelsNeverIntersectAndAlternateSides() {
        let chart = sampleReleaseTimeline()
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.problems, [])
        XCTAssertEqual(layout.labels.count, 9)
        assertNoPairIntersects(layout.labels, "release labels")
        assertNoPairIntersects(layout.labels + layout.tickLabels, "labels and ticks")
        XCTAssertEqual(layout.above, (0..<9).map { $0 % 2 == 0 }, "labels alternate above and below")
        for (i, label) in layout.labels.enumerated() {
            // Each label is on its side of the axis, clear of it, and holds its dot's x.
            if layout.above[i] { XCTAssertLessThan(label.maxY, layout.axisY) } else { XCTAssertGreaterThan(label.minY, layout.axisY) }
            XCTAssertLessThanOrEqual(label.minX, layout.dots[i].x + 1e-9)
            XCTAssertGreaterThanOrEqual(label.maxX, layout.dots[i].x - 1e-9)
            XCTAssertTrue(layout.blocks.body.contains(label), "label \(i) inside the body")
        }
        // Dots are in date order along the axis.
        XCTAssertEqual(layout.dots.map(\.x), layout.dots.map(\.x).sorted())
        assertTextFits(layout.scene)
    }

    func testCrowdedDatesStackIntoTiersInsteadOfOverlapping() {
        var chart = sampleReleaseTimeline()
        chart.events = (0..<6).map { Timeline.Event(position: Double(4 * 31 + 7 + $0), dateLabel: "4月\(7 + $0)日",
                                                    title: "厂商\($0)", detail: "模型\($0)") }
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.problems, [])
        // Labels may stand beside their day (still over its dot) rather than climb a tier each.
        XCTAssertLessThanOrEqual(layout.tiers.max() ?? 0, 2, "six labels a day apart fit in three tiers per side")
        assertNoPairIntersects(layout.labels, "crowded labels")
        for (j, dot) in layout.dots.enumerated() {
            for (i, label) in layout.labels.enumerated()
            where i != j && layout.above[i] == layout.above[j] && layout.tiers[i] < layout.tiers[j] {
                XCTAssertFalse(dot.x > label.minX && dot.x < label.maxX, "the leader of event \(j) crosses label \(i)")
            }
        }
        assertTextFits(layout.scene)
    }

    func testTimelineReportsEventsOffTheAxis() {
        var chart = sampleReleaseTimeline()
        chart.events.append(Timeline.Event(position: 1000, dateLabel: "x", title: "late"))
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.labels.count, 9)
        XCTAssertTrue(layout.problems.contains { $0.contains("late") }, "\(layout.problems)")
    }

    // MARK: Stage diagram

    func testStageDiagramBandsTileTheAxisAndMilestonesDoNotCollide() {
        for english in [false, true] {
            let layout = sampleStageDiagram(english: english).layout(theme: theme, measurer: measurer)
            XCTAssertEqual(layout.problems, [], "english: \(english)")
            XCTAssertEqual(layout.bands.count, 4)
            for (a, b) in zip(layout.bands, layout.bands.dropFirst()) {
                XCTAssertEqual(a.maxX + 1, b.minX, accuracy: 1e-6, "bands follow each other")
            }
            XCTAssertEqual(layout.milestoneLabels.count, 8)
            assertNoPairIntersects(layout.milestoneLabels, "milestone labels")
            for label in layout.milestoneLabels {
                for band in layout.bands { XCTAssertFalse(label.intersects(band), "a label covers a band") }
                for tick in layout.tickLabels { XCTAssertFalse(label.intersects(tick), "a label covers a year") }
            }
            // Each stage's name and period sit inside its band.
            for (band, label) in zip(layout.bands, layout.bandLabels) { XCTAssertTrue(band.contains(label)) }
            // Dots sit at their years: 1950 at the first band's left edge.
            XCTAssertEqual(layout.milestoneDots[0].x, layout.bands[0].minX, accuracy: 1e-6)
            assertTextFits(layout.scene)
        }
    }

    // MARK: Figure tiles

    func testFigureTilesStayInsideTheBodyAndHoldTheirText() {
        let chart = sampleFigureTiles()
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(layout.problems, [])
        XCTAssertEqual(layout.tiles.count, 18)
        assertNoPairIntersects(layout.tiles.map(\.frame), "tiles")
        for tile in layout.tiles {
            XCTAssertTrue(layout.blocks.body.contains(tile.frame), "tile \(tile.frame) inside the body")
            for part in [tile.value, tile.label, tile.caption] { XCTAssertTrue(tile.frame.contains(part)) }
            XCTAssertLessThanOrEqual(tile.value.maxY, tile.label.minY)
            XCTAssertLessThanOrEqual(tile.label.maxY, tile.caption.minY)
        }
        XCTAssertGreaterThanOrEqual(layout.valueFont.size, theme.fontSizes.valueLabel)
        assertTextFits(layout.scene)
        XCTAssertEqual(layout.scene.items(withRole: "legend").count, 2, "the estimate tile brings a legend entry")
    }

    func testThreeTilesPerRowWhenAsked() {
        let chart = FigureTiles(title: "算力", tiles: (1...6).map { .init(value: "\($0) EFLOPS", label: "算力", caption: "商汤") },
                                columns: 3)
        let layout = chart.layout(theme: theme, measurer: measurer)
        XCTAssertEqual(Set(layout.tiles.map(\.frame.minY)).count, 2)
        XCTAssertEqual(layout.tiles[0].frame.minY, layout.tiles[2].frame.minY)
    }

    // MARK: Table pages

    func testTableCellsContainTheirTextAndLongTablesContinue() {
        let long = String(repeating: "大模型在金融、消费与能源行业的应用功能说明。", count: 3)
        let rows = (1...40).map { i in ["行业 \(i)", i % 4 == 0 ? long : "功能 \(i)", "Frost & Sullivan / LeadLeo 2023 report text"] }
        let table = TablePage(title: "各行业大模型应用功能", continuedSuffix: "（续）",
                              columns: [.init(header: "行业", weight: 1), .init(header: "应用功能", weight: 2),
                                        .init(header: "来源", weight: 2)],
                              rows: rows, sourceNote: "注：测试")
        let pages = table.layoutPages(theme: theme, measurer: measurer)
        XCTAssertGreaterThan(pages.count, 1, "40 rows do not fit one page")
        XCTAssertEqual(pages.flatMap(\.rows).count, 40, "every row is placed exactly once")
        XCTAssertEqual(pages.map(\.firstRow), pages.indices.map { p in pages[..<p].map(\.rows.count).reduce(0, +) })
        for (index, page) in pages.enumerated() {
            XCTAssertEqual(page.problems, [])
            XCTAssertEqual(page.scene.texts(withRole: "title").first?.text,
                           index == 0 ? "各行业大模型应用功能" : "各行业大模型应用功能（续）")
            XCTAssertEqual(page.header.map(\.content), ["行业", "应用功能", "来源"], "header repeated on page \(index + 1)")
            for row in page.rows {
                for cell in row {
                    XCTAssertTrue(cell.frame.contains(cell.text), "\(cell.content) inside its cell")
                    XCTAssertTrue(page.blocks.body.contains(cell.frame), "cell inside the body on page \(index + 1)")
                    let size = measurer.measure(cell.content, font: theme.font(theme.fontSizes.axis - 1), maxWidth: cell.text.width)
                    XCTAssertLessThanOrEqual(size.height, cell.text.height + 0.01)
                }
            }
            // Rows follow each other without gaps or overlaps.
            for (a, b) in zip(page.rows, page.rows.dropFirst()) { XCTAssertEqual(a[0].frame.maxY, b[0].frame.minY, accuracy: 1e-9) }
            assertTextFits(page.scene)
        }
    }

    /// A contents page stays on one page: its type gets smaller instead of continuing; a
    /// table that may continue keeps the house size and continues; a short table spreads out.
    func testTablesFitTheirPageAsAsked() {
        let rows = (1...27).map { ["第 \($0) 个图表的标题", "\($0)"] }
        var contents = TablePage(title: "目录", continuedSuffix: "（续）",
                                 columns: [.init(header: "内容", weight: 10), .init(header: "页码", alignment: .right)],
                                 rows: rows)
        contents.rowPadding = 1
        XCTAssertGreaterThan(contents.layoutPages(theme: theme, measurer: measurer).count, 1, "too long at the house size")
        contents.shrinksToOnePage = true
        let pages = contents.layoutPages(theme: theme, measurer: measurer)
        XCTAssertEqual(pages.count, 1)
        XCTAssertEqual(pages[0].rows.count, 27)
        let body = pages[0].blocks.body
        XCTAssertLessThanOrEqual(pages[0].rows.last?.last?.frame.maxY ?? .infinity, body.maxY + 1e-9)
        let size = pages[0].scene.elements.compactMap { element -> Double? in
            if element.role == "table-cell", case .text(let box) = element.item { return box.font.size } else { return nil }
        }.max() ?? 0
        XCTAssertLessThan(size, theme.fontSizes.axis - 1)
        XCTAssertGreaterThanOrEqual(size, theme.fontSizes.minimumValueLabel)

        let short = TablePage(title: "厂商", continuedSuffix: "（续）", columns: [.init(header: "厂商")],
                              rows: [["百度"], ["阿里巴巴"], ["腾讯"]]).layoutPages(theme: theme, measurer: measurer)[0]
        let rowHeight = short.rows[0][0].frame.height
        let text = measurer.lineHeight(theme.font(theme.fontSizes.axis - 1))
        XCTAssertEqual(rowHeight, text + 2 * 10, accuracy: 1e-6, "a short table spreads its rows, to 10 pt of padding at most")
    }

    func testEmptyTableIsOnePageWithItsHeader() {
        let table = TablePage(title: "目录", continuedSuffix: "（续）", columns: [.init(header: "内容")], rows: [])
        let pages = table.layoutPages(theme: theme, measurer: measurer)
        XCTAssertEqual(pages.count, 1)
        XCTAssertEqual(pages[0].rows.count, 0)
    }

    func testLabelTiersPutOverlappingLabelsOnAnotherTier() {
        let placed = LabelTierPlacement.place(centers: [100, 110, 300], widths: [50, 50, 50], sides: [0, 0, 0],
                                              bounds: 0...400, separation: 4)
        XCTAssertEqual(placed.map(\.tier), [0, 1, 0])
        // Clamped into the bounds, never off the edge.
        let edge = LabelTierPlacement.place(centers: [5], widths: [50], sides: [1], bounds: 0...400, separation: 4)
        XCTAssertEqual(edge[0].minX, 0)
        XCTAssertEqual(edge[0].side, 1)
    }
}

// Samples shared by the layout and golden-image tests.

/// The nine 2023 releases: three of them within eleven days in April.
func sampleReleaseTimeline() -> Timeline {
    let dates: [(Int, Int, String, String)] = [
        (2, 7, "三六零", "智脑"), (2, 20, "复旦大学", "MOSS"), (3, 16, "百度", "文心一言"),
        (3, 22, "清华大学", "ChatGLM"), (4, 7, "商汤", "日日新"), (4, 11, "阿里巴巴", "通义千问"),
        (4, 18, "华为", "盘古"), (5, 6, "科大讯飞", "星火认知"), (6, 19, "腾讯", "混元")]
    func day(_ m: Int, _ d: Int) -> Double { Double(m * 31 + d) }
    return Timeline(title: "2023 年中国大模型发布时间线",
                    events: dates.map { Timeline.Event(position: day($0.0, $0.1), dateLabel: "\($0.0)月\($0.1)日",
                                                       title: $0.2, detail: $0.3) },
                    start: day(2, 1), end: day(7, 1),
                    ticks: (2...7).map { Timeline.Tick(position: day($0, 1), label: "\($0)月") },
                    sourceNote: "来源：测试")
}

func sampleStageDiagram(english: Bool = false) -> StageDiagram {
    StageDiagram(
        title: "人工智能发展阶段，1950–2026",
        stages: [.init(name: english ? "Beginnings" : "起步", period: "1950–1980", start: 1950, end: 1980),
                 .init(name: english ? "Development" : "发展", period: "1980–2010", start: 1980, end: 2010),
                 .init(name: english ? "Breakthrough" : "突破", period: "2010–2020", start: 2010, end: 2020),
                 .init(name: english ? "Scaled application" : "规模化应用", period: "2020–", start: 2020, end: nil)],
        milestones: [(1950, "Turing test"), (1956, "Dartmouth workshop"), (1997, "Deep Blue beats the world chess champion"),
                     (2006, "Deep learning (Hinton)"), (2012, "AlexNet wins ImageNet"), (2016, "AlphaGo beats Lee Sedol"),
                     (2017, "Transformer architecture"), (2022, "ChatGPT released")]
            .map { StageDiagram.Milestone(year: $0.0, label: $0.1) },
        start: 1950, end: 2026, tickYears: Array(stride(from: 1950, through: 2020, by: 10)), sourceNote: "Source: test")
}

func sampleFigureTiles() -> FigureTiles {
    let tiles = (1...18).map { i in
        FigureTiles.Tile(value: i % 3 == 0 ? "+11.38个百分点" : "\(i * 1000)+",
                         label: i % 2 == 0 ? "gain over common industry setups" : "电力大模型综合得分",
                         caption: "Shandong Energy (with Huawei)", isEstimate: i == 5)
    }
    let chart = FigureTiles(title: "大模型应用案例成效", tiles: tiles, estimateLegend: "预计", sourceNote: "来源：测试")
    return chart
}

func sampleTable() -> TablePage {
    TablePage(title: "各行业大模型应用功能", continuedSuffix: "（续）",
              columns: [.init(header: "行业", weight: 1.2), .init(header: "应用功能", weight: 2), .init(header: "依据", weight: 2.4)],
              rows: [["金融", "金融知识问答", "Frost & Sullivan / LeadLeo 2023 report text"],
                     ["泛消费", "内容生成（博文创作）", "案例：微博"], ["", "门店运营", "案例：百丽"],
                     ["能源-电力", "智能巡检与缺陷识别：一段足够长、需要在单元格内按 Pango 规则换行的说明文字", "案例：深圳燃气"],
                     ["制造", "未说明", "Frost & Sullivan / LeadLeo 2023 report text"]],
              sourceNote: "注：示意。")
}

/// Reference markers on the market-size chart (the publisher's own forecasts on exhibit 2).
final class MarketSizeMarkerLayoutTests: XCTestCase {
    func testMarkersSitBesideTheirBarsAtTheirValuesAndTouchNoLabel() {
        let measurer = PangoTextMeasurer()
        var chart = MarketSizeChart(title: "中国大模型市场规模，2020–2027E", unitLabel: "单位：亿元",
                                    bars: [.init(label: "2020", value: 15), .init(label: "2022", value: 70),
                                           .init(label: "2023", value: 141.34),
                                           .init(label: "2024E", value: 290.76, isEstimate: true, interval: (250, 330)),
                                           .init(label: "2025E", value: 596.81, isEstimate: true, interval: (500, 700))],
                                    cagrSpans: [.init(from: 0, to: 2, rate: 1.112)], sourceNote: "来源：测试")
        chart.markers = [.init(bar: 2, value: 147), .init(bar: 3, value: 216), .init(bar: 3, value: 294.16),
                         .init(bar: 4, value: 495.39), .init(bar: 9, value: 1)]
        chart.markerLegend = "出版方当时的预测"
        let layout = chart.layout(measurer: measurer)
        XCTAssertEqual(layout.problems.count, 1, "the marker on a missing bar is reported: \(layout.problems)")
        XCTAssertEqual(layout.markers.count, 4)
        let expected = [(2, 147.0), (3, 216.0), (3, 294.16), (4, 495.39)]
        for (frame, (bar, value)) in zip(layout.markers, expected) {
            XCTAssertEqual(frame.midY, layout.baselineY - value * layout.pointsPerUnit, accuracy: 1e-9)
            XCTAssertGreaterThan(frame.minX, layout.bars[bar].rect.maxX, "right of its bar")
            if bar + 1 < layout.bars.count { XCTAssertLessThan(frame.maxX, layout.bars[bar + 1].rect.minX) }
            for other in layout.bars {
                XCTAssertFalse(frame.intersects(other.valueLabel))
                XCTAssertFalse(frame.intersects(other.yearLabel))
                XCTAssertFalse(frame.intersects(other.rect))
            }
        }
        assertNoPairIntersects(layout.markers, "markers")
        XCTAssertTrue(layout.scene.texts(withRole: "legend").contains { $0.text == "出版方当时的预测" })
        // A marker above its bar lifts the value label above the marker.
        XCTAssertLessThan(layout.bars[2].valueLabel.maxY, layout.markers[0].midY)
    }
}
